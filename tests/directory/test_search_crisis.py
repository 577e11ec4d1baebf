"""Crisis words: two tiers, help first, and never a page with nobody on it. Words of danger bring 988, 911 and the
National Maternal Mental Health Hotline first; distressing but common thoughts bring reassurance and the PSI
HelpLine, never the self-harm alarm. Either way the words are not a text filter: the page shows the perinatal
mental-health clinicians who help, near the place or by telehealth in its state, those taking new clients first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.search.crisis import Tier, assess, signals_crisis
from tests.directory.conftest import html, names
from tests.directory.statements import statements

pytestmark = pytest.mark.django_db

HELPERS = {"types": ["therapist"], "formats": ["in-person"]}


def callout(response) -> str:
    page = html(response)
    start = page.index('class="crisis-callout')
    return page[start : page.index("</section>", start)]


@pytest.mark.parametrize(
    "text",
    [
        "suicidal",
        "Suicide",
        "I want to kill myself",
        "postpartum psychosis",
        "afraid I might hurt my baby",
        "thoughts I could harm my baby",
        "I can't go on",
        "I CAN’T GO ON",
        "cant go on",
        "just want to end it all",
        "self-harm",
        "intrusive thoughts about hurting my baby",  # danger wins when both are typed
    ],
)
def test_words_of_danger(text):
    assert assess(text) == Tier.DANGER
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text", ["intrusive thoughts", "Scary thoughts", "unwanted thought", "thoughts that scare me", "INTRUSIVE THOUGHTS"]
)
def test_distressing_but_common_words(text):
    assert assess(text) == Tier.DISTRESS


@pytest.mark.parametrize("text", ["birth trauma", "postpartum depression", "doula", "", "endit", "psycho-therapy"])
def test_everyday_searches_are_not_crisis(text):
    assert assess(text) is None
    assert not signals_crisis(text)


@pytest.fixture
def around_cambridge(listing):
    listing("Doula Dot", zips=["02139"], types=["doula"], concerns=["birth-trauma"])
    listing("Full Therapist", zips=["02139"], types=["therapist"], accepting_new_clients=False)
    listing("Open Therapist", zips=["02458"], types=["therapist"], concerns=["postpartum-depression"])
    listing("Open Prescriber", zips=["02115"], types=["psychiatric-prescriber"], concerns=["perinatal-anxiety"])
    listing("Ocd Olive", zips=["02139"], types=["psychologist"], concerns=["perinatal-ocd"])
    listing(
        "Tele Tess", zips=["10001"], types=["therapist"], formats=["telehealth"], licensed_states=["MA"],
        concerns=["perinatal-ocd"],
    )  # fmt: skip
    listing("Far Fran", zips=["78701"], types=["therapist"], licensed_states=["TX"])


def test_words_of_danger_show_988_911_and_the_maternal_hotline_first_then_clinicians_taking_clients(
    client, around_cambridge
):
    response = client.get("/search/", {"q": "suicidal", "near": "02139"})
    section = callout(response)
    assert "You don't have to go through this alone" in section
    order = [section.index(n) for n in ["988 Suicide &amp; Crisis Lifeline", "911", "1-833-852-6262", "1-800-944-4773"]]
    assert order == sorted(order)
    assert "National Maternal Mental Health Hotline" in section and "1-833-TLC-MAMA" in section
    # Nobody's listing says "suicidal"; the clinicians near Cambridge or by telehealth in MA taking clients do.
    assert sorted(names(response)) == ["Ocd Olive", "Open Prescriber", "Open Therapist", "Tele Tess"]
    page = html(response)
    assert page.index('class="crisis-callout') < page.index('class="result-list"')
    assert "No providers match" not in page
    assert "matching “suicidal”" not in page


def test_every_page_of_a_crisis_search_keeps_the_help(client, around_cambridge):
    response = client.get("/search/", {"q": "can't go on", "near": "02139"})
    assert response.context["criteria"].q == "can't go on"  # the words stay in the box and in every link
    assert response.context["criteria"].query_string().startswith("q=can%27t+go+on&near=02139")
    assert "back=q%3Dcan%2527t%2Bgo%2Bon" in response.context["cards"][0].url


def test_distressing_thoughts_bring_reassurance_the_psi_helpline_and_ocd_and_anxiety_care_never_the_alarm(
    client, around_cambridge
):
    response = client.get("/search/", {"q": "intrusive thoughts", "near": "02139"})
    section = callout(response)
    assert "common" in section and "treated" in section
    assert "1-800-944-4773" in section
    for alarm in ["988", "911", "Suicide", "harming yourself", "can't go on"]:
        assert alarm not in section
    assert sorted(names(response)) == ["Ocd Olive", "Open Prescriber", "Tele Tess"]


def test_crisis_words_never_end_in_nobody(client, listing):
    # Nobody near who is a clinician, nobody taking clients: still someone, nearest first.
    listing("Doula Dot", zips=["02139"], types=["doula"], accepting_new_clients=False)
    response = client.get("/search/", {"q": "suicidal", "near": "02139"})
    assert names(response) == ["Doula Dot"]
    response = client.get("/search/", {"q": "scary thoughts"})
    assert names(response) == ["Doula Dot"]


def test_the_familys_own_filters_stay_while_they_find_someone(client, around_cambridge):
    response = client.get("/search/", {"q": "suicidal", "near": "02139", "concern": "postpartum-depression"})
    assert names(response) == ["Open Therapist"]


def test_a_crisis_search_stays_within_the_statement_budget(client, around_cambridge):
    # The place, the helping searches counted at once, the search, the cards' reads and the search tally.
    assert statements(lambda: client.get("/search/", {"q": "intrusive thoughts", "near": "02139"})) <= 8


def test_the_helping_searches_read_the_places_listings_once(client, around_cambridge):
    # They share the place, so one pass over its candidates counts them all (statement.count_each), as many counts
    # as searches tried before the last.
    with CaptureQueriesContext(connection) as captured:
        client.get("/search/", {"q": "intrusive thoughts", "near": "02139"})
    counting = [
        q["sql"] for q in captured.captured_queries if "count(*) FILTER" in q["sql"] and "array_agg" not in q["sql"]
    ]
    assert len(counting) == 1
    assert counting[0].count("near AS (") == 1 and counting[0].count("count(*) FILTER") >= 2


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("I want to die", "You don't have to go through this alone"),
        ("cant go on", "You don't have to go through this alone"),  # not Canton, MI, a typo away
        ("no puedo más", "You don't have to go through this alone"),
        ("intrusive thoughts", "Thoughts like these are common, and they can be treated"),
    ],
)
def test_crisis_words_typed_where_the_place_goes_bring_the_same_help(client, around_cambridge, typed, heading):
    response = client.get("/search/", {"near": typed})
    assert heading in callout(response)
    page = html(response)
    assert "We couldn" not in page  # never an error about the words
    assert response.context["criteria"].q == typed and response.context["criteria"].near == ""
    assert names(response)  # and the clinicians who help, nationwide


def test_a_place_that_is_not_found_is_still_said_so_when_it_is_not_crisis(client, around_cambridge):
    response = client.get("/search/", {"near": "Xqzvbn"})
    assert "We couldn" in html(response) and 'class="crisis-callout' not in html(response)
