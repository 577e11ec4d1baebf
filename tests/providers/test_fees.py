"""Honest fees: every fee says what it is for (a session, a package and what it includes, a sliding scale from its
lowest, free), on cards and profiles, in the provider's form (as a pending change once live) and the admin; and the
demo data no longer puts package prices in a per-session field."""

import re

import pytest
from django.core.exceptions import ValidationError

from providers.demo.builder import Builder
from providers.fees import FeeUnit
from providers.models import Provider
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
from tests.providers.test_plans import card_payment_line

pytestmark = pytest.mark.django_db


def summary(**fields):
    return Provider(**fields).fee_summary


def test_each_unit_reads_as_what_it_is():
    assert summary(fee_unit="session", fee_min=120, fee_max=180) == "$120–$180 per session"
    assert summary(fee_unit="session", fee_min=150, fee_max=150) == "$150 per session"
    assert summary(fee_unit="package", fee_min=1800, fee_max=2400) == "$1,800–$2,400 per package"
    assert summary(fee_unit="package", fee_min=1800) == "From $1,800 per package"
    assert summary(fee_unit="sliding", fee_min=40, fee_max=160) == "Sliding scale from $40 per session (full fee $160)"
    assert summary(fee_unit="sliding", fee_min=40) == "Sliding scale from $40 per session"
    assert summary(fee_unit="free") == "Free"
    assert summary(fee_unit="session") == ""


def test_what_a_package_includes_is_shown_only_for_a_package():
    included = "Two prenatal visits, the birth and one postpartum visit"
    assert Provider(fee_unit="package", fee_min=1500, fee_includes=included).package_includes == included
    assert Provider(fee_unit="session", fee_min=150, fee_includes=included).package_includes == ""


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"fee_unit": "free", "fee_min": 20}, "fee_unit", "A free service has no fee"),
        ({"fee_unit": "sliding", "fee_max": 150}, "fee_min", "lowest fee on your sliding scale"),
        ({"fee_unit": "package", "fee_min": 1500}, "fee_includes", "what the package includes"),
        ({"fee_unit": "session", "fee_min": 200, "fee_max": 100}, "fee_max", "at least the lowest fee"),
    ],
)
def test_fees_that_cannot_be_read_honestly_are_refused_with_a_clear_message(fields, field, message):
    with pytest.raises(ValidationError) as raised:
        Provider(display_name="Ana", **fields).clean()
    assert message in " ".join(raised.value.message_dict[field])


