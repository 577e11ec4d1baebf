"""Each queue item's history, as the review page lists it: what happened, when, by whom, and the note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from blog.models import ProposalEvent
from providers.events import ListingEvent
from providers.reports import ListingReport

RECENT = 30  # a listing's events shown on its review page (the admin's history page has them all)


@dataclass(frozen=True)
class Entry:
    when: datetime | None
    what: str
    who: str = ""
    note: str = ""


def _who(actor, fallback="—") -> str:
    return actor.email if actor is not None else fallback


def listing_history(listing) -> list[Entry]:
    events = ListingEvent.objects.filter(provider=listing).select_related("actor")[:RECENT]
    return [Entry(e.created_at, e.get_action_display(), _who(e.actor, "the site"), e.note) for e in events]


def proposal_history(proposal) -> list[Entry]:
    events = ProposalEvent.objects.filter(proposal=proposal).select_related("actor").order_by("-created_at", "-pk")
    return [
        Entry(e.created_at, f"{e.get_from_status_display() or 'Sent'} → {e.get_to_status_display()}",
              _who(e.actor, "the proposer" if not e.from_status else "—"), e.note)
        for e in events
    ]  # fmt: skip


def report_history(report) -> list[Entry]:
    """The report's own steps and the other reports about the same listing, newest first."""
    entries = []
    others = ListingReport.objects.filter(provider_id=report.provider_id).select_related("resolved_by")
    for each in others:
        this = each.pk == report.pk
        label = "This report" if this else "Another report"
        entries.append(Entry(each.created_at, f"{label}: {each.get_reason_display()}", "a visitor (anonymous)"))
        if each.resolved_at:
            entries.append(Entry(each.resolved_at, f"{label} resolved", _who(each.resolved_by), each.resolution_note))
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def delivery_history(item) -> list[Entry]:
    entries = [Entry(item.created_at, "Written and queued", "the site")]
    if item.attempts:
        entries.append(
            Entry(
                item.last_attempt_at, f"Try {item.attempts} refused by the mail server", "the worker", item.last_error
            )
        )
    if item.status == item.Status.FAILED:
        entries.append(Entry(item.last_attempt_at, "Given up on after 3 days of tries", "the worker"))
    elif item.next_attempt_at:
        entries.append(Entry(item.next_attempt_at, "Next try", "the worker"))
    return sorted(entries, key=lambda entry: entry.when or item.created_at, reverse=True)


HISTORIES = {
    "listing": listing_history,
    "report": report_history,
    "proposal": proposal_history,
    "email": delivery_history,
    "contact-message": delivery_history,
}


def history(kind: str, obj) -> list[Entry]:
    return HISTORIES[kind](obj)
