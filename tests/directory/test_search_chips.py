"""The filters that are on, above the results: one chip per chosen value, each a plain link to the same search
without that value, and "Clear all". Each filter group names its own values, so a new group has chips for free."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from providers import taxonomy
from providers.taxonomy import Population, TermField
from tests.directory.conftest import html
from tests.providers.factories import terms

pytestmark = pytest.mark.django_db

SEARCH = {
    "q": "steady",
    "near": "02139",
    "radius": "50",
    "concern": ["birth-trauma", "nicu"],
    "language": "es",
    "accepting": "1",
    "sort": "name",
}


def query_of(url):
    return {key: sorted(values) for key, values in parse_qs(urlsplit(url).query).items()}


def without(query, param, value):
    rest = {key: sorted(values if isinstance(values, list) else [values]) for key, values in query.items()}
    rest[param] = [v for v in rest[param] if v != value]
    return {key: values for key, values in rest.items() if values}


@pytest.fixture
def cambridge(listing):
    listing("Ann", concerns=["birth-trauma", "nicu"], languages=["es"])


@pytest.mark.usefixtures("cambridge")
def test_each_chosen_value_is_a_chip_that_removes_only_itself(client):
    response = client.get("/search/", SEARCH)
    chips = response.context["chips"]
    assert [chip.label for chip in chips] == ["Taking new clients", "Birth trauma", "NICU experience", "Spanish"]
    removed = [("accepting", "1"), ("concern", "birth-trauma"), ("concern", "nicu"), ("language", "es")]
    for chip, (param, value) in zip(chips, removed, strict=True):
        assert query_of(chip.url) == without(SEARCH, param, value), chip.label
    page = html(response)
    assert f'<a class="chip" href="{chips[1].url.replace("&", "&amp;")}">' in page  # a plain link: no JavaScript


@pytest.mark.usefixtures("cambridge")
def test_clear_all_keeps_the_words_the_place_the_distance_and_the_order(client):
    response = client.get("/search/", SEARCH)
    cleared = query_of(response.context["clear_filters_url"])
    assert cleared == {"q": ["steady"], "near": ["02139"], "radius": ["50"], "sort": ["name"]}
    assert "Clear all" in html(response)


@pytest.mark.usefixtures("cambridge")
def test_one_filter_is_one_chip_and_no_clear_all(client):
    response = client.get("/search/", {"near": "02139", "language": "es"})
    assert [chip.label for chip in response.context["chips"]] == ["Spanish"]
    assert "Clear all" not in html(response)


@pytest.mark.usefixtures("cambridge")
def test_without_filters_there_are_no_chips_and_the_toggle_has_no_count(client):
    response = client.get("/search/", {"near": "02139", "concern": "no-such-concern"})
    assert response.context["chips"] == []
    page = html(response)
    assert 'class="chip-list"' not in page
    assert "<summary>Filters</summary>" in page


@pytest.mark.usefixtures("cambridge")
def test_the_filters_are_served_folded_and_say_how_many_are_on(client):
    page = html(client.get("/search/", SEARCH))
    # Folded even with filters on, so a phone shows the results first (search.js opens them on wide screens).
    assert '<details class="filters" id="search-filter-panel">' in page
    assert '<span class="filters-chosen">(4<span class="visually-hidden"> on</span>)</span>' in page
    assert 'id="filters-apply" type="submit">Show 1 result</button>' in page


@pytest.mark.usefixtures("cambridge")
def test_the_page_title_carries_the_count_and_the_place(client):
    page = html(client.get("/search/", {"near": "02139", "language": "es"}))
    assert "<title>1 provider within 25 miles of Cambridge, MA 02139" in page


def test_a_newly_declared_vocabulary_has_chips_with_nothing_else_written(client, listing, monkeypatch):
    declared = TermField("populations", Population, "Who do you work with?", param="who", legend="Who they see")
    others = tuple(f for f in taxonomy.TERM_FIELDS if f.field != "populations")
    monkeypatch.setattr(taxonomy, "TERM_FIELDS", (*others, declared))
    listing("Ann", populations=terms("populations", "lgbtq"))

    response = client.get("/search/", {"who": ["lgbtq"], "language": "es"})
    chips = {chip.label: query_of(chip.url) for chip in response.context["chips"]}
    assert chips == {"Spanish": {"who": ["lgbtq"]}, Population.objects.get(slug="lgbtq").name: {"language": ["es"]}}


@pytest.mark.parametrize(
    ("query", "label"),
    [("max_fee=100", "Per session up to $100"), ("fee_unit=package&max_fee=2000", "Per package up to $2,000")],
)
def test_the_fee_chip_names_what_the_amount_is_for(client, query, label):
    response = client.get(f"/search/?{query}")
    assert [chip.label for chip in response.context["chips"]] == [label]


def test_the_chips_heading_keeps_the_pages_outline_with_no_level_skipped(client, cambridge):
    # Screen-reader users move by headings: after the page's h1, the chips' hidden heading is an h2, not an h3.
    page = html(client.get("/search/", SEARCH))
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", page)]
    assert 'id="chips-heading"' in page and levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False)), levels
