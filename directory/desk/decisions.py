"""What a founder can decide on each kind of queue item, and the model method each decision calls.

No rule lives here: a listing's moves come from providers.lifecycle.TRANSITIONS (through providers.moderation, the
same steps the admin's actions take), a proposal's from blog.models.proposals.TRANSITIONS, a report's and an
email's from their own methods. A refusal from the model comes back as DecisionRefused, in the model's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from blog.models import TransitionNotAllowed as ProposalTransitionNotAllowed
from blog.models.proposals import TRANSITIONS as PROPOSAL_TRANSITIONS
from providers import moderation
from providers.events import TransitionNotAllowed as ListingTransitionNotAllowed


class DecisionRefused(Exception):
    """The model refused the decision (someone decided first, the listing changed...), in words for the founder."""


@dataclass(frozen=True)
class Decision:
    name: str  # posted as "decision"
    label: str  # the button that asks for confirmation
    confirm: str  # the button that confirms
    explain: str  # what happens, shown with the confirmation
    note_label: str = ""  # a message field, when the decision takes one
    note_help: str = ""
    note_required: bool = False
    note_missing: str = ""  # the error when a required message is left blank
    turns_down: bool = False  # shown apart from the decisions that move things forward

    @property
    def takes_note(self) -> bool:
        return bool(self.note_label)


# Listings --------------------------------------------------------------------------------------------------------
LISTING_DECISIONS = ("approve", "request_changes", "reject")


def listing_decisions(listing) -> list[Decision]:
    edits = getattr(listing, "pending_change", None) is not None
    found = []
    for step in moderation.available_moderations(listing):
        if step.name not in LISTING_DECISIONS:
            continue  # suspending, reinstating, verifying a license: on the listing's admin page
        if step.name == "approve":
            explain = (
                "The edits go live on the listing and the provider is emailed."
                if edits
                else "The listing is published in the directory and the provider is emailed."
            )
            found.append(Decision("approve", "Approve", "Approve and open the next", explain))
        else:
            explain = "The provider is emailed your message."
            if step.name == "reject":
                explain += " Only the waiting edits are rejected; the live listing stays." if edits else ""
            found.append(
                Decision(
                    step.name,
                    step.label,
                    f"{step.label} and open the next",
                    explain,
                    note_label=step.note,
                    note_help=step.note_help,
                    note_required=True,
                    note_missing="Please write a message: the provider will receive it.",
                    turns_down=step.name == "reject",
                )
            )
    return found


def decide_listing(listing, name, *, by, note, seen):
    step = moderation.MODERATIONS[name]
    try:
        step.run(listing, by, note, seen)
    except ListingTransitionNotAllowed as error:
        raise DecisionRefused(str(error)) from error


# Blog proposals --------------------------------------------------------------------------------------------------
PROPOSAL_DECISIONS = {
    "mark_in_review": Decision(
        "mark_in_review",
        "Mark in review",
        "Mark in review and open the next",
        "The proposer is emailed that you are reading it.",
    ),
    "accept": Decision(
        "accept",
        "Accept",
        "Accept and open the next",
        "A draft article and its guest author are created, and the proposer is emailed.",
    ),
    "decline": Decision(
        "decline",
        "Decline",
        "Decline and open the next",
        "The proposer is emailed your message inside a kind standard letter.",
        note_label="Message to the proposer",
        note_help="Say briefly and warmly why.",
        note_required=True,
        note_missing="Please write a message; it is sent to the person who proposed the article.",
        turns_down=True,
    ),
}


def proposal_decisions(proposal) -> list[Decision]:
    return [PROPOSAL_DECISIONS[name] for name, move in PROPOSAL_TRANSITIONS.items() if proposal.status in move.sources]


def decide_proposal(proposal, name, *, by, note, seen):
    try:
        if name == "decline":
            proposal.decline(by=by, message=note)
        else:
            getattr(proposal, name)(by=by)
    except (ProposalTransitionNotAllowed, ValueError) as error:
        raise DecisionRefused(str(error)) from error


# Reports ---------------------------------------------------------------------------------------------------------
RESOLVE = Decision(
    "resolve",
    "Mark resolved",
    "Mark resolved and open the next",
    "The report leaves the queue. Nobody is emailed: reports are anonymous.",
    note_label="What was done (for the founders only)",
    note_help="Optional. Suspend or edit the listing from its admin page first if it needs it.",
)


def report_decisions(report) -> list[Decision]:
    return [RESOLVE] if report.status == report.Status.OPEN else []


def decide_report(report, name, *, by, note, seen):
    try:
        report.resolve(by=by, note=note)
    except ListingTransitionNotAllowed as error:
        raise DecisionRefused(str(error)) from error


# Emails the mail server refused ----------------------------------------------------------------------------------
RETRY = Decision("retry", "Retry now", "Retry now and open the next", "The worker tries to send it again at once.")


def delivery_decisions(item) -> list[Decision]:
    return [] if item.status == item.Status.SENT else [RETRY]


def decide_delivery(item, name, *, by, note, seen):
    item.retry_now()


DECISIONS = {
    "listing": (listing_decisions, decide_listing),
    "report": (report_decisions, decide_report),
    "proposal": (proposal_decisions, decide_proposal),
    "email": (delivery_decisions, decide_delivery),
    "contact-message": (delivery_decisions, decide_delivery),
}


def available(kind: str, obj) -> list[Decision]:
    return DECISIONS[kind][0](obj)


def decide(kind: str, obj, name: str, *, by, note: str = "", seen: str | None = None) -> Decision:
    """Runs the decision `name` (one of available()) through the model's own method; DecisionRefused if the model
    refuses or the decision is not available now."""
    decision = next((d for d in available(kind, obj) if d.name == name), None)
    if decision is None:
        raise DecisionRefused("That decision is not available for this item now; it may have been decided already.")
    DECISIONS[kind][1](obj, name, by=by, note=note, seen=seen)
    return decision
