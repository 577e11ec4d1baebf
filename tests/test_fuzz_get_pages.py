"""Property: no query string, however strange, makes a public GET page fail with a 5xx."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.providers.factories import PublishedProviderFactory

pytestmark = pytest.mark.django_db

SEARCH_KEYS = [
    "q",
    "near",
    "radius",
    "format",
    "type",
    "concern",
    "modality",
    "language",
    "payment",
    "practice",
    "accepting",
    "free_consult",
    "max_fee",
    "sort",
    "page",
    "back",
    "topic",
    "next",
]
NASTY = st.sampled_from(
    [
        "",
        "-5",
        "0",
        "99999",
        "abc",
        "1e9",
        "NaN",
        "02139",
        "Austin, TX",
        "'; DROP TABLE providers_provider; --",
        "<script>alert(1)</script>",
        "\x00",
        "%00",
        "../../etc/passwd",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "a" * 5000,
        "1 OR 1=1",
        "{{ 7*7 }}",
    ]
)
VALUES = st.one_of(NASTY, st.text(max_size=60), st.integers(min_value=-(10**12), max_value=10**12).map(str))
QUERY = st.lists(st.tuples(st.one_of(st.sampled_from(SEARCH_KEYS), st.text(max_size=12)), VALUES), max_size=8)
PAGES = [
    "/",
    "/search/",
    "/blog/",
    "/blog/feed/",
    "/about/",
    "/sitemap.xml",
    "/providers/{slug}/",
    "/providers/{slug}/contact/sent/",
    "/accounts/login/",
    "/blog/propose/",
]


@pytest.fixture
def provider_slug():
    return PublishedProviderFactory(display_name="Fuzz Target").slug


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY)
def test_public_pages_never_answer_5xx_whatever_the_query_string(client, provider_slug, page, query):
    path = page.format(slug=provider_slug)
    response = client.get(path + "?" + urlencode(query))
    assert response.status_code < 500, (path, query)
