"""Where families are, when a provider is fully booked, whom they work with and who they are: declared in the
provider's form (reviewed once the listing is live) and shown on the profile."""

import pytest

from providers.models import Provider
from providers.months import add_months, this_month
from providers.pending import PendingChange
from tests.providers.factories import (
    ModeratorFactory,
    OwnedProviderFactory,
    OwnedPublishedProviderFactory,
    PublishedProviderFactory,
    VerifiedUserFactory,
    terms,
)
from tests.providers.test_listing import listing_data, office

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider_client(client):
    user = VerifiedUserFactory()
    client.force_login(user)
    client.user = user
    return client


def label(month):
    return f"{month:%B} {month.year}"


def fit_fields(booked):
    return {
        "stages": terms("stages", "pregnant", "birth"),
        "populations": terms("populations", "intended-parents"),
        "identities": terms("identities", "bilingual", "parent-after-loss"),
        "identity_note": "I'm a mother of two and a loss mom; I work in English and Portuguese.",
        "booked_months": [month.isoformat() for month in booked],
    }


def test_a_draft_saves_stages_booked_months_populations_and_identities(provider_client):
    listing = OwnedProviderFactory(owner=provider_client.user, office=False)
    form = provider_client.get("/listing/edit/").content.decode()
    for question in [
        "Where are the families you support?",
        "Who do you work with? (optional)",
        "Anything about you that you would like families to know? (optional)",
        "In your own words (optional)",
        "Months you are fully booked (optional)",
    ]:
        assert question in form, question
    soon = add_months(this_month(), 2)
    assert f'value="{soon.isoformat()}"' in form and label(soon) in form

    response = provider_client.post("/listing/edit/", listing_data(**fit_fields([soon])))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.stages == terms("stages", "pregnant", "birth")
    assert listing.booked_months == [soon]
    assert listing.identities == terms("identities", "bilingual", "parent-after-loss")
    assert listing.identity_note.startswith("I'm a mother of two")
    assert listing.populations == terms("populations", "intended-parents")


def test_identity_is_never_required(provider_client):
    OwnedProviderFactory(owner=provider_client.user, office=False)
    response = provider_client.post("/listing/edit/", listing_data())
    assert response.status_code == 302
    listing = Provider.objects.get(owner=provider_client.user)
    assert (listing.identities, listing.identity_note, listing.booked_months) == ([], "", [])


def test_a_too_long_note_is_refused_kindly_and_nothing_typed_is_lost(provider_client):
    OwnedProviderFactory(owner=provider_client.user, office=False)
    response = provider_client.post("/listing/edit/", listing_data(identity_note="word " * 80, bio="Kept bio."))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ensure this value has at most 300 characters" in page
    assert "Kept bio." in page


def test_edits_to_a_live_listing_wait_for_review_in_words(provider_client):
    listing = OwnedPublishedProviderFactory(owner=provider_client.user)
    current = listing.offices.get()
    soon = add_months(this_month(), 3)
    data = listing_data(
        initial_offices=1,
        display_name=listing.display_name,
        **office(0, id=current.pk, name=current.name, street=current.street),
        **fit_fields([soon]),
    )
    assert provider_client.post("/listing/edit/", data).status_code == 302
    listing.refresh_from_db()
    assert (listing.stages, listing.booked_months) == ([], [])  # the live listing waits for review
    pending = PendingChange.objects.get(provider=listing)
    rows = {row["field"]: row for row in pending.comparison()}
    assert rows["booked_months"]["proposed"] == label(soon)
    assert rows["stages"]["proposed"] == "Pregnant, Birth"
    assert rows["identity_note"]["live"] == "—"

    # Saving the same form again changes nothing more (dates compare with the ISO strings a pending change keeps).
    provider_client.post("/listing/edit/", data)
    assert PendingChange.objects.get(provider=listing).data == pending.data
    preview = provider_client.get("/listing/preview/").content.decode()
    assert f"Fully booked:</span> {label(soon)}" in preview

    listing.approve(by=ModeratorFactory(), seen=Provider.objects.get(pk=listing.pk).review_version())
    listing.refresh_from_db()
    assert listing.booked_months == [soon]
    assert listing.identities == terms("identities", "bilingual", "parent-after-loss")


def test_past_booked_months_survive_a_save_of_the_form(provider_client):
    past, soon = add_months(this_month(), -2), add_months(this_month(), 1)
    listing = OwnedProviderFactory(owner=provider_client.user, office=False, booked_months=[past, soon])
    form = provider_client.get("/listing/edit/").content.decode()
    assert f'value="{past.isoformat()}"' not in form  # only months to come are offered
    provider_client.post("/listing/edit/", listing_data(booked_months=[soon.isoformat()]))
    listing.refresh_from_db()
    assert listing.booked_months == [past, soon]


def test_the_profile_shows_stages_booked_months_and_what_the_provider_shares(client):
    past, soon = add_months(this_month(), -1), add_months(this_month(), 2)
    provider = PublishedProviderFactory(
        stages=terms("stages", "postpartum", "after-loss"),
        booked_months=[past, soon],
        populations=terms("populations", "adoptive-parents"),
        identities=terms("identities", "black-provider"),
        identity_note="I'm a Black mother of three.",
    )
    page = client.get(provider.get_absolute_url()).content.decode()
    stages = page.split('id="stages-heading"')[1].split("</section>")[0]
    assert "Postpartum (first year)" in stages and "After a pregnancy or infant loss" in stages
    assert f"Fully booked:</span> {label(soon)}</p>" in stages  # months gone by are not shown
    shares = page.split('id="identity-heading"')[1].split("</section>")[0]
    assert "Black provider" in shares and "I&#x27;m a Black mother of three." in shares
    assert "Adoptive and foster parents" in page


def test_a_profile_without_them_shows_no_empty_sections(client):
    provider = PublishedProviderFactory()
    page = client.get(provider.get_absolute_url()).content.decode()
    for heading in ["stages-heading", "identity-heading", "credentials-heading"]:
        assert heading not in page
