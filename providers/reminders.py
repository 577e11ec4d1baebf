"""Availability reminders: a kind nudge, with one-click links, to providers whose availability has gone unconfirmed.

Safe to run daily from cron and idempotent: each listing is stamped when its reminder is queued, and is not reminded
again for REMIND_EVERY (providers.freshness holds every threshold). The email goes through the outbox with the
stamp, in one transaction: the worker sends it, retrying for days if the mail server is down (core.outbox), so a
stamped listing's reminder is never lost.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone

from core.emails import render_email
from core.models import QueuedEmail
from providers.freshness import CONFIRMED_WITHIN, REMIND_AFTER, STALE_AFTER
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
        "plans": provider.accepted_plans,  # re-confirmed with the availability, from the link's page
        "valid_days": AVAILABILITY_MAX_AGE.days,
        "after_days": REMIND_AFTER.days,
        "amber_after_days": CONFIRMED_WITHIN.days,
        "sinks_after_days": STALE_AFTER.days,
    }
    return render_email("providers/emails/availability_reminder", context)


def send_availability_reminders(now=None) -> tuple[int, int]:
    """Queues a reminder for every published listing due one. Returns (queued, failed to queue)."""
    now = now or timezone.now()
    sent = failed = 0
    for pk in Provider.objects.due_availability_reminder(now).values_list("pk", flat=True):
        try:
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
                # update(), not save(): a reminder is not an edit (no updated_at, no search document rebuild).
                Provider.objects.filter(pk=pk).update(availability_reminder_sent_at=now)
                subject, body = reminder_email(provider)
                QueuedEmail.queue(subject, body, provider_address(provider))
        except Exception:  # e.g. a template error for one listing: rolled back, stamp and all; the others go on
            logger.exception("Availability reminder for listing %s not queued", pk)
            failed += 1
        else:
            sent += 1
    return sent, failed
