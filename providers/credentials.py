"""A founder's check of a perinatal credential a provider lists: when, and by whom. Never shown publicly; the site
shows only "Verified by the directory" beside a credential the listing still holds."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CredentialCheck(models.Model):
    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="credential_checks")
    credential = models.ForeignKey("providers.Credential", on_delete=models.PROTECT, related_name="checks")
    verified_at = models.DateTimeField()
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = "credential check"
        constraints = [
            models.UniqueConstraint(fields=["provider", "credential"], name="credential_checked_once_per_listing")
        ]

    def __str__(self):
        return f"{self.credential} of {self.provider}"
