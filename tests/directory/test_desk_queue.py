"""The review queue: everything waiting for a founder in one place, oldest first, each item with its age, its
history and its decisions; after a decision (one click, one confirmation) the next waiting item opens."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, Proposal
from core.models import QueuedEmail
from providers.enquiries import ContactMessage
from providers.events import ListingEvent
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from providers.reports import ListingReport
from tests.blog.factories import InReviewProposalFactory, ProposalFactory
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("desk:queue")


def ago(days):
    return timezone.now() - timedelta(days=days)


def pending_listing(days, **kwargs):
    return PendingProviderFactory(owner=VerifiedUserFactory(), submitted_at=ago(days), **kwargs)


def listing_with_edits(days, headline="A gentler headline"):
    listing = OwnedPublishedProviderFactory()
    PendingChange.stage(listing, values={"headline": headline}, offices=office_dicts(listing.offices.all()), by=None)
    PendingChange.objects.filter(provider=listing).update(updated_at=ago(days))
    return listing


def proposal(days, factory=ProposalFactory, **kwargs):
    made = factory(**kwargs)
    Proposal.objects.filter(pk=made.pk).update(created_at=ago(days))
    return made


def undelivered_email(days):
    return QueuedEmail.objects.create(
        to="someone@example.net", subject="Your listing was approved", body="The email's private words.",
        status=QueuedEmail.Status.FAILED, attempts=40, last_error="SMTPRecipientsRefused: 550", created_at=ago(days),
    )  # fmt: skip


def review_url(kind, pk):
    return reverse("desk:review", args=[kind, pk])


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def founder():
    return ModeratorFactory(email="ada@example.org")


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


class TestTheQueue:
    def test_it_holds_everything_waiting_oldest_first_with_its_age(self, founder_client):
        new = pending_listing(5, display_name="Noa Brightwater")
        edited = listing_with_edits(3)
        report = ListingReport.objects.create(
            provider=OwnedPublishedProviderFactory(display_name="Reported Person"), reason="unreachable",
            created_at=ago(2),
        )  # fmt: skip
        idea = proposal(10, title="Naming the birth you had")
        email = undelivered_email(1)
        message = ContactMessage.objects.create(
            provider=OwnedPublishedProviderFactory(), sender_name="Private Parent", sender_email="p@example.net",
            body="Our private words", status=ContactMessage.Status.FAILED, attempts=9,
        )  # fmt: skip
        proposal(1, factory=ProposalFactory, status=Proposal.Status.DECLINED)  # decided: not waiting
        OwnedPublishedProviderFactory()  # published, nothing waiting

        response = founder_client.get(QUEUE)

        items = response.context["items"]
        assert [(item.kind, item.pk) for item in items] == [
            ("proposal", idea.pk),
            ("listing", new.pk),
            ("listing", edited.pk),
            ("report", report.pk),
            ("email", email.pk),
            ("contact-message", message.pk),
        ]
        assert [item.age for item in items][:4] == ["10 days", "5 days", "3 days", "2 days"]
        html = response.content.decode()
        assert "Edits to a published listing" in html and "New listing" in html
        assert "Report: I couldn’t reach them" in html or "Report: I couldn&#x27;t reach them" in html
        assert "Our private words" not in html and "Private Parent" not in html

    def test_one_group_can_be_shown_alone(self, founder_client):
        pending_listing(2)
        proposal(1, title="On feeding, gently")
        response = founder_client.get(QUEUE, {"group": "proposal"})
        assert [item.kind for item in response.context["items"]] == ["proposal"]
        assert response.context["total"] == 2

    def test_start_opens_the_oldest_item(self, founder_client):
        pending_listing(1)
        oldest = pending_listing(9)
        response = founder_client.get(reverse("desk:start"))
        assert response["Location"] == review_url("listing", oldest.pk)

    def test_the_admin_index_counts_every_kind_and_leads_to_the_queue(self, founder_client):
        pending_listing(2), pending_listing(1)
        listing_with_edits(1)
        proposal(1)
        undelivered_email(1)
        html = founder_client.get("/admin/").content.decode()
        assert "Waiting for review" in html
        assert "<strong>2</strong> new listings" in html
        assert "<strong>1</strong> published listing with edits" in html
        assert "<strong>1</strong> blog proposal" in html
        assert "<strong>1</strong> email not delivered" in html
        assert f'href="{QUEUE}"' in html

    def test_the_admin_is_branded_as_the_directorys(self, founder_client):
        html = founder_client.get("/admin/").content.decode()
        assert "Directory founders" in html
        assert "Django administration" not in html and "Django site admin" not in html

    def test_bulk_actions_stay_in_the_admins_lists(self, founder_client):
        pending_listing(1), proposal(1)  # a list shows its actions when it has rows
        listings = founder_client.get("/admin/providers/provider/").content.decode()
        assert 'value="approve"' in listings and 'value="request_changes"' in listings
        proposals = founder_client.get("/admin/blog/proposal/").content.decode()
        assert 'value="accept"' in proposals and 'value="decline"' in proposals


class TestApproveAndNext:
    def test_a_founder_approves_three_pending_listings_in_a_row_in_two_requests_each(
        self, founder_client, mailoutbox, django_capture_on_commit_callbacks
    ):
        listings = [pending_listing(days) for days in (3, 2, 1)]
        page = founder_client.get(review_url("listing", listings[0].pk))  # the first one, opened from the queue
        for number, listing in enumerate(listings):
            seen = page.context["review_version"]
            assert 'value="approve"' in page.content.decode()
            with django_capture_on_commit_callbacks(execute=True):
                done = founder_client.post(review_url("listing", listing.pk), {"decision": "approve", "seen": seen})
            assert done.status_code == 302  # request 1: the decision
            if number < 2:
                assert done["Location"] == review_url("listing", listings[number + 1].pk)
                page = founder_client.get(done["Location"])  # request 2: the next item, ready to decide
                assert page.status_code == 200
            else:
                assert done["Location"] == QUEUE  # nothing else waits
        assert Provider.objects.filter(pk__in=[p.pk for p in listings], status="published").count() == 3
        assert len(mailoutbox) == 3

    def test_approving_records_who_and_shows_it_in_the_history(self, founder_client, founder):
        listing = pending_listing(1)
        seen = founder_client.get(review_url("listing", listing.pk)).context["review_version"]
        founder_client.post(review_url("listing", listing.pk), {"decision": "approve", "seen": seen})
        event = listing.events.get(action=ListingEvent.Action.APPROVED)
        assert event.actor == founder
        html = founder_client.get(review_url("listing", listing.pk)).content.decode()
        assert "Approved and published" in html and "ada@example.org" in html
        assert "This is no longer waiting for a decision." in html

    def test_a_listing_changed_since_it_was_opened_is_not_approved(self, founder_client):
        listing = pending_listing(1)
        seen = founder_client.get(review_url("listing", listing.pk)).context["review_version"]
        listing.edit(values={"headline": "Changed meanwhile"}, offices=office_dicts(listing.offices.all()))
        response = founder_client.post(review_url("listing", listing.pk), {"decision": "approve", "seen": seen})
        assert response["Location"] == review_url("listing", listing.pk)  # the same listing, to look again
        assert any("changed since you opened it" in text for text in messages_of(response))
        listing.refresh_from_db()
        assert listing.status == Provider.Status.PENDING

    def test_request_changes_needs_a_message_and_keeps_what_was_typed(
        self, founder_client, mailoutbox, django_capture_on_commit_callbacks
    ):
        listing = pending_listing(1)
        url = review_url("listing", listing.pk)
        response = founder_client.post(url, {"decision": "request_changes", "note": "  "})
        assert response.status_code == 200
        assert "Please write a message: the provider will receive it." in response.content.decode()
        assert response.context["open_decision"] == "request_changes"
        too_long = "Please add your fees. " * 250
        response = founder_client.post(url, {"decision": "request_changes", "note": too_long})
        assert response.status_code == 200
        assert too_long.strip() in response.content.decode()  # back in the box, to shorten
        listing.refresh_from_db()
        assert listing.status == Provider.Status.PENDING and not mailoutbox

        with django_capture_on_commit_callbacks(execute=True):
            founder_client.post(url, {"decision": "request_changes", "note": "Please add your fees."})
        listing.refresh_from_db()
        assert listing.status == Provider.Status.CHANGES_REQUESTED
        assert "Please add your fees." in mailoutbox[0].body

    def test_the_edits_to_a_published_listing_are_shown_and_approved_live(self, founder_client):
        listing = listing_with_edits(1, headline="Lighthouse")
        page = founder_client.get(review_url("listing", listing.pk))
        assert "Lighthouse" in page.content.decode()
        founder_client.post(
            review_url("listing", listing.pk), {"decision": "approve", "seen": page.context["review_version"]}
        )
        listing.refresh_from_db()
        assert listing.headline == "Lighthouse"
        assert not PendingChange.objects.filter(provider=listing).exists()

    def test_a_decision_not_available_changes_nothing(self, founder_client):
        listing = OwnedPublishedProviderFactory()
        response = founder_client.post(review_url("listing", listing.pk), {"decision": "approve"})
        assert response.status_code == 302
        assert any("not available" in text for text in messages_of(response))
        listing.refresh_from_db()
        assert not listing.events.exists()

    def test_a_message_for_a_decision_someone_else_took_first_is_given_back(self, founder_client, founder):
        listing = pending_listing(1)
        listing.reject(by=founder, reason="Not a perinatal practice.")  # another founder, a moment earlier
        note = "Please add how you practise trauma-informed care."
        response = founder_client.post(review_url("listing", listing.pk), {"decision": "request_changes", "note": note})
        assert response["Location"] == review_url("listing", listing.pk)
        assert any(note in text for text in messages_of(response))

    def test_an_unknown_kind_or_item_is_not_found(self, founder_client):
        assert founder_client.get("/admin/desk/review/nothing/1/").status_code == 404
        assert founder_client.get(review_url("listing", 999999)).status_code == 404


class TestOtherKinds:
    def test_a_proposal_is_accepted_into_a_draft_article(self, founder_client, founder):
        idea = proposal(2, title="Feeding after a NICU stay")
        later = pending_listing(1)
        response = founder_client.post(review_url("proposal", idea.pk), {"decision": "accept"})
        assert response["Location"] == review_url("listing", later.pk)
        idea.refresh_from_db()
        assert idea.status == Proposal.Status.ACCEPTED
        assert Post.objects.get(pk=idea.post_id).status == Post.Status.DRAFT
        assert idea.events.get(to_status="accepted").actor == founder

    def test_declining_a_proposal_needs_a_message(self, founder_client):
        idea = proposal(2, factory=InReviewProposalFactory)
        response = founder_client.post(review_url("proposal", idea.pk), {"decision": "decline", "note": ""})
        assert response.status_code == 200
        idea.refresh_from_db()
        assert idea.status == Proposal.Status.IN_REVIEW
        founder_client.post(review_url("proposal", idea.pk), {"decision": "decline", "note": "Thank you; not now."})
        idea.refresh_from_db()
        assert idea.status == Proposal.Status.DECLINED

    def test_marking_a_proposal_in_review_keeps_it_waiting_and_opens_the_next_item(self, founder_client):
        first, second = proposal(3), proposal(2)
        response = founder_client.post(review_url("proposal", first.pk), {"decision": "mark_in_review"})
        assert response["Location"] == review_url("proposal", second.pk)
        response = founder_client.post(review_url("proposal", second.pk), {"decision": "mark_in_review"})
        assert response["Location"] == review_url("proposal", first.pk)  # round to the start, still waiting

    def test_a_report_is_resolved_with_a_note_for_the_founders(self, founder_client, founder):
        report = ListingReport.objects.create(
            provider=OwnedPublishedProviderFactory(), reason="outdated", details="The phone number is wrong."
        )
        page = founder_client.get(review_url("report", report.pk)).content.decode()
        assert "The phone number is wrong." in page
        founder_client.post(review_url("report", report.pk), {"decision": "resolve", "note": "Provider fixed it."})
        report.refresh_from_db()
        assert report.status == ListingReport.Status.RESOLVED
        assert (report.resolved_by, report.resolution_note) == (founder, "Provider fixed it.")

    def test_an_undelivered_email_is_retried_and_its_words_never_shown(self, founder_client):
        email = undelivered_email(1)
        page = founder_client.get(review_url("email", email.pk)).content.decode()
        assert "SMTPRecipientsRefused: 550" in page and "someone@example.net" in page
        assert "The email&#x27;s private words." not in page and "private words" not in page
        founder_client.post(review_url("email", email.pk), {"decision": "retry"})
        email.refresh_from_db()
        assert email.status == QueuedEmail.Status.QUEUED

    def test_a_familys_undelivered_message_shows_only_its_metadata(self, founder_client):
        message = ContactMessage.objects.create(
            provider=OwnedPublishedProviderFactory(display_name="Mara Quill"), sender_name="Private Parent",
            sender_email="parent@example.net", body="Our private words", status=ContactMessage.Status.QUEUED,
            attempts=2, last_error="ConnectionRefusedError",
        )  # fmt: skip
        page = founder_client.get(review_url("contact-message", message.pk)).content.decode()
        assert "Mara Quill" in page and "ConnectionRefusedError" in page
        for private in ("Private Parent", "parent@example.net", "Our private words"):
            assert private not in page


def test_the_queue_costs_the_same_few_queries_however_much_is_waiting(founder_client, django_assert_max_num_queries):
    def fill(n):
        for days in range(n):
            pending_listing(days + 1)
            listing_with_edits(days + 1)
            proposal(days + 1)
            undelivered_email(days + 1)

    fill(2)
    with django_assert_max_num_queries(30) as few:
        founder_client.get(QUEUE)
    fill(6)
    with django_assert_max_num_queries(len(few.captured_queries)):  # no query per item
        response = founder_client.get(QUEUE)
    assert response.status_code == 200
