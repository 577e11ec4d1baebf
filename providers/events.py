"""A listing's statuses, its history (ListingEvent) and the refusal of a move that makes no sense.

The ground of the listing's life: pending.py (edits kept for review) and lifecycle.py (the transitions) build on it,
and models.py's Provider takes its Status from here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class TransitionNotAllowed(Exception):
    """A listing was asked to move to a state it cannot reach from where it is."""


class ListingStatus(models.TextChoices):
    """Provider.Status."""

    DRAFT = "draft", "Draft"
    PENDING = "pending", "Pending review"
    PUBLISHED = "published", "Published"
    CHANGES_REQUESTED = "changes_requested", "Changes requested"
    REJECTED = "rejected", "Rejected"
    SUSPENDED = "suspended", "Suspended"


class ListingEvent(models.Model):
    """One thing that happened to a listing: who, when, from which status to which, and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        APPROVED = "approved", "Approved and published"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        REJECTED = "rejected", "Rejected"
        SUSPENDED = "suspended", "Suspended"
        REINSTATED = "reinstated", "Reinstated"
        LICENSE_VERIFIED = "license_verified", "License verified"
        EDITS_SUBMITTED = "edits_submitted", "Edits sent for review"
        EDITS_APPROVED = "edits_approved", "Edits approved"
        EDITS_RETURNED = "edits_returned", "Changes requested on edits"
        EDITS_REJECTED = "edits_rejected", "Edits rejected"
        EDITS_WITHDRAWN = "edits_withdrawn", "Edits withdrawn"
        EDITED_IN_ADMIN = "edited_in_admin", "Edited in the admin"
        APPROVAL_STOPPED = "approval_stopped", "Approval stopped: changed since the founder opened it"

    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "listing event"

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"
