"""The review queue: everything waiting for a founder, oldest first, from each model's own notion of "waiting".

New listings and edits to published ones (Provider.objects.awaiting_review), open reports, blog proposals not yet
decided (Proposal.objects.awaiting_review) and emails the mail server has refused (their metadata only: never
what a family wrote). Each item opens its review page (views.review); after a decision the next item is the one
after it in this order, coming round to the start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from blog.models import Proposal
from core.models import QueuedEmail
from providers.enquiries import ContactMessage
from providers.models import Provider
from providers.moderation import waiting_since
from providers.reports import ListingReport

# The kinds of item (each has its review page and decisions), in the order they come when equally old.
KINDS = ("listing", "report", "proposal", "email", "contact-message")
# group → (one, many): how the queue, the admin's index and the digest count them, in this order.
GROUPS = {
    "new-listing": ("new listing", "new listings"),
    "edits": ("published listing with edits", "published listings with edits"),
    "report": ("open report", "open reports"),
    "proposal": ("blog proposal", "blog proposals"),
    "email": ("email not delivered", "emails not delivered"),
    "contact-message": ("family's message not delivered", "families' messages not delivered"),
}


@dataclass(frozen=True)
class QueueItem:
    kind: str  # one of KINDS
    group: str  # a key of GROUPS
    pk: int
    title: str
    what: str  # "New listing", "Edits to a published listing", "Report: I couldn't reach them"...
    since: datetime
    obj: object = field(compare=False, repr=False)

    @property
    def key(self) -> tuple:
        return (self.since, KINDS.index(self.kind), self.pk)

    @property
    def ident(self) -> tuple[str, int]:
        return (self.kind, self.pk)

    @property
    def url(self) -> str:
        return reverse("desk:review", args=[self.kind, self.pk])

    @property
    def age_days(self) -> int:
        return max(0, (timezone.now() - self.since).days)

    @property
    def age(self) -> str:
        days = self.age_days
        return "today" if days == 0 else "1 day" if days == 1 else f"{days} days"


def undelivered(rows: QuerySet) -> QuerySet:
    """Outbox rows a founder can help with: given up on, or refused at least once and waiting to be tried again
    (one still on its first try is simply on its way)."""
    status = rows.model.Status
    return rows.filter(Q(status=status.FAILED) | Q(status=status.QUEUED, attempts__gt=0))


def listing_item(listing) -> QueueItem:
    pending = getattr(listing, "pending_change", None)
    group, what = ("edits", "Edits to a published listing") if pending is not None else ("new-listing", "New listing")
    since = waiting_since(listing) or listing.updated_at
    return QueueItem("listing", group, listing.pk, str(listing), what, since, listing)


def report_item(report) -> QueueItem:
    what = f"Report: {report.get_reason_display()}"
    return QueueItem("report", "report", report.pk, str(report.provider), what, report.created_at, report)


def proposal_item(proposal) -> QueueItem:
    what = f"Blog proposal ({proposal.get_status_display().lower()})"
    return QueueItem("proposal", "proposal", proposal.pk, f"“{proposal.title}”", what, proposal.created_at, proposal)


def email_item(email) -> QueueItem:
    return QueueItem("email", "email", email.pk, email.subject, _delivery(email), email.created_at, email)


def contact_message_item(message) -> QueueItem:
    title = f"A family's message to {message.provider}"
    return QueueItem(
        "contact-message", "contact-message", message.pk, title, _delivery(message), message.created_at, message
    )


def _delivery(item) -> str:
    return "Email given up on" if item.status == item.Status.FAILED else "Email refused, trying again"


@dataclass(frozen=True)
class Source:
    """One kind of item: its rows (with what the desk shows of them), which of those wait, and the item of a row."""

    rows: Callable[[], QuerySet]
    waiting: Callable[[QuerySet], QuerySet]
    to_item: Callable[[object], QueueItem]


# Metadata only: what a family wrote is never even read.
CONTACT_MESSAGE_METADATA = [
    "pk", "status", "attempts", "last_attempt_at", "next_attempt_at", "last_error", "created_at", "sent_at",
    "provider", "provider__display_name", "provider__slug",
]  # fmt: skip

SOURCES = {
    "listing": Source(
        lambda: Provider.objects.select_related("owner", "pending_change"),
        lambda rows: rows.awaiting_review(),
        listing_item,
    ),
    "report": Source(lambda: ListingReport.objects.select_related("provider"), lambda rows: rows.open(), report_item),
    "proposal": Source(lambda: Proposal.objects.all(), lambda rows: rows.awaiting_review(), proposal_item),
    "email": Source(lambda: QueuedEmail.objects.defer("body"), undelivered, email_item),
    "contact-message": Source(
        lambda: ContactMessage.objects.select_related("provider").only(*CONTACT_MESSAGE_METADATA),
        undelivered,
        contact_message_item,
    ),
}


def waiting_items() -> list[QueueItem]:
    """Every item waiting, oldest first."""
    items = [source.to_item(row) for source in SOURCES.values() for row in source.waiting(source.rows())]
    return sorted(items, key=lambda item: item.key)


def find_item(kind: str, pk: int) -> tuple[QueueItem | None, bool]:
    """The item and whether it still waits; (None, False) if there is no such row."""
    source = SOURCES[kind]
    row = source.rows().filter(pk=pk).first()
    if row is None:
        return None, False
    return source.to_item(row), source.waiting(source.rows().filter(pk=pk)).exists()


def group_counts(items: list[QueueItem]) -> dict[str, int]:
    """How many items of each group wait (every group, in GROUPS' order, zero included)."""
    counts = dict.fromkeys(GROUPS, 0)
    for item in items:
        counts[item.group] += 1
    return counts


def next_item(items: list[QueueItem], after: QueueItem | None) -> QueueItem | None:
    """The item to open after `after`: the next in queue order, else the first from the start (never `after`)."""
    others = [item for item in items if after is None or item.ident != after.ident]
    if after is not None:
        later = [item for item in others if item.key > after.key]
        if later:
            return later[0]
    return others[0] if others else None


def noun(count: int, group: str) -> str:
    one, many = GROUPS[group]
    return one if count == 1 else many


def counted(count: int, group: str) -> str:
    return f"{count} {noun(count, group)}"
