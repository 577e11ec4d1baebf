"""Every GET parameter, and what happens to bad ones: never a 500, never echoed unescaped."""

import pytest
from django.http import QueryDict

from directory.search.filters import MAX_Q, criteria_from_query
from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db


def parse(query):
    return criteria_from_query(QueryDict(query))


def test_every_parameter_is_read():
    criteria = parse(
        "q=birth+trauma&near=02139&radius=10&format=telehealth&type=doula&concern=nicu&concern=infertility"
        "&modality=emdr&language=es&payment=medicaid&practice=virtual-first-visit&accepting=1&free_consult=1"
        "&max_fee=150&sort=distance&page=3"
    )
    assert criteria.q == "birth trauma"
    assert criteria.place.label == "Cambridge, MA 02139"
    assert criteria.radius == 10
    assert criteria.selected == {
        "format": ("telehealth",),
        "type": ("doula",),
        "concern": ("nicu", "infertility"),
        "modality": ("emdr",),
        "language": ("es",),
        "payment": ("medicaid",),
        "practice": ("virtual-first-visit",),
    }
    assert (criteria.accepting, criteria.free_consult, criteria.max_fee) == (True, True, 150)
    assert (criteria.sort, criteria.page) == ("distance", 3)


def test_the_query_string_round_trips_in_a_fixed_order():
    query = "q=doula&near=Austin%2C+TX&radius=50&concern=nicu&concern=infertility&accepting=1&sort=name&page=2"
    assert parse(query).query_string() == query
    assert parse("page=1&radius=25&sort=relevance").query_string() == ""  # defaults are left out


@pytest.mark.parametrize(
    ("query", "attribute", "expected"),
    [
        ("radius=-5", "radius", 25),
        ("radius=abc", "radius", 25),
        ("radius=7", "radius", 5),
        ("radius=30", "radius", 25),
        ("radius=9999", "radius", 100),
        ("page=abc", "page", 1),
        ("page=-3", "page", 1),
        ("page=0", "page", 1),
        ("max_fee=-1", "max_fee", None),
        ("max_fee=lots", "max_fee", None),
        ("max_fee=999999", "max_fee", None),
        ("sort=price", "sort", "relevance"),
        ("accepting=maybe", "accepting", False),
        ("concern=not-a-concern&concern=nicu&concern=nicu", "selected", {"concern": ("nicu",)}),
        ("language=<script>", "selected", {}),
    ],
)
def test_bad_values_fall_back_to_sensible_ones(query, attribute, expected):
    assert getattr(parse(query), attribute) == expected


def test_a_very_long_search_is_shortened_and_the_page_says_so(client):
    response = client.get("/search/", {"q": "birth " * 1000})
    assert response.status_code == 200
    assert len(response.context["criteria"].q) <= MAX_Q
    assert f"we used its first {MAX_Q} characters" in html(response)


def test_control_characters_are_removed_before_reaching_the_database():
    assert parse("q=birth%00trauma%0A&near=02139%00").q == "birth trauma"


@pytest.mark.parametrize(
    "query",
    [
        {"radius": "-5", "near": "02139"},
        {"radius": "abc", "near": "02139"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "9" * 5000},
        {"max_fee": "-1"},
        {"q": "x" * 5000},
        {"q": "'; DROP TABLE providers_provider; --"},
        {"q": "<script>alert(1)</script>"},
        {"q": '"unclosed quote'},
        {"q": "!!! & | ( ) :* <->"},
        {"q": "-"},
        {"q": "the and of"},
        {"near": "<img src=x onerror=alert(1)>"},
        {"near": "'; SELECT pg_sleep(10); --"},
        {"near": "x" * 5000},
        {"concern": ["<b>bold</b>", "nicu"]},
        {"sort": "<script>"},
        {"format": "telehealth"},
        {"format": "telehealth", "near": "nowhere at all"},
        {"q": "\x00"},
    ],
)
def test_bad_parameters_never_give_a_server_error_or_echo_unescaped(client, listing, query):
    listing("Dana Whitfield")
    response = client.get("/search/", query)
    assert response.status_code == 200
    page = html(response)
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "<b>bold</b>" not in page


def test_html_in_the_search_is_shown_escaped(client):
    page = html(client.get("/search/", {"q": "<script>alert(1)</script>"}))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_page_past_the_end_shows_the_last_page_and_says_so(client, listing):
    for n in range(25):
        listing(f"Provider {n:02d}")
    response = client.get("/search/", {"page": "99999", "sort": "name"})
    assert response.context["criteria"].page == 2
    assert len(names(response)) == 5
    assert "There are only 2 pages of results, so here is the last one." in html(response)


def test_sorting_by_distance_without_a_place_explains_itself(client, listing):
    listing("Dana")
    page = html(client.get("/search/", {"sort": "distance"}))
    assert "Sorting by distance needs a ZIP code or city" in page
