"""The founders' weekly digest: what waits (and the oldest), listings gone stale, and the week's top unmet needs.
Rendered from templates/admin/desk/emails/weekly_digest_*.txt and sent through the outbox (core.outbox) like
every email; `manage.py send_founders_digest` runs it from cron."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from core.emails import render_email
from core.links import site_url
from core.models import QueuedEmail
from directory.desk import queue
from directory.desk.needs import Need, unmet_needs
from providers.founders import FOUNDERS_GROUP
from providers.models import STALE_AFTER, Provider
from providers.users import User

DIGEST_DAYS = 7
TOP_NEEDS = 5
STALE_NAMED = 10


@dataclass
class Digest:
    waiting: list[str]  # "2 new listings", ...
    total: int  # items waiting
    oldest: queue.QueueItem | None
    stale_count: int
    stale: list[Provider]  # the longest unconfirmed first
    needs: list[Need]

    @property
    def is_empty(self) -> bool:
        return not (self.waiting or self.stale_count or self.needs)


def build_digest(today=None) -> Digest:
    items = queue.waiting_items()
    never_first = F("availability_confirmed_at").asc(nulls_first=True)
    stale = Provider.objects.published().stale().order_by(never_first, "display_name")
    return Digest(
        waiting=[queue.counted(count, group) for group, count in queue.group_counts(items).items() if count],
        total=len(items),
        oldest=items[0] if items else None,
        stale_count=stale.count(),
        stale=list(stale.only("display_name", "availability_confirmed_at")[:STALE_NAMED]),
        needs=unmet_needs(DIGEST_DAYS, limit=TOP_NEEDS, today=today or timezone.localdate()),
    )


def founders():
    """Everyone the digest goes to: active founders."""
    return User.objects.filter(groups__name=FOUNDERS_GROUP, is_active=True, is_staff=True).order_by("email")


def render_digest(digest: Digest) -> tuple[str, str]:
    context = {
        "digest": digest,
        "days": DIGEST_DAYS,
        "stale_days": STALE_AFTER.days,
        "queue_url": site_url(reverse("desk:queue")),
        "oldest_url": site_url(digest.oldest.url) if digest.oldest else "",
        "stale_url": site_url(
            reverse("admin:providers_provider_changelist") + "?availability=stale&status__exact=published"
        ),
        "needs_url": site_url(reverse("desk:care_missing")),
    }
    return render_email("admin/desk/emails/weekly_digest", context)


def send_digest(today=None) -> int:
    """Queues the digest for every founder (sent by the worker once this commits). Returns how many were queued."""
    subject, body = render_digest(build_digest(today))
    recipients = list(founders().values_list("email", flat=True))
    with transaction.atomic():
        for email in recipients:
            QueuedEmail.queue(subject, body, email)
    return len(recipients)
