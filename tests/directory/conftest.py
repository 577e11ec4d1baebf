"""Helpers for the search tests: listings in known places with chosen vocabulary, and reading a results page."""

import re

import pytest

from tests.clock import days_ago
from tests.providers.factories import OfficeFactory, PublishedProviderFactory, terms

ARRAY_FIELDS = ("types", "concerns", "modalities", "languages", "payments", "practices", "formats", "plans")
ARRAY_FIELDS += ("stages", "perinatal_credentials", "populations", "identities")  # the right fit (issue 14)


def make_listing(name, *, zips=("02139",), confirmed_days_ago=1, factory=PublishedProviderFactory, **fields):
    """A listing with offices at `zips` (none if empty) whose array fields are given as slugs:
    make_listing("Dana Whitfield", concerns=["birth-trauma"], formats=["telehealth"], licensed_states=["MA"])."""
    for name_of_field in ARRAY_FIELDS:
        if name_of_field in fields and all(isinstance(value, str) for value in fields[name_of_field]):  # slugs
            fields[name_of_field] = terms(name_of_field, *fields[name_of_field])
    confirmed = None if confirmed_days_ago is None else days_ago(confirmed_days_ago)
    provider = factory(display_name=name, office=False, availability_confirmed_at=confirmed, **fields)
    for zip_code in zips:
        OfficeFactory(provider=provider, zip_code=zip_code)
    return provider


@pytest.fixture
def listing():
    return make_listing


def names(response):
    """The result names on a search page, in order."""
    return [card.provider.display_name for card in response.context["cards"]]


def html(response):
    return response.content.decode()


CARD_RE = re.compile(r'<h3 class="result-name" id="result-\d+"><a href="[^"]*">([^<]*)</a>')


def rendered_names(response):
    return CARD_RE.findall(html(response))
