"""Demo listings name only the towns they show: a headline or bio names the first office's own town, a listing
without an office names none, and office names read well under the profile's "Office"/"Offices" heading."""

import re

import pytest
from django.utils import timezone

from providers.demo.builder import Builder
from providers.management.commands.seed_demo import DEFAULT_SEED
from providers.models import Provider
from providers.states import STATE_NAMES
from providers.taxonomy import vocabulary

pytestmark = pytest.mark.django_db

LISTINGS = 300  # what scripts/run seeds
# Capitalised words after "in", "for" or "around": where the writing names a town ("in Miami Beach", "for Tulsa
# families"), besides languages ("Sessions are in Spanish") and states ("by video in New Mexico").
NAMED_PLACE = re.compile(r"\b(?:in|for|around) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)")


@pytest.fixture(scope="module")
def demo_listings(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        builder = Builder(DEFAULT_SEED, timezone.now())
        return [builder.listing(n, Provider.Status.PUBLISHED) for n in range(1, LISTINGS + 1)]


def places_named(text: str) -> set[str]:
    languages = {term.name for term in vocabulary().by_slug["languages"].values()}
    states = STATE_NAMES.values()  # "District" of "District of Columbia" too: the pattern stops at "of"
    return {n for n in NAMED_PLACE.findall(text) if n not in languages and not any(s.startswith(n) for s in states)}


def test_headlines_and_bios_name_only_the_first_offices_town(demo_listings):
    named_somewhere = 0
    for listing in demo_listings:
        text = f"{listing.provider['headline']}\n{listing.provider['bio']}"
        towns = places_named(text)
        if not listing.offices:
            assert not towns, (listing.number, text)
            continue
        home = listing.offices[0]["city"]
        # "St" of "St. Louis" is the town too: the pattern stops at a full stop.
        assert all(town.startswith(home) or home.startswith(town) for town in towns), (listing.number, towns, home)
        named_somewhere += bool(towns)
    assert named_somewhere > LISTINGS / 3  # the check has something to check


def test_a_headline_naming_a_town_names_the_office_families_see(demo_listings):
    with_town = [listing for listing in demo_listings if places_named(listing.provider["headline"])]
    assert with_town  # doulas' "Doula care for Tulsa families" and the like
    for listing in with_town:
        assert listing.offices, listing.number
        assert listing.offices[0]["city"] in listing.provider["headline"], listing.number


def test_office_names_read_well_under_the_heading(demo_listings):
    for listing in demo_listings:
        names = [office["name"] for office in listing.offices]
        assert "Office" not in names, listing.number  # never "Office" under "Office"
        if len(names) == 1:
            assert names[0] != "Main office", listing.number  # "main" only beside others
