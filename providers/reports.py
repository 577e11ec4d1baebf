"""Families' reports of a problem with a listing, queued for the founders.

Anonymous by design: nothing about the person who reports is stored (no name, email or address).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from providers.events import TransitionNotAllowed


class ListingReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ListingReport.Status.OPEN)


class ListingReport(models.Model):
    class Reason(models.TextChoices):
        OUTDATED = "outdated", _("Some information is wrong or out of date")
        UNREACHABLE = "unreachable", _("I couldn't reach them")
        NOT_ACCEPTING = "not_accepting", _("They are not taking new clients")
        CARE_CONCERN = "care_concern", _("Something about their care felt unsafe or not trauma-informed")
        CREDENTIALS = "credentials", _("A concern about their license or credentials")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    details = models.TextField(blank=True, max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)

    objects = ListingReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "listing report"

    def __str__(self):
        return f"{self.get_reason_display()}: {self.provider}"

    def resolve(self, *, by, note=""):
        with transaction.atomic():
            report = ListingReport.objects.select_for_update().get(pk=self.pk)
            if report.status != self.Status.OPEN:
                raise TransitionNotAllowed(f"The report “{report}” is already resolved.")
            report.status = self.Status.RESOLVED
            report.resolved_by = by
            report.resolved_at = timezone.now()
            report.resolution_note = note.strip()
            report.save(update_fields=["status", "resolved_by", "resolved_at", "resolution_note"])
        self.refresh_from_db()
