"""Founders decide what is published: every transition, allowed and refused, recorded and emailed after commit."""

import pytest

from providers.events import ListingEvent, TransitionNotAllowed
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from tests.providers.factories import (
    ChangesRequestedProviderFactory,
    ModeratorFactory,
    OwnedProviderFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    PublishedProviderFactory,
    RejectedProviderFactory,
    UserFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

S = Provider.Status


@pytest.fixture
def founder():
    return ModeratorFactory()


def pending_listing(**kwargs):
    return PendingProviderFactory(owner=VerifiedUserFactory(), **kwargs)


def stage_headline(listing, headline, by=None):
    values = {"headline": headline}
    return PendingChange.stage(listing, values=values, offices=office_dicts(listing.offices.all()), by=by)


class TestSubmit:
    def test_a_complete_draft_goes_to_review_and_the_provider_hears_so(
        self, mailoutbox, django_capture_on_commit_callbacks
    ):
        listing = OwnedProviderFactory()
        with django_capture_on_commit_callbacks(execute=True):
            listing.submit(by=listing.owner)
        assert listing.status == S.PENDING
        assert listing.submitted_at is not None
        event = listing.events.get()
        assert (event.action, event.from_status, event.to_status, event.actor) == (
            "submitted",
            "draft",
            "pending",
            listing.owner,
        )
        assert [m.to for m in mailoutbox] == [[listing.owner.email]]
        assert mailoutbox[0].subject == "We have received your listing"

    def test_an_incomplete_draft_is_refused_with_what_is_missing(self):
        listing = OwnedProviderFactory(headline="", concerns=[], licensed_states=[], office=False)
        with pytest.raises(TransitionNotAllowed) as refused:
            listing.submit(by=listing.owner)
        message = str(refused.value)
        assert "a headline" in message
        assert "at least one concern" in message
        assert "an office, or a state you are licensed in" in message
        listing.refresh_from_db()
        assert listing.status == S.DRAFT
        assert not listing.events.exists()

    def test_an_unverified_account_can_draft_but_not_submit(self):
        listing = OwnedProviderFactory(owner=UserFactory())
        with pytest.raises(TransitionNotAllowed, match="verified email"):
            listing.submit(by=listing.owner)

    def test_a_listing_with_changes_requested_can_be_submitted_again(self):
        listing = ChangesRequestedProviderFactory(owner=VerifiedUserFactory())
        listing.submit(by=listing.owner)
        assert listing.status == S.PENDING

    @pytest.mark.parametrize("factory", [PendingProviderFactory, PublishedProviderFactory, RejectedProviderFactory])
    def test_only_drafts_and_returned_listings_can_be_submitted(self, factory):
        listing = factory()
        with pytest.raises(TransitionNotAllowed):
            listing.submit(by=None)


class TestApprove:
    def test_approving_publishes_and_emails_a_link_to_the_public_page(
        self, founder, mailoutbox, django_capture_on_commit_callbacks, settings
    ):
        settings.SITE_URL = "https://directory.example"
        listing = pending_listing()
        with django_capture_on_commit_callbacks(execute=True):
            listing.approve(by=founder)
        assert listing.status == S.PUBLISHED
        assert listing.published_at is not None
        assert Provider.objects.published().filter(pk=listing.pk).exists()
        event = listing.events.get()
        assert (event.action, event.actor, event.from_status, event.to_status) == (
            "approved",
            founder,
            "pending",
            "published",
        )
        (mail,) = mailoutbox
        assert mail.subject == "Your listing is published"
        assert mail.to == [listing.owner.email]
        assert f"https://directory.example/providers/{listing.slug}/" in mail.body

    def test_the_email_waits_for_the_commit(self, founder, mailoutbox, django_capture_on_commit_callbacks):
        listing = pending_listing()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            listing.approve(by=founder)
        assert mailoutbox == []
        assert len(callbacks) == 1

    @pytest.mark.parametrize(
        "factory", [OwnedProviderFactory, ChangesRequestedProviderFactory, RejectedProviderFactory]
    )
    def test_listings_not_under_review_cannot_be_approved(self, founder, factory, mailoutbox):
        listing = factory()
        before = listing.status
        with pytest.raises(TransitionNotAllowed, match="can be approved"):
            listing.approve(by=founder)
        listing.refresh_from_db()
        assert listing.status == before
        assert not ListingEvent.objects.exists()
        assert mailoutbox == []

    def test_a_published_listing_without_edits_cannot_be_approved(self, founder):
        with pytest.raises(TransitionNotAllowed):
            PublishedProviderFactory().approve(by=founder)


class TestRequestChangesAndReject:
    def test_request_changes_sends_the_message(self, founder, mailoutbox, django_capture_on_commit_callbacks):
        listing = pending_listing()
        with django_capture_on_commit_callbacks(execute=True):
            listing.request_changes(by=founder, message="Please add the fee range you charge.")
        assert listing.status == S.CHANGES_REQUESTED
        assert listing.status_note() == "Please add the fee range you charge."
        assert "Please add the fee range you charge." in mailoutbox[0].body
        assert "/listing/edit/" in mailoutbox[0].body

    def test_a_message_is_required(self, founder):
        listing = pending_listing()
        with pytest.raises(TransitionNotAllowed, match="message"):
            listing.request_changes(by=founder, message="   ")
        with pytest.raises(TransitionNotAllowed, match="reason"):
            listing.reject(by=founder, reason="")
        listing.refresh_from_db()
        assert listing.status == S.PENDING

    def test_reject_records_and_sends_the_reason(self, founder, mailoutbox, django_capture_on_commit_callbacks):
        listing = pending_listing()
        with django_capture_on_commit_callbacks(execute=True):
            listing.reject(by=founder, reason="We list perinatal care only.")
        assert listing.status == S.REJECTED
        assert listing.events.get().note == "We list perinatal care only."
        assert mailoutbox[0].subject == "About your listing"
        assert "We list perinatal care only." in mailoutbox[0].body

    def test_drafts_cannot_be_rejected_or_returned(self, founder):
        listing = OwnedProviderFactory()
        with pytest.raises(TransitionNotAllowed):
            listing.reject(by=founder, reason="No")
        with pytest.raises(TransitionNotAllowed):
            listing.request_changes(by=founder, message="No")


class TestSuspendReinstate:
    def test_suspend_takes_a_listing_out_of_the_directory_and_reinstate_brings_it_back(
        self, founder, mailoutbox, django_capture_on_commit_callbacks
    ):
        listing = OwnedPublishedProviderFactory()
        with django_capture_on_commit_callbacks(execute=True):
            listing.suspend(by=founder, reason="Several families could not reach you.")
        assert listing.status == S.SUSPENDED
        assert not Provider.objects.published().filter(pk=listing.pk).exists()
        with django_capture_on_commit_callbacks(execute=True):
            listing.reinstate(by=founder)
        assert listing.status == S.PUBLISHED
        assert [m.subject for m in mailoutbox] == ["Your listing is paused", "Your listing is back in the directory"]
        assert [e.action for e in listing.events.order_by("created_at", "id")] == ["suspended", "reinstated"]

    def test_refused_moves(self, founder):
        with pytest.raises(TransitionNotAllowed):
            pending_listing().suspend(by=founder, reason="x")
        with pytest.raises(TransitionNotAllowed):
            PublishedProviderFactory().reinstate(by=founder)
        with pytest.raises(TransitionNotAllowed, match="reason"):
            PublishedProviderFactory().suspend(by=founder, reason="")


class TestLicense:
    def test_mark_license_verified_once(self, founder, mailoutbox, django_capture_on_commit_callbacks):
        listing = pending_listing(license_type="LICSW", license_number="12345", license_state="MA")
        with django_capture_on_commit_callbacks(execute=True):
            listing.mark_license_verified(by=founder)
        assert listing.license_verified
        assert listing.status == S.PENDING  # verifying is not a status change
        assert mailoutbox[0].subject == "Your license is verified"
        with pytest.raises(TransitionNotAllowed, match="already verified"):
            listing.mark_license_verified(by=founder)

    def test_no_license_number_nothing_to_verify(self, founder):
        with pytest.raises(TransitionNotAllowed, match="no license number"):
            pending_listing(license_number="").mark_license_verified(by=founder)


class TestEditsToPublishedListings:
    def test_edits_wait_apart_from_the_live_listing_until_approved(
        self, founder, mailoutbox, django_capture_on_commit_callbacks
    ):
        listing = OwnedPublishedProviderFactory(headline="The old headline")
        pending = stage_headline(listing, "A brand new headline", by=listing.owner)
        listing.refresh_from_db()
        assert listing.headline == "The old headline"
        assert pending.data == {"headline": "A brand new headline"}
        assert [(row["field"], row["label"], row["live"], row["proposed"]) for row in pending.comparison()] == [
            ("headline", "Headline", "The old headline", "A brand new headline")
        ]
        assert Provider.objects.awaiting_review().filter(pk=listing.pk).exists()

        with django_capture_on_commit_callbacks(execute=True):
            listing.approve(by=founder)
        listing.refresh_from_db()
        assert listing.headline == "A brand new headline"
        assert listing.status == S.PUBLISHED
        assert "'brand':" in listing.search_document  # the search document follows the approved text
        assert not PendingChange.objects.exists()
        assert mailoutbox[-1].subject == "Your changes are live"
        assert listing.events.first().action == "edits_approved"

    def test_offices_change_only_on_approval(self, founder):
        listing = OwnedPublishedProviderFactory()
        offices = office_dicts(listing.offices.all())
        offices[0].update(zip_code="10001", city="New York", state="NY")
        offices.append(
            {"id": None, "name": "", "street": "", "show_street": False, "city": "Boston"}
            | {
                "state": "MA",
                "zip_code": "02108",
            }
        )
        PendingChange.stage(listing, values={}, offices=offices, by=listing.owner)
        assert list(listing.offices.values_list("zip_code", flat=True)) == ["02139"]
        listing.approve(by=founder)
        assert sorted(listing.offices.values_list("city", flat=True)) == ["Boston", "New York"]
        moved = listing.offices.get(city="New York")
        assert round(moved.latitude) == 41  # located again from its new ZIP code

    def test_request_changes_on_edits_keeps_the_listing_published(self, founder, mailoutbox):
        listing = OwnedPublishedProviderFactory()
        stage_headline(listing, "Something else")
        listing.request_changes(by=founder, message="Please keep it under one sentence.")
        assert listing.status == S.PUBLISHED
        assert listing.pending_change.message == "Please keep it under one sentence."
        assert not Provider.objects.awaiting_review().filter(pk=listing.pk).exists()
        stage_headline(listing, "Short")  # the provider answers: back in the queue
        assert Provider.objects.awaiting_review().filter(pk=listing.pk).exists()

    def test_rejecting_edits_discards_them_and_the_listing_stays_up(self, founder):
        listing = OwnedPublishedProviderFactory(headline="Kept")
        stage_headline(listing, "Dropped")
        listing.reject(by=founder, reason="This headline makes a medical claim.")
        listing.refresh_from_db()
        assert (listing.status, listing.headline) == (S.PUBLISHED, "Kept")
        assert not PendingChange.objects.exists()

    def test_the_provider_can_withdraw_their_edits(self):
        listing = OwnedPublishedProviderFactory(headline="Kept")
        stage_headline(listing, "Dropped")
        listing.withdraw_edits(by=listing.owner)
        assert not PendingChange.objects.exists()
        assert listing.events.first().action == "edits_withdrawn"
        with pytest.raises(TransitionNotAllowed):
            listing.withdraw_edits(by=listing.owner)

    def test_edits_identical_to_the_live_listing_leave_nothing_waiting(self):
        listing = OwnedPublishedProviderFactory(headline="Same")
        stage_headline(listing, "Different")
        assert stage_headline(listing, "Same") is None
        assert not PendingChange.objects.exists()

    def test_edits_need_a_confirmed_email(self):
        listing = OwnedPublishedProviderFactory(owner=UserFactory())
        with pytest.raises(TransitionNotAllowed, match="confirm your email"):
            stage_headline(listing, "New")

    def test_availability_alone_changes_the_live_listing_while_edits_wait(self):
        listing = OwnedPublishedProviderFactory(accepting_new_clients=True)
        stage_headline(listing, "New")
        listing.confirm_availability(False)
        listing.refresh_from_db()
        assert listing.accepting_new_clients is False
        assert listing.pending_change.data == {"headline": "New"}


def test_every_transition_is_kept_in_order(founder):
    listing = OwnedProviderFactory()
    listing.submit(by=listing.owner)
    listing.request_changes(by=founder, message="Add your fees.")
    listing.submit(by=listing.owner)
    listing.approve(by=founder)
    listing.suspend(by=founder, reason="Unreachable.")
    history = [(e.from_status, e.to_status) for e in listing.events.order_by("created_at", "id")]
    assert history == [
        ("draft", "pending"),
        ("pending", "changes_requested"),
        ("changes_requested", "pending"),
        ("pending", "published"),
        ("published", "suspended"),
    ]
