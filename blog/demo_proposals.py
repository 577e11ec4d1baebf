"""Demo guest-article proposals, one or more in every state, with their history, written for this project (the
people are invented). `seed_demo_proposals()` is idempotent: it replaces the proposals it made before, recognised
by their reserved example.org addresses (`demo-proposer<n>@example.org`), and nothing else.

Rows are written directly, not through the transitions, so seeding emails nobody; the history they carry is the
one the transitions would have recorded.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from blog.models import GuestAuthor, Post, Proposal, ProposalEvent

DEMO_PROPOSER_REGEX = r"^demo-proposer[0-9]+@example\.org$"

# (name, credentials, title, summary, why it matters, status, days ago sent, days ago decided, founders' note)
PROPOSALS = [
    (
        "Ines Calloway", "PMH-C", "When the first feed does not go to plan",
        "What helps in the first days when feeding hurts, stalls or feels like a test you are failing.",
        "Parents tell us feeding trouble is where the shame starts. A gentle, practical piece would reach them early.",
        Proposal.Status.NEW, 2, None, "",
    ),
    (
        "Tobias Wren", "LMFT", "Partners in the waiting room",
        "How a partner can stay steady through scans, appointments and bad news without disappearing themselves.",
        "Partners rarely get words for what they carry. This would give them some, and tell them help is for them too.",
        Proposal.Status.NEW, 6, None, "",
    ),
    (
        "Marisol Etxeberria", "CNM", "Asking for what you need in the delivery room",
        "Short phrases that help a birthing person pause, ask and say no, written with the nurses who hear them.",
        "Feeling unheard during birth is one of the roots of birth trauma. Small words can change that.",
        Proposal.Status.IN_REVIEW, 12, 9, "",
    ),
    (
        "Dr. Abena Korsah", "PsyD", "After the NICU: the fear that comes home with you",
        "Why alarms, weight checks and quiet nights can keep a parent on edge for months, and what eases it.",
        "NICU parents often feel they should be only grateful. Naming the fear helps them look for support.",
        Proposal.Status.ACCEPTED, 40, 31, "",
    ),
    (
        "Ruth Okonkwo-Hale", "", "Ten supplements every new mother needs",
        "A list of supplements for energy and milk supply, with where to buy them.",
        "Many mothers are tired and want something that helps.",
        Proposal.Status.DECLINED, 25, 20,
        "Thank you for thinking of our readers. We only publish pieces that stay within what our authors can "
        "stand behind clinically, and we do not recommend products, so this one is not for us.",
    ),
]  # fmt: skip


def demo_proposals():
    return Proposal.objects.filter(email__regex=DEMO_PROPOSER_REGEX)


@transaction.atomic
def seed_demo_proposals(now=None) -> int:
    """Replaces the demo proposals; returns how many there are."""
    now = now or timezone.now()
    old = list(demo_proposals())
    Post.objects.filter(pk__in=[p.post_id for p in old if p.post_id], status=Post.Status.DRAFT).delete()
    demo_proposals().delete()
    for number, (name, credentials, title, summary, why, status, sent, decided, note) in enumerate(PROPOSALS, 1):
        email = f"demo-proposer{number}@example.org"
        proposal = Proposal.objects.create(
            name=name, credentials=credentials, email=email, title=title, summary=summary, why_it_matters=why,
            confirmed_values=True, status=status,
        )  # fmt: skip
        sent_at = now - timedelta(days=sent)
        events = [(sent_at, "", Proposal.Status.NEW, "Submitted.")]
        if status != Proposal.Status.NEW:
            events.append((now - timedelta(days=decided), Proposal.Status.NEW, status, note))
        if status == Proposal.Status.ACCEPTED:
            proposal.post = _draft_for(proposal)
            proposal.save(update_fields=["post"])
        for when, before, after, text in events:
            event = ProposalEvent.objects.create(proposal=proposal, from_status=before, to_status=after, note=text)
            ProposalEvent.objects.filter(pk=event.pk).update(created_at=when)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=sent_at, updated_at=events[-1][0])
    return len(PROPOSALS)


def _draft_for(proposal) -> Post:
    """The draft an accepted proposal leads to, as Proposal.accept makes it."""
    author, _ = GuestAuthor.objects.get_or_create(
        email=proposal.email, defaults={"name": proposal.name, "credentials": proposal.credentials}
    )
    return Post.objects.create(
        title=proposal.title,
        slug=f"draft-{proposal.email.split('@')[0]}",
        summary=proposal.summary,
        author=author,
        status=Post.Status.DRAFT,
    )
