"""My listing: create, edit, photo, submit, preview; edits to a published listing wait for review."""

from unittest import mock

import pytest

from providers.models import Provider
from providers.pending import PendingChange
from tests.providers.factories import (
    OwnedProviderFactory,
    OwnedPublishedProviderFactory,
    RejectedProviderFactory,
    SuspendedProviderFactory,
    UserFactory,
    VerifiedUserFactory,
    jpeg_upload,
    terms,
)

pytestmark = pytest.mark.django_db


def office(n=0, **fields):
    values = {"id": "", "name": "", "street": "", "city": "Cambridge", "state": "MA", "zip_code": "02139"}
    values.update(fields)
    return {f"offices-{n}-{k}": v for k, v in values.items()}


def listing_data(offices=1, initial_offices=0, **overrides):
    data = {
        "display_name": "Rosa Delgado",
        "credentials": "LMFT",
        "pronouns": "she/her",
        "headline": "Gentle support after a hard birth",
        "bio": "I help parents after birth trauma.",
        "approach": "We go at your pace; you can pause any time.",
        "types": terms("types", "therapist"),
        "concerns": terms("concerns", "birth-trauma"),
        "formats": terms("formats", "in-person", "telehealth"),
        "payments": terms("payments", "self-pay"),
        "fee_unit": "session",
        "licensed_states": ["MA", "RI"],
        "fee_min": "100",
        "fee_max": "150",
        "contact_email": "rosa.private@example.net",
        "accepting": "yes",
        "offices-TOTAL_FORMS": str(offices),
        "offices-INITIAL_FORMS": str(initial_offices),
        "offices-MIN_NUM_FORMS": "0",
        "offices-MAX_NUM_FORMS": "6",
        **(office(0) if offices else {}),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def provider_client(client):
    user = VerifiedUserFactory()
    client.force_login(user)
    client.user = user
    return client


def test_every_page_asks_strangers_to_log_in(client):
    for url in ["/listing/", "/listing/edit/", "/listing/preview/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_a_new_provider_is_invited_to_start(provider_client):
    html = provider_client.get("/listing/").content.decode()
    assert "Create my listing" in html
    form = provider_client.get("/listing/edit/").content.decode()
    for section in ["About you", "Who you help", "How you work", "Fees and payment", "Where you practise", "Contact"]:
        assert section in form
    assert provider_client.user.email in form  # the contact email starts as the login


def test_creating_a_listing_saves_a_draft_with_offices_terms_and_photo(provider_client):
    data = listing_data(photo=jpeg_upload(), **office(0, name="Main office"))
    response = provider_client.post("/listing/edit/", data)
    assert response.status_code == 302 and response["Location"] == "/listing/"
    listing = Provider.objects.get(owner=provider_client.user)
    assert listing.status == "draft"
    assert listing.slug == "rosa-delgado"
    assert listing.concerns == terms("concerns", "birth-trauma")
    assert sorted(listing.formats) == sorted(terms("formats", "in-person", "telehealth"))
    assert listing.payments == terms("payments", "self-pay")
    assert listing.licensed_states == ["MA", "RI"]
    assert listing.photo and listing.photo_width == 480
    assert listing.availability_confirmed_at is not None and listing.accepting_new_clients
    office_row = listing.offices.get()
    assert (office_row.name, office_row.city, office_row.zip_code) == ("Main office", "Cambridge", "02139")
    assert office_row.latitude is not None


def test_errors_are_shown_where_they_belong_and_nothing_typed_is_lost(provider_client):
    data = listing_data(fee_min="300", fee_max="100", website="javascript:alert(1)", **office(0, zip_code="00000"))
    data["photo"] = jpeg_upload().__class__("notes.txt", b"not an image", content_type="text/plain")
    html = provider_client.post("/listing/edit/", data).content.decode()
    assert "We couldn&#x27;t find this ZIP code" in html
    assert "The highest fee must be at least the lowest fee." in html
    assert "Enter a valid URL." in html
    assert "This file is not an image we can use" in html
    assert 'value="Gentle support after a hard birth"' in html
    assert "If you chose a photo, please choose it again." in html
    assert not Provider.objects.exists()


def test_removing_an_office_and_the_photo(provider_client):
    listing = OwnedProviderFactory(owner=provider_client.user)
    listing.set_photo(jpeg_upload())
    listing.save()
    existing = listing.offices.get()
    data = listing_data(initial_offices=1, remove_photo="on", **office(0, id=existing.pk, DELETE="on"))
    assert provider_client.post("/listing/edit/", data).status_code == 302
    listing.refresh_from_db()
    assert not listing.offices.exists()
    assert not listing.photo


def test_the_dashboard_says_what_is_missing_and_submits_when_complete(provider_client):
    listing = OwnedProviderFactory(owner=provider_client.user, approach="", practices=[])
    html = provider_client.get("/listing/").content.decode()
    assert "Draft" in html and "how you practise" in html
    assert "Submit for review" not in html
    response = provider_client.post("/listing/submit/", follow=True)
    assert "Before you submit, please add: how you practise" in response.content.decode()
    Provider.objects.filter(pk=listing.pk).update(approach="I ask first.")
    response = provider_client.post("/listing/submit/", follow=True)
    listing.refresh_from_db()
    assert listing.status == "pending"
    assert "Pending review" in response.content.decode()


def test_an_unverified_provider_is_asked_to_confirm_first(client):
    listing = OwnedProviderFactory(owner=UserFactory())
    client.force_login(listing.owner)
    html = client.get("/listing/").content.decode()
    assert "Please confirm your email address." in html
    assert "a verified email address" in html
    client.post("/listing/submit/")
    listing.refresh_from_db()
    assert listing.status == "draft"


class TestPublishedListing:
    @pytest.fixture
    def listing(self, provider_client):
        return OwnedPublishedProviderFactory(owner=provider_client.user, headline="The published headline")

    def post_edit(self, client, listing, **overrides):
        current = listing.offices.get()
        data = listing_data(
            initial_offices=1,
            display_name=listing.display_name,
            **office(0, id=current.pk, name=current.name, street=current.street),
            **overrides,
        )
        return client.post("/listing/edit/", data)

    def test_edits_wait_for_review_and_the_live_page_is_unchanged(self, provider_client, listing):
        response = self.post_edit(provider_client, listing, headline="A new headline")
        assert response.status_code == 302
        listing.refresh_from_db()
        assert listing.headline == "The published headline"
        assert "The published headline" in provider_client.get(listing.get_absolute_url()).content.decode()
        pending = PendingChange.objects.get(provider=listing)
        assert pending.data["headline"] == "A new headline"

        dashboard = provider_client.get("/listing/").content.decode()
        assert "Your edits waiting for review" in dashboard
        # The changed words marked: "The published" became "A new".
        assert "<del>The published</del> headline" in dashboard and "<ins>A new</ins> headline" in dashboard
        assert "A new headline" in provider_client.get("/listing/preview/").content.decode()
        # Editing again starts from the version waiting for review.
        assert 'value="A new headline"' in provider_client.get("/listing/edit/").content.decode()

        provider_client.post("/listing/edits/withdraw/")
        assert not PendingChange.objects.exists()

    def test_a_new_photo_is_staged_until_approved(self, provider_client, listing):
        self.post_edit(provider_client, listing, photo=jpeg_upload())
        listing.refresh_from_db()
        assert not listing.photo
        pending = listing.pending_change
        assert pending.photo and pending.comparison()[-1]["proposed"] == "A new photo"

    def test_a_published_listing_must_stay_complete(self, provider_client, listing):
        html = self.post_edit(provider_client, listing, headline="", concerns=None).content.decode()
        assert "A published listing needs to stay complete" in html
        assert not PendingChange.objects.exists()

    def test_availability_buttons_apply_at_once(self, provider_client, listing):
        self.post_edit(provider_client, listing, headline="Waiting")
        provider_client.post("/listing/availability/", {"accepting": "no"})
        listing.refresh_from_db()
        assert listing.accepting_new_clients is False
        assert listing.pending_change.data["headline"] == "Waiting"  # the edits still wait
        html = provider_client.get("/listing/").content.decode()
        assert "Not taking new clients right now" in html and "confirmed today" in html
        assert provider_client.get("/listing/availability/").status_code == 405  # POST only


@pytest.mark.parametrize("factory", [RejectedProviderFactory, SuspendedProviderFactory])
def test_rejected_and_suspended_listings_explain_instead_of_editing(client, factory):
    from providers.events import ListingEvent

    listing = factory(owner=VerifiedUserFactory())
    ListingEvent.objects.create(
        provider=listing, action="rejected", from_status="pending", to_status=listing.status, note="Because."
    )
    client.force_login(listing.owner)
    assert client.get("/listing/edit/")["Location"] == "/listing/"
    html = client.get("/listing/").content.decode()
    assert "Because." in html
    assert "Edit my listing" not in html


def test_the_preview_uses_the_public_profile_for_a_draft(provider_client):
    listing = OwnedProviderFactory(owner=provider_client.user, headline="Only I can see this")
    html = provider_client.get("/listing/preview/").content.decode()
    assert "Preview." in html and "Only I can see this" in html
    assert listing.contact_email not in html  # never in public HTML, not even the preview
    assert provider_client.get(listing.get_absolute_url()).status_code == 404  # drafts are not public


def test_the_create_form_sent_twice_makes_one_listing_and_no_error_page(provider_client):
    stale_form = listing_data()
    OwnedProviderFactory(owner=provider_client.user)  # the first submission landed while this one was on its way
    with mock.patch("providers.listing_views._own_listing", return_value=None):
        response = provider_client.post("/listing/edit/", stale_form)
    assert response.status_code == 200
    assert "Your listing already exists" in response.content.decode()
    assert Provider.objects.filter(owner=provider_client.user).count() == 1


def test_the_dashboard_needs_few_queries(provider_client, django_assert_max_num_queries):
    from providers.pending import PendingChange, office_dicts
    from providers.taxonomy import vocabulary

    listing = OwnedPublishedProviderFactory(owner=provider_client.user)
    offices = office_dicts(listing.offices.all())
    offices[0]["name"] = "Renamed office"
    PendingChange.stage(listing, values={"headline": "New", "types": terms("types", "doula")}, offices=offices)
    vocabulary()  # cached per process in real use
    with django_assert_max_num_queries(6):
        html = provider_client.get("/listing/").content.decode()
    assert "<ins>Renamed</ins> office:" in html and "Doula" in html
