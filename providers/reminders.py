"""Availability reminders: a kind nudge, with one-click links, to providers whose availability has gone unconfirmed.

Safe to run daily from cron and idempotent: each listing is stamped when its reminder goes, and is not reminded
again for REMIND_EVERY_DAYS. A reminder whose email fails is un-stamped, so the next run tries again.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from core.emails import render_email
from providers.lifecycle import REMIND_AFTER_DAYS
from providers.models import Provider
from providers.notifications import absolute_url, provider_address
from providers.tokens import AVAILABILITY_MAX_AGE, availability_token

logger = logging.getLogger(__name__)


def reminder_email(provider) -> tuple[str, str]:
    context = {
        "provider": provider,
        "yes_url": absolute_url("listing:availability_link", token=availability_token(provider, True)),
        "no_url": absolute_url("listing:availability_link", token=availability_token(provider, False)),
        "dashboard_url": absolute_url("listing:dashboard"),
        "valid_days": AVAILABILITY_MAX_AGE.days,
        "after_days": REMIND_AFTER_DAYS,
    }
    return render_email("providers/emails/availability_reminder", context)


def send_availability_reminders(now=None) -> tuple[int, int]:
    """Emails every published listing due a reminder. Returns (sent, failed)."""
    now = now or timezone.now()
    sent = failed = 0
    for pk in Provider.objects.due_availability_reminder(now).values_list("pk", flat=True):
        with transaction.atomic():
            # Re-checked under a lock: two overlapping runs never remind the same listing twice.
            provider = (
                Provider.objects.due_availability_reminder(now)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("owner")
                .filter(pk=pk)
                .first()
            )
            if provider is None:
                continue
            previous = provider.availability_reminder_sent_at
            # update(), not save(): a reminder is not an edit (no updated_at, no search document rebuild).
            Provider.objects.filter(pk=pk).update(availability_reminder_sent_at=now)
        try:
            subject, body = reminder_email(provider)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [provider_address(provider)])
        except Exception:  # any transport failure: un-stamp so tomorrow's run tries again
            logger.exception("Availability reminder for listing %s not sent", pk)
            Provider.objects.filter(pk=pk).update(availability_reminder_sent_at=previous)
            failed += 1
        else:
            sent += 1
    return sent, failed
