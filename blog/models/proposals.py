"""Guest article proposals and their review: new → in review → accepted or declined.

Every transition is one model method that runs in a transaction, locks the row, refuses moves that make no sense
with TransitionNotAllowed, records who did what in ProposalEvent and emails the proposer once the change commits.
The admin's actions call these same methods.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db import models, transaction
from django.utils.text import slugify

from blog.emails import send_email_on_commit


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

    # Target state → the states it may be reached from.
    TRANSITIONS = {
        Status.IN_REVIEW: {Status.NEW},
        Status.ACCEPTED: {Status.NEW, Status.IN_REVIEW},
        Status.DECLINED: {Status.NEW, Status.IN_REVIEW},
    }

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
            self._email_on_commit("proposal_received")

    # Transitions ------------------------------------------------------------------------------------------------

    def mark_in_review(self, *, by) -> None:
        with transaction.atomic():
            self._move(self.Status.IN_REVIEW, by=by)
            self._email_on_commit("proposal_in_review")

    def accept(self, *, by):
        """Accepts the proposal and returns the draft article created for it, with its guest author."""
        with transaction.atomic():
            self._move(self.Status.ACCEPTED, by=by)
            self.post = self._create_draft_post()
            self.save(update_fields=["post", "updated_at"])
            self._email_on_commit("proposal_accepted")
        return self.post

    def decline(self, *, by, message: str) -> None:
        """Declines with a message for the proposer, which is required and sent to them as written."""
        message = (message or "").strip()
        if not message:
            raise ValueError("Declining a proposal needs a message for the person who wrote it.")
        with transaction.atomic():
            self._move(self.Status.DECLINED, by=by, note=message)
            self._email_on_commit("proposal_declined", message=message)

    def _move(self, to: str, *, by, note: str = "") -> None:
        current = type(self).objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
        if current not in self.TRANSITIONS[to]:
            raise TransitionNotAllowed(
                f"{self} is {self.Status(current).label.lower()}, so it cannot be "
                f"moved to {self.Status(to).label.lower()}."
            )
        self.status = to
        self.save(update_fields=["status", "updated_at"])
        ProposalEvent.objects.create(proposal=self, actor=by, from_status=current, to_status=to, note=note)

    def _create_draft_post(self):
        from blog.models import RESERVED_SLUGS, GuestAuthor, Post

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
        from providers.models import Provider

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