def test_the_database_refuses_a_free_listing_with_a_fee_and_an_unknown_unit():
    from django.db import IntegrityError, transaction

    listing = PublishedProviderFactory()
    for bad in ({"fee_unit": "free", "fee_min": 10}, {"fee_unit": "hourly"}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Provider.objects.filter(pk=listing.pk).update(**bad)


def test_the_profile_shows_the_package_and_what_it_includes(client):
    listing = PublishedProviderFactory(
        display_name="Maya Brooks",
        fee_unit="package",
        fee_min=1400,
        fee_max=1900,
        fee_includes="Two prenatal visits, your birth and a postpartum visit at home",
    )
    html = client.get(listing.get_absolute_url()).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "$1,400–$1,900 per package" in text
    assert "Includes: Two prenatal visits, your birth and a postpartum visit at home" in text
    assert "per session" not in text


def test_a_free_listing_says_free_not_that_fees_are_missing(client):
    listing = PublishedProviderFactory(fee_unit="free", fee_min=None, fee_max=None)
    html = client.get(listing.get_absolute_url()).content.decode()
    assert '<p class="fee">Free</p>' in html
    assert "Fees are not listed" not in html


@pytest.mark.parametrize(
    ("fee", "way", "card"),
    [
        ({"fee_unit": "free"}, "free", "Free"),
        (
            {"fee_unit": "sliding", "fee_min": 40, "fee_max": 120},
            "sliding-scale",
            "Sliding scale from $40 per session (full fee $120)",
        ),
    ],
)
def test_a_fees_way_to_pay_is_offered_and_left_to_the_fee_on_cards_and_profiles(client, fee, way, card):
    listing = PublishedProviderFactory(**{"fee_min": None, "fee_max": None, **fee}, payments=[])
    assert listing.payments == terms("payments", way)  # a family filtering by that way to pay finds it
    found = client.get("/search/", {"payment": way}).content.decode()
    assert listing.display_name in found
    way_name = listing.terms("payments")[0].name
    assert card_payment_line(found).strip() == f"{way_name} · {card}"  # filtered by it: why it matched, first
    assert card_payment_line(client.get("/search/").content.decode()).strip() == card  # said once
    profile = client.get(listing.get_absolute_url())
    assert profile.context["payment_methods"] == []


def test_a_listing_that_changes_its_fee_offers_the_new_ones_way_to_pay_and_keeps_the_others(db):
    listing = PublishedProviderFactory(
        fee_unit="session", fee_min=90, fee_max=120, payments=terms("payments", "self-pay")
    )
    assert listing.payments == terms("payments", "self-pay")
    listing.fee_unit, listing.fee_min, listing.fee_max = "free", None, None
    listing.save(update_fields=["fee_unit", "fee_min", "fee_max"])
    listing.refresh_from_db()
    assert listing.payments == terms("payments", "self-pay", "free")
    listing.fee_unit, listing.fee_min = "sliding", 40
    listing.save()
    listing.refresh_from_db()
    assert listing.payments == terms("payments", "self-pay", "free", "sliding-scale")  # nothing is taken away


@pytest.fixture
def provider_client(client):
    client.user = VerifiedUserFactory()
    client.force_login(client.user)
    return client


def test_a_draft_saves_its_package_and_what_it_includes(provider_client):
    data = listing_data(
        fee_unit="package", fee_min="1600", fee_max="", fee_includes="Birth support and two visits after"
    )
    response = provider_client.post("/listing/edit/", data)
    assert response.status_code == 302
    listing = Provider.objects.get(owner=provider_client.user)
    assert (listing.fee_unit, listing.fee_min, listing.fee_max) == ("package", 1600, None)
    assert listing.fee_summary == "From $1,600 per package"
    form = provider_client.get("/listing/edit/").content.decode()
    assert re.search(r'name="fee_unit" value="package"[^>]*checked', form)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"fee_unit": "hourly"}, "Select a valid choice"),
        ({"fee_unit": "free", "fee_min": "40"}, "A free service has no fee"),
        ({"fee_unit": "package", "fee_min": "1500", "fee_max": "", "fee_includes": ""}, "what the package includes"),
        ({"fee_min": "lots"}, "Enter a whole number"),
        ({"fee_max": "25000"}, "less than or equal to 20000"),
    ],
)
def test_bad_fees_are_explained_and_nothing_typed_is_lost(provider_client, overrides, message):
    data = listing_data(**overrides)
    response = provider_client.post("/listing/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Gentle support after a hard birth"' in html  # the rest of the form is kept
    assert not Provider.objects.filter(owner=provider_client.user).exists()


def test_changing_the_unit_of_a_live_listing_waits_for_review(provider_client):
    listing = OwnedPublishedProviderFactory(owner=provider_client.user, fee_unit="session", fee_min=100, fee_max=150)
    current = listing.offices.get()
    data = listing_data(
        initial_offices=1,
        display_name=listing.display_name,
        headline=listing.headline,
        **office(0, id=current.pk, name=current.name, street=current.street),
        fee_unit="sliding",
        fee_min="60",
        fee_max="150",
    )
    assert provider_client.post("/listing/edit/", data).status_code == 302
    listing.refresh_from_db()
    assert listing.fee_unit == "session"  # live listing unchanged until a founder approves
    pending = PendingChange.objects.get(provider=listing)
    assert pending.data["fee_unit"] == "sliding" and pending.data["fee_min"] == 60
    rows = {row["field"]: row for row in pending.comparison()}
    assert (rows["fee_unit"]["live"], rows["fee_unit"]["proposed"]) == ("Per session", "Sliding scale (per session)")

    listing.approve(by=ModeratorFactory())
    listing.refresh_from_db()
    assert listing.fee_summary == "Sliding scale from $60 per session (full fee $150)"


def test_the_admin_shows_and_edits_the_fee_unit(client):
    founder = ModeratorFactory()
    client.force_login(founder)
    listing = OwnedProviderFactory(
        fee_unit="package", fee_min=2000, fee_max=None, fee_includes="Care through six weeks after birth"
    )
    html = client.get(f"/admin/providers/provider/{listing.pk}/change/").content.decode()
    assert 'name="fee_unit"' in html and "Per package" in html
    assert "Care through six weeks after birth" in html


def test_demo_doulas_and_midwives_sell_packages_and_no_session_costs_thousands(db):
    from django.utils import timezone

    from providers.taxonomy import vocabulary

    builder = Builder(seed=7, now=timezone.now())
    listings = list(builder.listings(published=302, drafts=0, pending=0))
    rows = [listing.provider for listing in listings]
    types = {t.id: t.slug for t in vocabulary().terms["types"]}
    by_main_type = {}
    for row in rows:
        if len(row["types"]) == 1:  # a doula who also teaches classes may charge either way
            by_main_type.setdefault(types[row["types"][0]], []).append(row)

    for kind in ("doula", "midwife"):
        assert by_main_type[kind], kind
        for row in by_main_type[kind]:
            assert row["fee_unit"] in (FeeUnit.PACKAGE, FeeUnit.FREE), row
            if row["fee_unit"] == FeeUnit.PACKAGE:
                assert row["fee_includes"] and row["fee_min"] >= 500
    per_session = [row for row in rows if row["fee_unit"] in FeeUnit.per_session()]
    assert per_session and max(row["fee_max"] for row in per_session) < 700  # no "$180–$4,390 per session"
    units = {row["fee_unit"] for row in rows}
    assert units == {FeeUnit.SESSION, FeeUnit.PACKAGE, FeeUnit.SLIDING, FeeUnit.FREE}
    for row in rows:
        if row["fee_unit"] == FeeUnit.FREE:
            assert row["fee_min"] is None and row["fee_max"] is None


def test_every_demo_listing_offers_the_ways_to_pay_its_plans_and_fee_stand_for(db):
    # Bulk seeding writes rows without Provider.save, so the builder must state them itself.
    from django.utils import timezone

    rows = [listing.provider for listing in Builder(seed=7, now=timezone.now()).listings(302, 0, 0)]
    for row in rows:
        implied = Provider(fee_unit=row["fee_unit"], plans=row["plans"]).implied_ways_to_pay()
        assert set(implied) <= set(row["payments"]), row
    assert any(row["fee_unit"] == FeeUnit.SLIDING for row in rows) and any(row["plans"] for row in rows)
