"""Reviewing proposals: new → in review → accepted or declined, each step recorded and emailed."""

import pytest

from blog.models import Post, Proposal, ProposalEvent, TransitionNotAllowed
from tests.blog.factories import (
    AcceptedProposalFactory,
    DeclinedProposalFactory,
    GuestAuthorFactory,
    InReviewProposalFactory,
    ProposalFactory,
)
from tests.providers.factories import ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Runs the block and then its on-commit callbacks, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_awaiting_review_lists_new_and_in_review_proposals_oldest_first():
    first, second = ProposalFactory(), InReviewProposalFactory()
    AcceptedProposalFactory()
    DeclinedProposalFactory()
    assert list(Proposal.objects.awaiting_review()) == [first, second]


def test_marking_in_review_records_who_and_emails_the_proposer(founder, mailoutbox, run_on_commit):
    proposal = ProposalFactory()
    with run_on_commit():
        proposal.mark_in_review(by=founder)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.IN_REVIEW
    event = proposal.events.get()
    assert (event.actor, event.from_status, event.to_status) == (founder, "new", "in_review")
    assert event.created_at is not None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [proposal.email]
    assert mailoutbox[0].subject == f"We are reading your proposal: {proposal.title}"


def test_accepting_creates_a_draft_article_with_a_prefilled_guest_author(founder, mailoutbox, run_on_commit):
    proposal = InReviewProposalFactory(name="Sam Rivera", credentials="PMH-C", website="https://example.org/sam")
    with run_on_commit():
        post = proposal.accept(by=founder)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.post == post
    assert post.status == Post.Status.DRAFT and not post.is_live
    assert post.title == proposal.title and post.summary == proposal.summary
    assert (post.author.name, post.author.credentials, post.author.website, post.author.email) == (
        "Sam Rivera",
        "PMH-C",
        "https://example.org/sam",
        proposal.email,
    )
    event = proposal.events.get()
    assert (event.actor, event.from_status, event.to_status) == (founder, "in_review", "accepted")
    assert [email.subject for email in mailoutbox] == [f'Yes, please: your article "{proposal.title}"']


def test_accepting_links_the_new_author_to_the_directory_listing_named_in_the_proposal(founder):
    listing = ProviderFactory()
    proposal = ProposalFactory(listing=f"https://directory.example/providers/{listing.slug}/")
    assert proposal.accept(by=founder).author.listing == listing


def test_a_listing_given_as_plain_text_is_left_for_the_founders_to_link(founder):
    ProviderFactory(display_name="Calm Beginnings Therapy")
    assert ProposalFactory(listing="Calm Beginnings Therapy").accept(by=founder).author.listing is None


def test_accepting_reuses_the_guest_author_with_the_same_email(founder):
    author = GuestAuthorFactory(email="sam@example.org")
    post = ProposalFactory(email="SAM@example.org").accept(by=founder)
    assert post.author == author


def test_accepting_two_proposals_with_the_same_title_gives_distinct_addresses(founder):
    first = ProposalFactory(title="Sleep").accept(by=founder)
    second = ProposalFactory(title="Sleep").accept(by=founder)
    assert (first.slug, second.slug) == ("sleep", "sleep-2")


def test_declining_needs_a_message_and_sends_it_kindly(founder, mailoutbox, run_on_commit):
    proposal = ProposalFactory()
    with run_on_commit():
        proposal.decline(by=founder, message="We have just published a piece on this topic.")
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECLINED
    event = proposal.events.get()
    assert (event.from_status, event.to_status, event.note) == (
        "new",
        "declined",
        "We have just published a piece on this topic.",
    )
    email = mailoutbox[0]
    assert email.subject == f"About your proposal: {proposal.title}"
    assert "We have just published a piece on this topic." in email.body
    assert "not a judgement of you" in email.body


@pytest.mark.parametrize("message", ["", "   ", None])
def test_declining_without_a_message_is_refused_and_changes_nothing(founder, mailoutbox, message):
    proposal = ProposalFactory()
    with pytest.raises(ValueError, match="needs a message"):
        proposal.decline(by=founder, message=message)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.NEW
    assert not ProposalEvent.objects.exists()


@pytest.mark.parametrize(
    ("factory", "transition"),
    [
        (InReviewProposalFactory, "mark_in_review"),
        (AcceptedProposalFactory, "mark_in_review"),
        (DeclinedProposalFactory, "mark_in_review"),
        (AcceptedProposalFactory, "accept"),
        (DeclinedProposalFactory, "accept"),
        (AcceptedProposalFactory, "decline"),
        (DeclinedProposalFactory, "decline"),
    ],
)
def test_invalid_transitions_are_refused_with_a_clear_reason_and_change_nothing(
    founder, mailoutbox, run_on_commit, factory, transition
):
    proposal = factory()
    before = proposal.status
    kwargs = {"message": "Thank you."} if transition == "decline" else {}
    with run_on_commit(), pytest.raises(TransitionNotAllowed, match="so it cannot be moved to"):
        getattr(proposal, transition)(by=founder, **kwargs)
    proposal.refresh_from_db()
    assert proposal.status == before
    assert not ProposalEvent.objects.exists()
    assert not Post.objects.exists()
    assert mailoutbox == []


def test_a_stale_copy_cannot_accept_a_proposal_that_was_declined_meanwhile(founder):
    proposal = ProposalFactory()
    stale = Proposal.objects.get(pk=proposal.pk)
    proposal.decline(by=founder, message="Not this time.")
    with pytest.raises(TransitionNotAllowed):
        stale.accept(by=founder)
    assert not Post.objects.exists()


def test_no_email_is_sent_before_the_transaction_commits(founder, mailoutbox, django_capture_on_commit_callbacks):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        proposal.mark_in_review(by=founder)
    # The callbacks were registered but not run: without a commit, nobody is emailed.
    assert len(callbacks) == 1
    assert mailoutbox == []


def test_the_full_history_is_recorded_in_order(founder):
    proposal = ProposalFactory()
    proposal.mark_in_review(by=founder)
    proposal.accept(by=founder)
    assert [(e.from_status, e.to_status) for e in proposal.events.all()] == [
        ("new", "in_review"),
        ("in_review", "accepted"),
    ]
