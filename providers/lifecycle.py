"""A listing's life: draft → pending review → published, with changes requested, rejected and suspended on the way.

Every move is declared once, in TRANSITIONS: from which status, to which, the event recorded and the email sent.
Every transition is one method on Provider (mixed in from here) that locks the row, reads its move from the table
(refusing with TransitionNotAllowed what the table does not allow), records who did what in ListingEvent and emails
the provider once the change has committed. The site's views and the admin's actions call these same methods.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from providers.events import ListingEvent, ListingStatus, TransitionNotAllowed
from providers.freshness import REMIND_AFTER, REMIND_EVERY
from providers.notifications import email_provider_on_commit
from providers.pending import PendingChange, listing_values, sync_offices

Status, Action = ListingStatus, ListingEvent.Action


@dataclass(frozen=True)
class Move:
    """What one transition does from one status."""

    to: ListingStatus
    action: ListingEvent.Action
    email: str  # templates/providers/emails/<email>_subject.txt and _body.txt
    edits: bool = False  # decides the edits waiting on a published listing, which keeps its status
    tells_why: bool = False  # the founders' note goes to the provider in the email


# transition (the Provider method) → {status it starts from: its move}. Anything else is refused.
TRANSITIONS: dict[str, dict[ListingStatus, Move]] = {
    "submit": {
        Status.DRAFT: Move(Status.PENDING, Action.SUBMITTED, "listing_submitted"),
        Status.CHANGES_REQUESTED: Move(Status.PENDING, Action.SUBMITTED, "listing_submitted"),
    },
    "approve": {
        Status.PENDING: Move(Status.PUBLISHED, Action.APPROVED, "listing_approved"),
        Status.PUBLISHED: Move(Status.PUBLISHED, Action.EDITS_APPROVED, "edits_approved", edits=True),
    },
    "request_changes": {
        Status.PENDING: Move(
            Status.CHANGES_REQUESTED, Action.CHANGES_REQUESTED, "listing_changes_requested", tells_why=True
        ),
        Status.PUBLISHED: Move(Status.PUBLISHED, Action.EDITS_RETURNED, "edits_returned", edits=True, tells_why=True),
    },
    "reject": {
        Status.PENDING: Move(Status.REJECTED, Action.REJECTED, "listing_rejected", tells_why=True),
        Status.PUBLISHED: Move(Status.PUBLISHED, Action.EDITS_REJECTED, "edits_rejected", edits=True, tells_why=True),
    },
    "suspend": {
        Status.PUBLISHED: Move(Status.SUSPENDED, Action.SUSPENDED, "listing_suspended", tells_why=True),
    },
    "reinstate": {
        Status.SUSPENDED: Move(Status.PUBLISHED, Action.REINSTATED, "listing_reinstated"),
    },
}
# Where the provider edits in place (nobody but them sees the listing yet); a published listing keeps its edits for
# review (PendingChange).
EDITABLE_STATUSES = (Status.DRAFT, Status.PENDING, Status.CHANGES_REQUESTED)
EDITS_REVIEWED_STATUS = Status.PUBLISHED
# The statuses a founder's message comes with (changes requested, rejected, suspended).
EXPLAINED_STATUSES = frozenset(
    move.to for moves in TRANSITIONS.values() for move in moves.values() if move.tells_why and not move.edits
)


class LifecycleQuerySetMixin:
    """Provider QuerySet verbs for moderation and freshness."""

    def awaiting_review(self):
        """New listings submitted for review, and published listings with edits waiting: oldest first."""
        return self.filter(
            Q(status=Status.PENDING)
            | Q(status=EDITS_REVIEWED_STATUS, pending_change__isnull=False, pending_change__message="")
        ).order_by("submitted_at", "id")

    def with_pending_changes(self):
        return self.filter(pending_change__isnull=False)

    def due_availability_reminder(self, now=None):
        """Published listings not confirmed for REMIND_AFTER and not reminded in the last REMIND_EVERY."""
        now = now or timezone.now()
        unconfirmed = Q(availability_confirmed_at__isnull=True) | Q(availability_confirmed_at__lt=now - REMIND_AFTER)
        not_reminded = Q(availability_reminder_sent_at__isnull=True) | Q(
            availability_reminder_sent_at__lt=now - REMIND_EVERY
        )
        return self.filter(unconfirmed, not_reminded, status=Status.PUBLISHED)


class ListingLifecycleMixin:
    """The transitions of Provider. Each runs in one transaction on a locked row and refreshes `self` after."""

    # What the provider may do -------------------------------------------------------------------------------
    @property
    def edits_go_live_directly(self) -> bool:
        """Drafts and listings under review are edited in place; nobody but the provider sees them yet."""
        return self.status in EDITABLE_STATUSES

    @property
    def edits_need_review(self) -> bool:
        """A published listing keeps its approved version live; edits wait as a PendingChange."""
        return self.status == EDITS_REVIEWED_STATUS

    @property
    def can_be_edited(self) -> bool:
        return self.edits_go_live_directly or self.edits_need_review

    def allows(self, transition: str, *, has_edits: bool) -> bool:
        """Whether TRANSITIONS lets this listing make `transition` now (deciding edits needs edits waiting)."""
        move = TRANSITIONS[transition].get(self.status)
        return move is not None and (has_edits or not move.edits)

    def edit(self, *, values, offices, photo=None, remove_photo=False, by=None) -> str:
        """Saves the provider's edits: in place while only they can see the listing, or kept as a PendingChange
        once it is published. `offices` is the whole proposed list (see pending.office_dicts). Returns "saved",
        "pending" (edits wait for review) or "unchanged"."""
        if self.pk and self.edits_need_review:
            pending = PendingChange.stage(
                self, values=values, offices=offices, photo=photo, remove_photo=remove_photo, by=by
            )
            return "pending" if pending else "unchanged"
        with transaction.atomic():
            listing = self._locked() if self.pk else self
            listing._require(listing.can_be_edited, "This listing cannot be edited now.")
            for field, value in listing_values(values).items():
                setattr(listing, field, value)
            if photo:
                listing.set_photo(photo)
            elif remove_photo:
                listing.remove_photo()
            listing.save()
            sync_offices(listing, offices)
        if listing is not self:
            self.refresh_from_db()
        return "saved"

    def missing_for_submission(self, office_count=None) -> list[str]:
        """What still stands between this listing and review, in plain words (empty when it is complete)."""
        missing = []
        for field, words in [("headline", "a headline"), ("bio", "a short bio"), ("approach", "how you practise")]:
            if not (getattr(self, field) or "").strip():
                missing.append(words)
        for field, words in [
            ("types", "at least one provider type"),
            ("concerns", "at least one concern you help with"),
            ("payments", "at least one payment option"),
            ("formats", "at least one format (in person, telehealth…)"),
        ]:
            if not getattr(self, field):
                missing.append(words)
        if office_count is None:
            office_count = self.offices.count() if self.pk else 0
        if not office_count and not self.licensed_states:
            missing.append("an office, or a state you are licensed in for telehealth")
        if self.owner_id and not self.owner.email_verified:
            missing.append("a verified email address (use the link we emailed you)")
        return missing

    def status_note(self):
        """The founders' latest message for the current status (changes requested, rejected, suspended)."""
        if self.status not in EXPLAINED_STATUSES:
            return ""
        event = self.events.filter(to_status=self.status).exclude(note="").first()
        return event.note if event else ""

    # Transitions (TRANSITIONS says which move each makes from each status) ---------------------------------
    def submit(self, *, by):
        """The provider asks for review of a complete draft (or of a listing they changed as asked)."""
        with transaction.atomic():
            listing = self._locked()
            move = listing._move_for(
                "submit", refusal="Only a draft, or a listing with changes requested, can be submitted for review."
            )
            missing = listing.missing_for_submission()
            if missing:
                raise TransitionNotAllowed("Before you submit, please add: " + "; ".join(missing) + ".")
            listing.submitted_at = timezone.now()
            listing._take(move, by, extra_fields=["submitted_at"])
        self.refresh_from_db()

    def review_version(self, pending=None) -> str:
        """What a founder reviews, as a token: the listing as last saved and the edits waiting on it. Approving
        with the token the founder saw applies exactly that version (see approve)."""
        if pending is None:
            pending = PendingChange.objects.filter(provider_id=self.pk).only("updated_at").first() if self.pk else None
        stamps = [self.updated_at, pending.updated_at if pending is not None else None]
        return "-".join(str(int(stamp.timestamp() * 1_000_000)) if stamp else "0" for stamp in stamps)

    def approve(self, *, by, seen: str | None = None):
        """Publishes a listing pending review, or applies the edits waiting on a published one.

        `seen`: the review_version() the founder looked at. If the provider has changed the listing or its edits
        since, nothing is approved: the history records the stop (beside the provider's change) and the founder
        is told to look again."""
        with transaction.atomic():
            listing = self._locked()
            pending = listing._pending_change()
            stopped = seen is not None and seen != listing.review_version(pending)
            if stopped:
                listing._record(ListingEvent.Action.APPROVAL_STOPPED, by)
            else:
                move = listing._move_for(
                    "approve",
                    pending,
                    refusal=f"{listing} is {listing.get_status_display().lower()} with no edits waiting; "
                    "only listings pending review, or published listings with edits waiting, can be approved.",
                )
                if move.edits:
                    changed = pending.changed_labels()
                    pending.apply()
                    listing._take(move, by, note="Changed: " + ", ".join(changed))
                else:
                    listing.published_at = listing.published_at or timezone.now()
                    listing._take(move, by, extra_fields=["published_at"])
        if stopped:
            raise TransitionNotAllowed(
                f"{self} changed since you opened it, so nothing was approved. Please look at it again."
            )
        self.refresh_from_db()

    def request_changes(self, *, by, message):
        """Sends a listing under review (or the edits waiting on a published one) back with the founders' message."""
        message = _required(message, "Please write a message saying what should change.")
        with transaction.atomic():
            listing = self._locked()
            pending = listing._pending_change()
            move = listing._move_for(
                "request_changes",
                pending,
                refusal=f"{listing} is {listing.get_status_display().lower()}; changes can be requested only on a "
                "listing pending review or on edits waiting for review.",
            )
            if move.edits:
                pending.message = message
                pending.save(update_fields=["message", "updated_at"])
            listing._take(move, by, note=message)
        self.refresh_from_db()

    def reject(self, *, by, reason):
        """Declines a listing under review, or discards the edits waiting on a published one (which stays up)."""
        reason = _required(reason, "Please give the reason, so the provider understands the decision.")
        with transaction.atomic():
            listing = self._locked()
            pending = listing._pending_change()
            move = listing._move_for(
                "reject",
                pending,
                refusal=f"{listing} is {listing.get_status_display().lower()}; only a listing pending review or "
                "edits waiting for review can be rejected (suspend a published listing instead).",
            )
            if move.edits:
                pending.discard()
            listing._take(move, by, note=reason)
        self.refresh_from_db()

    def suspend(self, *, by, reason):
        """Takes a published listing off the directory, saying why."""
        reason = _required(reason, "Please give the reason, so the provider understands the decision.")
        with transaction.atomic():
            listing = self._locked()
            move = listing._move_for("suspend", refusal=f"{listing} is not published, so it cannot be suspended.")
            listing._take(move, by, note=reason)
        self.refresh_from_db()

    def reinstate(self, *, by, note=""):
        """Puts a suspended listing back in the directory."""
        with transaction.atomic():
            listing = self._locked()
            move = listing._move_for("reinstate", refusal=f"{listing} is not suspended, so it cannot be reinstated.")
            listing._take(move, by, note=note.strip())
        self.refresh_from_db()

    def mark_license_verified(self, *, by):
        """Records that a founder checked the license number with the state board."""
        with transaction.atomic():
            listing = self._locked()
            listing._require(
                bool(listing.license_number and listing.license_state),
                f"{listing} has no license number and state to verify.",
            )
            listing._require(listing.license_verified_at is None, f"{listing}'s license is already verified.")
            listing.license_verified_at = timezone.now()
            listing.save(update_fields=["license_verified_at", "updated_at"])
            note = f"{listing.license_type} {listing.license_number} ({listing.license_state})".strip()
            listing._record(ListingEvent.Action.LICENSE_VERIFIED, by, note=note)
            email_provider_on_commit(listing, "license_verified")
        self.refresh_from_db()

    def withdraw_edits(self, *, by):
        """The provider takes back edits waiting for review; the live listing is unchanged."""
        with transaction.atomic():
            listing = self._locked()
            pending = listing._pending_change()
            listing._require(pending is not None, "There are no edits waiting for review.")
            pending.discard()
            listing._record(ListingEvent.Action.EDITS_WITHDRAWN, by)
        self.refresh_from_db()

    # Helpers -----------------------------------------------------------------------------------------------
    def _locked(self):
        return type(self).objects.select_for_update(of=("self",)).select_related("owner").get(pk=self.pk)

    def _pending_change(self):
        pending = PendingChange.objects.select_for_update().filter(provider=self).first()
        if pending is not None:
            pending.provider = self  # the locked row: apply() changes and saves this very instance
        return pending

    def _move_for(self, transition, pending=None, *, refusal) -> Move:
        """This listing's move for `transition` from TRANSITIONS; TransitionNotAllowed(refusal) if there is none."""
        self._require(self.allows(transition, has_edits=pending is not None), refusal)
        return TRANSITIONS[transition][self.status]

    def _take(self, move, by, note="", extra_fields=()):
        """Records the move (changing the status, unless it decides edits) and emails the provider after commit."""
        if move.edits:
            self._record(move.action, by, note=note)
        else:
            self._move(move.to, move.action, by, note=note, extra_fields=extra_fields)
        email_provider_on_commit(self, move.email, **({"message": note} if move.tells_why else {}))

    def _require(self, condition, message):
        if not condition:
            raise TransitionNotAllowed(message)

    def _move(self, to_status, action, by, note="", extra_fields=()):
        from_status = self.status
        self.status = to_status
        # save() (not update()) so the search document and updated_at follow.
        self.save(update_fields=["status", "updated_at", *extra_fields])
        ListingEvent.objects.create(
            provider=self, actor=by, action=action, from_status=from_status, to_status=to_status, note=note
        )

    def _record(self, action, by, note=""):
        ListingEvent.objects.create(
            provider=self, actor=by, action=action, from_status=self.status, to_status=self.status, note=note
        )


def _required(text, message):
    text = (text or "").strip()
    if not text:
        raise TransitionNotAllowed(message)
    return text
