"""The saved page (/saved/?p=slug,slug): a family's shortlist side by side, drawn by the server from the providers
named in its address, so a shared link works anywhere, with or without JavaScript. The list itself lives only in
the browser (static/js/shortlist.js, tested in tests/e2e/test_shortlist.py)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import QueryDict

from directory.comparison import MAX_SAVED, SavedQuery, saved_path
from providers.models import Provider
from tests.clock import days_ago
from tests.directory.conftest import html, make_listing
from tests.providers.factories import ProviderFactory

pytestmark = pytest.mark.django_db


def saved(client, query=""):
    return client.get("/saved/" + (f"?{query}" if query else ""))


def column_names(response):
    return [entry.provider.display_name for entry in response.context["entries"]]


@pytest.fixture
def three():
    return [
        make_listing(
            "Dana Whitfield",
            zips=["02139"],
            types=["therapist"],
            payments=["self-pay"],
            plans=["aetna", "cigna"],
            languages=["en", "es"],
            formats=["in-person", "telehealth"],
            licensed_states=["MA", "NY"],
            fee_min=120,
            fee_max=180,
        ),
        make_listing(
            "Rosa Lind",
            zips=["78701"],
            types=["doula"],
            payments=["sliding-scale"],
            formats=["in-person"],
            licensed_states=[],
            fee_min=None,
            fee_max=None,
            free_consultation=True,
            accepting_new_clients=False,
        ),
        make_listing("Mei Tanaka", zips=[], formats=["telehealth"], licensed_states=["CA"], confirmed_days_ago=200),
    ]


def test_the_providers_named_in_the_address_are_compared_in_the_order_they_were_saved(client, three):
    response = saved(client, "p=mei-tanaka,dana-whitfield,rosa-lind")
    assert response.status_code == 200
    assert column_names(response) == ["Mei Tanaka", "Dana Whitfield", "Rosa Lind"]
    page = html(response)
    assert "Comparing 3 providers" in page
    assert '<a href="/providers/dana-whitfield/">Dana Whitfield</a>' in page


def test_each_column_states_the_facts_a_family_weighs(client, three):
    page = html(saved(client, "p=dana-whitfield,rosa-lind,mei-tanaka"))
    for fact in [
        "Therapist",  # type
        "Cambridge, MA",  # office
        "Telehealth in MA, NY",  # telehealth states
        "Taking new clients",
        "Not taking new clients right now",
        "Availability not confirmed for 200 days",  # Mei's, in the words cards and profiles use
        "$120–$180 per session",  # today's fees (units arrive with issue 14 point 4)
        "Free consultation",
        "Sliding scale",  # a way to pay
        'Aetna <span class="compare-detail muted">confirmed today</span>',  # a plan, with its own date
        "Telehealth (video)",  # formats
        "Spanish",  # languages
        "No office listed",  # Mei works by telehealth only
    ]:
        assert fact in page, fact


def test_fees_are_compared_in_their_units(client, three):
    make_listing(
        "Joy Adeyemi",
        types=["doula"],
        fee_unit="package",
        fee_min=1800,
        fee_max=2400,
        fee_includes="Two prenatal visits, the birth, one visit after",
    )
    page = html(saved(client, "p=dana-whitfield,joy-adeyemi"))
    assert "$120–$180 per session" in page
    assert "$1,800–$2,400 per package" in page
    assert "Includes: Two prenatal visits, the birth, one visit after" in page


def test_a_plan_not_confirmed_lately_is_flagged_with_its_age(client, three):
    dana = three[0]
    dana.plan_confirmations.filter(plan__slug="cigna").update(confirmed_at=days_ago(150))
    page = html(saved(client, "p=dana-whitfield"))
    assert '<span class="status-warn">confirmed 150 days ago</span>' in page
    assert 'Aetna <span class="compare-detail muted">confirmed today</span>' in page


def test_a_place_adds_distances_and_says_whether_telehealth_reaches_it(client, three):
    response = saved(client, "p=dana-whitfield,mei-tanaka,rosa-lind&near=02139")
    page = html(response)
    assert response.context["place"].state == "MA"
    assert re.search(r"\b\d{1,2}\.\d mi from Cambridge, MA 02139", page)  # Dana, near: to a tenth of a mile
    assert re.search(r"\b1,\d{3} mi from Cambridge, MA 02139", page)  # Rosa, in Austin: whole miles
    assert "Telehealth in Massachusetts" in page  # Dana is licensed in MA
    assert "Telehealth in CA; not in Massachusetts" in page  # Mei is not


def test_the_share_link_names_only_the_providers_never_the_place(client, three, settings):
    settings.SITE_URL = "https://directory.example"
    response = saved(client, "p=dana-whitfield,rosa-lind&near=02139")
    assert response.context["share_url"] == "https://directory.example/saved/?p=dana-whitfield,rosa-lind"
    assert 'value="https://directory.example/saved/?p=dana-whitfield,rosa-lind"' in html(response)


def test_unknown_and_unpublished_providers_are_skipped_with_a_gentle_note(client, three):
    ProviderFactory(display_name="Draft Person", slug="draft-person")
    response = saved(client, "p=dana-whitfield,draft-person,no-such-person")
    assert column_names(response) == ["Dana Whitfield"]
    assert response.context["missing_slugs"] == ["draft-person", "no-such-person"]
    page = html(response)
    assert "2 providers in this list are no longer in the directory, so they aren't shown here." in page
    assert "Draft Person" not in page
    assert response.context["share_url"].endswith("/saved/?p=dana-whitfield")


def test_a_listing_taken_down_after_saving_is_left_out(client, three):
    Provider.objects.filter(slug="rosa-lind").update(status=Provider.Status.SUSPENDED)
    response = saved(client, "p=dana-whitfield,rosa-lind")
    assert column_names(response) == ["Dana Whitfield"]
    assert "One provider in this list is no longer in the directory, so it isn't shown here." in html(response)


def test_the_list_is_capped_and_says_so(client):
    for n in range(MAX_SAVED + 2):
        make_listing(f"Provider {n:02d}")
    slugs = ",".join(f"provider-{n:02d}" for n in range(MAX_SAVED + 2))
    response = saved(client, f"p={slugs}")
    assert len(response.context["entries"]) == MAX_SAVED
    assert f"A list compares up to {MAX_SAVED} providers side by side, so the last 2 were left off." in html(response)


@pytest.mark.parametrize(
    "query",
    [
        "p=",
        "p=,,,",
        "p=%3Cscript%3E,../../etc,dana whitfield",
        "p=" + "x" * 5000,
        "p=dana-whitfield&p=dana-whitfield",
        "near=" + "9" * 500,
        "p[]=1&near=%00",
    ],
)
def test_bad_addresses_never_fail(client, three, query):
    response = saved(client, query)
    assert response.status_code == 200
    assert len(response.context["entries"]) <= 1
    assert "<script>" not in html(response).split("</head>", 1)[1].replace('<script src="', "")


def test_repeats_and_junk_in_the_address_are_dropped():
    asked = SavedQuery.from_query(QueryDict("p=dana-whitfield,Dana-Whitfield,<b>,rosa-lind&p=dana-whitfield"))
    assert asked.slugs == ["dana-whitfield", "rosa-lind"]
    assert saved_path(asked.slugs) == "/saved/?p=dana-whitfield,rosa-lind"


def test_a_place_we_cannot_find_is_explained_and_kept_in_the_field(client, three):
    response = saved(client, "p=dana-whitfield&near=Nowhereville")
    page = html(response)
    assert "We couldn't find “Nowhereville”." in page
    assert 'value="Nowhereville"' in page and 'aria-invalid="true"' in page
    assert column_names(response) == ["Dana Whitfield"]


def test_remove_links_open_the_list_without_that_provider(client, three):
    entries = saved(client, "p=dana-whitfield,rosa-lind&near=02139").context["entries"]
    assert entries[0].remove_url == "/saved/?p=rosa-lind&near=02139"
    assert entries[1].remove_url == "/saved/?p=dana-whitfield&near=02139"


def test_an_empty_list_explains_how_to_save(client):
    page = html(saved(client))
    assert "Nothing saved here yet" in page
    assert "Saving needs JavaScript" in page  # hidden by shortlist.js


def test_the_page_is_not_indexed_and_sets_no_cookie(client, three):
    response = saved(client, "p=dana-whitfield")
    assert '<meta name="robots" content="noindex, nofollow">' in html(response)
    assert not response.cookies


def test_the_saved_page_needs_only_a_few_queries(client, django_assert_max_num_queries):
    for n in range(MAX_SAVED):
        make_listing(
            f"Provider {n:02d}",
            zips=["02139", "02115"],
            formats=["telehealth"],
            licensed_states=["MA"],
            plans=["aetna", "bcbs"],
        )
    slugs = ",".join(f"provider-{n:02d}" for n in range(MAX_SAVED))
    saved(client, f"p={slugs}")  # the vocabulary is cached in-process, as on a warm server
    with django_assert_max_num_queries(4):  # the listings, their offices, their plans' dates, the place
        response = saved(client, f"p={slugs}&near=02139")
    assert len(response.context["entries"]) == MAX_SAVED


def test_the_saved_page_only_answers_reads(client):
    assert client.post("/saved/?p=dana-whitfield").status_code == 405


# Save buttons: in the markup, hidden until shortlist.js shows them, so nothing shows without JavaScript.
SAVE_BUTTON = re.compile(r'<button type="button" class="save-toggle" data-save="([^"]+)"[^>]* hidden>')


def test_result_cards_carry_a_hidden_save_button(client, three):
    page = html(client.get("/search/?near=02139"))
    assert "dana-whitfield" in SAVE_BUTTON.findall(page)


def test_profiles_carry_a_hidden_save_button(client, three):
    page = html(client.get("/providers/dana-whitfield/"))
    assert SAVE_BUTTON.findall(page) == ["dana-whitfield"]


def test_the_header_link_to_the_list_is_hidden_until_javascript_shows_it(client):
    page = html(client.get("/"))
    assert re.search(r'<li class="saved-nav" data-shortlist-nav hidden><a href="/saved/"', page)


def test_the_script_saves_no_more_than_the_page_compares():
    script = (Path(settings.BASE_DIR) / "static/js/shortlist.js").read_text()
    assert re.search(r"var MAX = (\d+);", script).group(1) == str(MAX_SAVED)
