"""Freshness tells one story: reminded at 60 days, green only within 90, amber with the age after, sinking at 120;
the same words on result cards, profiles and the provider's own page."""

import re
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from directory.search.engine import STALE_AFTER as search_boundary
from providers import freshness
from providers.freshness import Availability
from providers.models import STALE_AFTER as model_boundary
from providers.reminders import send_availability_reminders
from tests.clock import days_ago
from tests.directory.conftest import make_listing, names
from tests.providers.factories import OwnedPublishedProviderFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def ago(days):
    return None if days is None else days_ago(days, NOW)


def words(html: str) -> str:
    """A page's text without tags, spaces collapsed: what a family reads."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_one_set_of_thresholds_in_order():
    assert (freshness.REMIND_AFTER.days, freshness.CONFIRMED_WITHIN.days, freshness.STALE_AFTER.days) == (60, 90, 120)
    # Providers are reminded before families see a warning, and warned listings show their age before they sink.
    assert freshness.REMIND_AFTER < freshness.CONFIRMED_WITHIN < freshness.STALE_AFTER
    # The search's ordering and the admin's filter read the same boundary.
    assert search_boundary is freshness.STALE_AFTER and model_boundary is freshness.STALE_AFTER


@pytest.mark.parametrize(
    ("accepting", "days", "tone", "label", "detail"),
    [
        (True, 0, "open", "Taking new clients", "confirmed today"),
        (True, 1, "open", "Taking new clients", "confirmed yesterday"),
        (True, 89, "open", "Taking new clients", "confirmed 89 days ago"),
        (False, 30, "closed", "Not taking new clients right now", "confirmed 30 days ago"),
        # The listing: unconfirmed for 114 days no longer says a green "Taking new clients".
        (True, 114, "unconfirmed", "Availability not confirmed for 114 days", "last said: taking new clients"),
        (False, 95, "unconfirmed", "Availability not confirmed for 95 days", "last said: not taking new clients"),
        (True, 300, "unconfirmed", "Availability not confirmed for 300 days", "last said: taking new clients"),
        (True, None, "unconfirmed", "Availability never confirmed", ""),
    ],
)
def test_what_families_read_by_age(accepting, days, tone, label, detail):
    availability = Availability(accepting, ago(days), NOW)
    assert (availability.tone, availability.label, availability.detail) == (tone, label, detail)


def test_green_ends_at_90_days_and_sinking_starts_at_120():
    just_green = Availability(True, NOW - freshness.CONFIRMED_WITHIN, NOW)
    just_amber = Availability(True, NOW - freshness.CONFIRMED_WITHIN - timedelta(minutes=1), NOW)
    assert just_green.is_current and not just_amber.is_current
    assert not just_amber.sinks
    assert not Availability(True, NOW - freshness.STALE_AFTER, NOW).sinks
    assert Availability(True, NOW - freshness.STALE_AFTER - timedelta(minutes=1), NOW).sinks
    assert Availability(True, None, NOW).sinks


@pytest.mark.parametrize(
    ("accepting", "days", "expected", "absent"),
    [
        (True, 10, "Taking new clients · confirmed 10 days ago", "Availability not confirmed"),
        (False, 10, "Not taking new clients right now · confirmed 10 days ago", "Taking new clients ·"),
        (True, 114, "Availability not confirmed for 114 days · last said: taking new clients", "Taking new clients ·"),
    ],
)
def test_cards_and_profiles_say_the_same_words(client, accepting, days, expected, absent):
    provider = make_listing("Dana Whitfield", accepting_new_clients=accepting, confirmed_days_ago=days)
    card = words(client.get("/search/", {"near": "02139"}).content.decode())
    profile = words(client.get(provider.get_absolute_url()).content.decode())
    for page in (card, profile):
        assert expected in page
        assert absent not in page
        assert "Accepting new clients" not in page  # the old second phrasing is gone


def test_only_an_unconfirmed_profile_advises_a_message(client):
    fresh = make_listing("Fresh Listing", confirmed_days_ago=89)
    unconfirmed = make_listing("Unconfirmed Listing", confirmed_days_ago=91)
    advice = "It may have changed since; a message is the surest way to check."
    assert advice not in client.get(fresh.get_absolute_url()).content.decode()
    assert advice in client.get(unconfirmed.get_absolute_url()).content.decode()
    card_html = client.get("/search/").content.decode()
    assert card_html.count('class="status-warn">Availability not confirmed for 91 days<') == 1
    assert advice not in card_html  # the card stays short


def test_amber_listings_keep_their_place_and_only_stale_ones_sink(client):
    make_listing("Ada Amber", confirmed_days_ago=100)
    make_listing("Bo Stale", confirmed_days_ago=130)
    make_listing("Cy Fresh", confirmed_days_ago=5)
    for params in ({"sort": "name"}, {"sort": "name", "near": "02139"}):
        assert names(client.get("/search/", params)) == ["Ada Amber", "Cy Fresh", "Bo Stale"], params


def test_the_provider_sees_what_families_see(client):
    listing = OwnedPublishedProviderFactory(accepting_new_clients=True, availability_confirmed_at=ago(100))
    client.force_login(listing.owner)
    page = words(client.get("/listing/").content.decode())
    assert "Families see: Availability not confirmed for 100 days · last said: taking new clients" in page
    client.post("/listing/availability/", {"accepting": "yes"})
    assert "Families see: Taking new clients · confirmed today" in words(client.get("/listing/").content.decode())


def test_the_reminder_comes_before_the_warning_and_says_what_follows(mailoutbox):
    OwnedPublishedProviderFactory(availability_confirmed_at=ago(61))
    OwnedPublishedProviderFactory(availability_confirmed_at=ago(59))
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_availability_reminders() == (1, 0)
    body = mailoutbox[0].body
    assert "more than 60 days since anyone confirmed" in body
    assert "Once 90 days have passed without a confirmation, families see how long it has been" in body
    assert "after 120 days your listing appears after those confirmed more recently" in body
