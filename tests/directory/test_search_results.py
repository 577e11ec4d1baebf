"""The results: cards, stale listings last, only published listings, pagination and the query bound."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from providers.credentials import CredentialCheck
from providers.models import Provider
from providers.taxonomy import vocabulary
from tests.directory.conftest import html, names, rendered_names
from tests.providers.factories import ModeratorFactory, PendingProviderFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def test_a_card_shows_what_a_family_checks_first(client, listing):
    listing(
        "Dana Whitfield",
        credentials="LICSW, PMH-C",
        headline="Steady support after a hard birth",
        types=["therapist", "doula"],
        concerns=["birth-trauma", "perinatal-anxiety", "nicu", "infertility"],
        payments=["medicaid", "sliding-scale"],
        fee_min=90,
        fee_max=150,
        zips=["02115"],
    )
    page = html(client.get("/search/", {"near": "02139"}))
    for text in [
        "Dana Whitfield",
        "LICSW, PMH-C",
        "Therapist · Doula",
        "Steady support after a hard birth",
        "1.6 mi away",
        "Boston, MA",
        "Taking new clients",
        "confirmed yesterday",
        "Medicaid · Sliding scale · $90–$150 per session",
        'class="result-photo result-avatar" aria-hidden="true">DW<',
    ]:
        assert text in page, text
    assert page.count('<ul class="tag-list" aria-label="Concerns"><li>') == 1
    assert "NICU experience" not in page.split('class="result-list"')[1].split("</ol>")[0]  # top three only


def test_chosen_concerns_come_first_on_the_card(client, listing):
    listing("Dana", concerns=["postpartum-depression", "perinatal-anxiety", "birth-trauma", "infertility"])
    response = client.get("/search/", {"concern": "infertility"})
    assert response.context["cards"][0].concerns[0] == "Infertility"


def test_a_card_never_shows_the_private_contact_email(client, listing):
    listing("Dana", contact_email="dana-private@example.net")
    page = html(client.get("/search/"))
    assert "dana-private@example.net" not in page and "@example.net" not in page


def test_stale_listings_sort_last_whatever_the_sort_and_are_marked(client, listing):
    listing("Aaron Stale", zips=["02139"], confirmed_days_ago=200)
    listing("Never Confirmed", zips=["02139"], confirmed_days_ago=None)
    listing("Zoe Fresh", zips=["02458"], confirmed_days_ago=3)
    for sort in ["relevance", "distance", "name", "recently-confirmed"]:
        found = names(client.get("/search/", {"near": "02139", "sort": sort}))
        assert found[0] == "Zoe Fresh", sort
    for sort in ["relevance", "name", "recently-confirmed"]:  # nationwide: the whole directory's own query
        found = names(client.get("/search/", {"sort": sort}))
        assert found[0] == "Zoe Fresh" and set(found[1:]) == {"Aaron Stale", "Never Confirmed"}, sort
    page = html(client.get("/search/", {"sort": "name"}))
    assert "Availability not confirmed for 200 days" in page and "Availability never confirmed" in page
    assert "last said: taking new clients" in page


def test_sort_by_name_and_by_recently_confirmed(client, listing):
    listing("Cleo", confirmed_days_ago=30)
    listing("Ava", confirmed_days_ago=60)
    listing("Bo", confirmed_days_ago=1)
    assert names(client.get("/search/", {"sort": "name"})) == ["Ava", "Bo", "Cleo"]
    assert names(client.get("/search/", {"sort": "recently-confirmed"})) == ["Bo", "Cleo", "Ava"]


def test_by_default_those_taking_new_clients_come_first(client, listing):
    listing("Full Fia", accepting_new_clients=False, confirmed_days_ago=1)
    listing("Open Ola", accepting_new_clients=True, confirmed_days_ago=50)
    assert names(client.get("/search/")) == ["Open Ola", "Full Fia"]


@pytest.mark.parametrize("factory", [ProviderFactory, PendingProviderFactory])
def test_unpublished_listings_are_never_shown(client, listing, factory):
    listing("Draft Dana", factory=factory, concerns=["birth-trauma"])
    listing("Live Lee", concerns=["birth-trauma"])
    for query in [{}, {"q": "Dana"}, {"near": "02139"}, {"concern": "birth-trauma"}]:
        assert names(client.get("/search/", query)) in (["Live Lee"], []), query
    response = client.get("/search/", {"q": "Draft Dana"})
    assert names(response) == [] and rendered_names(response) == []


def test_a_listing_taken_down_leaves_the_results_at_once(client, listing):
    provider = listing("Soon Suspended")
    assert names(client.get("/search/")) == ["Soon Suspended"]
    Provider.objects.filter(pk=provider.pk).update(status=Provider.Status.SUSPENDED)
    assert names(client.get("/search/")) == []


def test_results_come_twenty_a_page_with_accessible_pagination(client, listing):
    for n in range(45):
        listing(f"Provider {n:02d}")
    first = client.get("/search/", {"sort": "name"})
    assert rendered_names(first) == [f"Provider {n:02d}" for n in range(20)]
    page = html(first)
    assert "45 providers nationwide" in page
    assert '<nav class="search-pagination" aria-label="Pages of results">' in page
    current = '<a href="/search/?sort=name" aria-current="page"><span class="visually-hidden">Page </span>1</a>'
    assert current in page
    assert 'href="/search/?sort=name&amp;page=2" rel="next"' in page
    third = client.get("/search/", {"sort": "name", "page": "3"})
    assert rendered_names(third) == [f"Provider {n:02d}" for n in range(40, 45)]
    assert 'rel="prev"' in html(third) and 'rel="next"' not in html(third)
    assert '<ol class="result-list" start="41">' in html(third)


def test_cards_link_to_the_profile_with_the_search_to_come_back_to(client, listing):
    listing("Dana Whitfield")
    response = client.get("/search/", {"near": "02139", "concern": "birth-trauma", "sort": "name"})
    assert names(response) == []
    listing("Bo Birth", concerns=["birth-trauma"])
    response = client.get("/search/", {"near": "02139", "concern": "birth-trauma", "sort": "name"})
    url = urlsplit(response.context["cards"][0].url)
    assert url.path == "/providers/bo-birth/"
    assert parse_qs(url.query)["back"] == ["near=02139&concern=birth-trauma&sort=name"]
    assert 'href="/providers/bo-birth/?back=near%3D02139%26concern%3Dbirth-trauma%26sort%3Dname"' in html(response)


def test_the_header_link_points_at_search_and_is_current_there(client):
    page = html(client.get("/search/"))
    assert '<a href="/search/" aria-current="page">Find a provider</a>' in page
    assert '<a href="/search/">Find a provider</a>' in html(client.get("/about/"))


def test_the_home_page_form_searches(client):
    assert 'action="/search/" method="get"' in html(client.get("/"))


def test_a_results_page_has_no_inline_script_style_or_handlers(client, listing):
    listing("Dana Whitfield")
    page = html(client.get("/search/", {"near": "02139", "q": "dana"}))
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+=", page)


def test_many_filters_take_at_most_eight_queries(client, listing, django_assert_max_num_queries):
    for n in range(25):
        listing(
            f"Provider {n}",
            zips=["02139", "02115"],
            concerns=["birth-trauma", "nicu"],
            languages=["en", "es"],
            payments=["medicaid"],
            practices=["consent-before-touch"],
            modalities=["emdr"],
            types=["therapist"],
            formats=["in-person", "telehealth"],
            free_consultation=True,
        )
    vocabulary()  # cached per process in production (five minutes): not part of a page's cost
    query = {
        "q": "provider",
        "near": "02139",
        "radius": "50",
        "format": ["in-person", "telehealth"],
        "type": "therapist",
        "concern": ["birth-trauma", "nicu"],
        "modality": "emdr",
        "language": ["es", "en"],
        "payment": "medicaid",
        "practice": "consent-before-touch",
        "accepting": "1",
        "free_consult": "1",
        "max_fee": "200",
        "sort": "distance",
        "page": "2",
    }
    with django_assert_max_num_queries(8):
        response = client.get("/search/", query)
    assert response.context["outcome"].total == 25
    assert len(names(response)) == 5


def test_a_page_of_cards_is_read_in_one_statement_offices_plans_and_checks_included(
    client, listing, django_assert_max_num_queries
):
    for n in range(20):
        provider = listing(f"Provider {n}", zips=["02139", "02115"], plans=["aetna"], perinatal_credentials=["pmh-c"])
        CredentialCheck.objects.create(
            provider=provider, credential_id=provider.perinatal_credentials[0], verified_at=timezone.now(),
            verified_by=ModeratorFactory(),
        )  # fmt: skip
    vocabulary()
    client.get("/search/", {"near": "02139"})  # a first request sets up the connection's search settings
    with django_assert_max_num_queries(8) as captured:
        response = client.get("/search/", {"near": "02139"})
    reading_cards = [q["sql"] for q in captured.captured_queries if '"providers_provider"."slug"' in q["sql"]]
    assert len(reading_cards) == 1
    page = html(response)
    places = re.findall(r'<p class="result-where"><strong>[^<]*</strong> · ([^<]*) ·', page)
    assert places == ["Cambridge, MA"] * 20  # the nearest of each listing's two offices
    assert page.count("(confirmed today)") == 20
    assert page.count('class="credential-verified"') == 20


def test_the_query_count_header_is_sent_only_when_asked_for(client, listing, settings):
    listing("Dana")
    assert "X-Search-Queries" not in client.get("/search/")
    settings.SEARCH_DEBUG_QUERY_COUNT = True  # the benchmark's switch
    vocabulary()
    assert 1 <= int(client.get("/search/", {"near": "02139"})["X-Search-Queries"]) <= 8
