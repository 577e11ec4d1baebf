"""Guest article proposals and their review: new → in review → accepted or declined.

Every transition is one model method, declared once in TRANSITIONS (the statuses it starts from, the one it reaches,
the email that follows). It runs in a transaction, locks the row, refuses moves the table does not allow with
TransitionNotAllowed, records who did what in ProposalEvent and emails the proposer once the change commits.
The admin's actions call these same methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from blog.emails import send_email_on_commit
from blog.models.posts import RESERVED_SLUGS, GuestAuthor, Post
from providers.models import Provider

ACKNOWLEDGEMENTS_PER_DAY = 3
# A first name: letters, perhaps joined by an apostrophe or hyphen (Anne-Marie, O'Neil); never a link or a number.
FIRST_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


class TransitionNotAllowed(Exception):
    """A proposal was asked to move to a state it cannot reach from where it is."""


class ProposalQuerySet(models.QuerySet):
    def awaiting_review(self):
        """Proposals a founder still has to decide on, oldest first."""
        return self.filter(status__in=[Proposal.Status.NEW, Proposal.Status.IN_REVIEW]).order_by("created_at", "pk")


class Proposal(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_REVIEW = "in_review", "In review"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    name = models.CharField("your name", max_length=120)
    email = models.EmailField()
    credentials = models.CharField(max_length=120, blank=True)
    website = models.URLField(blank=True)
    listing = models.CharField("directory listing", max_length=300, blank=True)
    title = models.CharField("proposed title", max_length=200)
    summary = models.TextField()
    why_it_matters = models.TextField("why it matters to families")
    confirmed_values = models.BooleanField(
        "confirmed original and aligned with our values", default=False, editable=False
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    post = models.OneToOneField(
        "blog.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposal", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"“{self.title}” by {self.name}"

    # Submission -------------------------------------------------------------------------------------------------

    def submit(self) -> None:
        """Stores a new proposal from the public form and acknowledges it by email."""
        with transaction.atomic():
            self.status = self.Status.NEW
            self.confirmed_values = True
            self.save()
            ProposalEvent.objects.create(proposal=self, from_status="", to_status=self.status, note="Submitted.")
            if self._may_acknowledge():
                self._email_on_commit("proposal_received")

    @property
    def first_name(self) -> str:
        """The one thing the acknowledgement echoes: the first word of the name, if it looks like a name at all."""
        words = self.name.split()
        return words[0] if words and FIRST_NAME.fullmatch(words[0]) else ""

    def _may_acknowledge(self) -> bool:
        """Anyone can type anyone's address into the public form: an address hears from it a few times a day at
        most. The proposals themselves are all kept. Locked per address, so simultaneous submissions count right."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(lower(%s)))", [self.email])
        since = timezone.now() - timedelta(days=1)
        earlier = type(self).objects.filter(email__iexact=self.email, created_at__gte=since).exclude(pk=self.pk)
        return earlier.count() < ACKNOWLEDGEMENTS_PER_DAY

    # Transitions ------------------------------------------------------------------------------------------------

    def mark_in_review(self, *, by) -> None:
        with transaction.atomic():
            move = self._move("mark_in_review", by=by)
            self._email_on_commit(move.email)

    def accept(self, *, by):
        """Accepts the proposal and returns the draft article created for it, with its guest author."""
        with transaction.atomic():
            move = self._move("accept", by=by)
            self.post = self._create_draft_post()
            self.save(update_fields=["post", "updated_at"])
            self._email_on_commit(move.email)
        return self.post

    def decline(self, *, by, message: str) -> None:
        """Declines with a message for the proposer, which is required and sent to them as written."""
        message = (message or "").strip()
        if not message:
            raise ValueError("Declining a proposal needs a message for the person who wrote it.")
        with transaction.atomic():
            move = self._move("decline", by=by, note=message)
            self._email_on_commit(move.email, message=message)

    def _move(self, name: str, *, by, note: str = "") -> Move:
        """Locks the row, moves it by TRANSITIONS[name] (or refuses) and records the event."""
        move = TRANSITIONS[name]
        current = type(self).objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
        if current not in move.sources:
            raise TransitionNotAllowed(
                f"{self} is {self.Status(current).label.lower()}, so it cannot be moved to {move.to.label.lower()}."
            )
        self.status = move.to
        self.save(update_fields=["status", "updated_at"])
        ProposalEvent.objects.create(proposal=self, actor=by, from_status=current, to_status=move.to, note=note)
        return move

    def _create_draft_post(self):
        author = GuestAuthor.objects.filter(email__iexact=self.email).order_by("pk").first() if self.email else None
        if author is None:
            author = GuestAuthor.objects.create(
                name=self.name,
                credentials=self.credentials,
                website=self.website,
                email=self.email,
                listing=self.matching_listing(),
            )
        return Post.objects.create(
            title=self.title,
            slug=self._unique_slug(Post, RESERVED_SLUGS),
            summary=self.summary,
            author=author,
            status=Post.Status.DRAFT,
        )

    def matching_listing(self):
        """The directory listing named by a /providers/<slug>/ address in the proposal's listing field, if any."""
        match = re.search(r"/providers/([-\w]+)", self.listing or "")
        return Provider.objects.filter(slug=match.group(1)).first() if match else None

    def _unique_slug(self, post_model, reserved) -> str:
        base = slugify(self.title)[:180].strip("-") or "guest-article"
        slug, number = base, 2
        while slug in reserved or post_model.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def _email_on_commit(self, name: str, **extra) -> None:
        send_email_on_commit(name, {"proposal": self, **extra}, to=self.email)


@dataclass(frozen=True)
class Move:
    """One transition: the statuses it starts from, the status it reaches, the email the proposer receives."""

    sources: frozenset[Proposal.Status]
    to: Proposal.Status
    email: str  # templates/blog/emails/<email>_subject.txt and _body.txt


_Status = Proposal.Status

# Every transition a founder makes, by the name of its Proposal method. (submit() starts a proposal: it has no source.)
TRANSITIONS = {
    "mark_in_review": Move(frozenset({_Status.NEW}), _Status.IN_REVIEW, "proposal_in_review"),
    "accept": Move(frozenset({_Status.NEW, _Status.IN_REVIEW}), _Status.ACCEPTED, "proposal_accepted"),
    "decline": Move(frozenset({_Status.NEW, _Status.IN_REVIEW}), _Status.DECLINED, "proposal_declined"),
}


class ProposalEvent(models.Model):
    """One step in a proposal's life: who moved it, when, from which state to which, and why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=10, choices=Proposal.Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Proposal.Status.choices)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        before = self.get_from_status_display() or "—"
        return f"{before} → {self.get_to_status_display()}"
