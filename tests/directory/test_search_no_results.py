"""No results is never a dead end: each way out says how many it finds ("Within 100 miles: 12"), one that finds
nobody is not offered, and the filter counts say what each option finds with the other filters relaxed."""

import pytest

from tests.directory.conftest import html, names
from tests.directory.statements import statements

pytestmark = pytest.mark.django_db


@pytest.fixture
def nothing_close(listing):
    listing("Worcester Wren", zips=["01608"], formats=["in-person"], concerns=["nicu"], languages=["en", "es"])  # 36 mi
    listing("Tele Tova", zips=["10001"], formats=["telehealth"], licensed_states=["MA"], languages=["es"])
    listing("Nora English", zips=["02139"], formats=["in-person"], concerns=["nicu"], languages=["en"])


def ways(response) -> dict[str, tuple[int, str]]:
    return {way.text: (way.count, way.query) for way in response.context["ways_out"]}


def test_each_way_out_carries_its_count_and_leads_to_that_many(client, nothing_close):
    response = client.get("/search/", {"near": "02139", "format": "in-person", "language": "es"})
    assert names(response) == []
    found = ways(response)
    # Only the nearest wider distance that finds someone (Worcester, 36 miles): 50, not 100.
    assert found["Within 50 miles"] == (1, "near=02139&radius=50&format=in-person&language=es")
    assert "Within 100 miles" not in found
    assert found["Include telehealth in Massachusetts"] == (
        1, "near=02139&format=in-person&format=telehealth&language=es"
    )  # fmt: skip
    assert found["Without the “Languages” filter"] == (1, "near=02139&format=in-person")
    assert found["Without the “How you'd like to meet” filter"] == (1, "near=02139&language=es")
    assert found["Clear all filters"][0] == 2
    for count, query in found.values():
        assert len(names(client.get("/search/?" + query))) == count
    page = html(response)
    assert 'Within 50 miles: <span class="way-count">1</span>' in page


def test_a_way_out_that_finds_nobody_is_not_offered(client, listing):
    listing("Austin Ada", zips=["78701"], formats=["in-person"], licensed_states=["TX"])
    response = client.get("/search/", {"near": "02139", "q": "xylophone", "concern": "nicu"})
    assert names(response) == []
    assert all(count > 0 for count, _ in ways(response).values())
    assert not any(text.startswith("Within") for text in ways(response))  # nobody within 100 miles either
    assert "Each of these finds someone" not in html(response)


def test_with_no_results_filter_counts_say_what_each_option_finds_with_the_others_relaxed(client, nothing_close):
    response = client.get("/search/", {"near": "02139", "format": "in-person", "language": "es", "concern": "nicu"})
    assert names(response) == []
    facets = {facet.param: {o.slug: o for o in facet.options} for facet in response.context["facets"]}
    # Near Cambridge (or by telehealth in MA): Nora speaks English, Tele Tova Spanish, Nora is in person.
    assert facets["language"]["en"].count == 1 and facets["language"]["es"].count == 1
    assert facets["format"]["in-person"].count == 1 and facets["format"]["telehealth"].count == 1
    assert facets["concern"]["nicu"].count == 1
    assert not facets["language"]["es"].disabled
    assert "what each option finds on its own" in html(response)


def test_a_no_results_page_stays_within_the_statement_budget(client, nothing_close):
    query = {"near": "02139", "format": "in-person", "language": "es", "q": "birth"}
    assert statements(lambda: client.get("/search/", query)) <= 8
