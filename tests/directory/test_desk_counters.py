"""Where care is missing, private by design: each search adds one to a daily aggregate counter (state, the options
chosen, words or not, a results bucket), nothing about the person; small counts are masked; old counters go."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.desk.counters import Results, SearchCount, fee_step, months_before
from directory.desk.needs import needs_csv, shown, unmet_needs
from providers.taxonomy import vocabulary
from tests.providers.factories import ModeratorFactory

pytestmark = pytest.mark.django_db

WYOMING_ZIP = "82001"  # Cheyenne
NEED = ["format=telehealth", "type=psychiatric-prescriber", "payment=medicaid"]  # as a search stores them


def search(client, **params):
    return client.get("/search/", params, HTTP_USER_AGENT="Family-Phone/1.0", REMOTE_ADDR="203.0.113.9")


def counter(day, searches, *, state="WY", options=NEED, results=Results.NONE, with_words=False):
    return SearchCount.objects.create(
        day=day, state=state, options=options, results=results, with_words=with_words, searches=searches
    )


class TestRecording:
    def test_a_search_stores_only_the_aggregate_fields(self, client):
        client.cookies["sessionid"] = "a-session-key-that-must-not-be-kept"
        search(
            client, near=WYOMING_ZIP, q="intrusive thoughts at night", type="psychiatric-prescriber",
            payment="medicaid", format="telehealth",
        )  # fmt: skip

        rows = list(SearchCount.objects.values())
        assert len(rows) == 1
        row = rows[0]
        assert set(row) == {"id", "day", "state", "options", "with_words", "results", "searches"}
        assert row["day"] == timezone.localdate()
        assert row["state"] == "WY"
        assert row["options"] == ["format=telehealth", "type=psychiatric-prescriber", "payment=medicaid"]
        assert row["with_words"] is True
        assert row["results"] == Results.NONE
        assert row["searches"] == 1
        stored = repr(row)
        for private in (WYOMING_ZIP, "Cheyenne", "intrusive", "night", "203.0.113.9", "Family-Phone", "session"):
            assert private not in stored

    def test_the_same_search_again_adds_to_the_same_counter(self, client):
        for _ in range(3):
            search(client, near=WYOMING_ZIP, payment="medicaid")
        assert SearchCount.objects.get().searches == 3

    def test_a_different_results_bucket_is_a_different_counter(self, client, listing):
        search(client, near="02139")
        listing("Dana Whitfield")
        search(client, near="02139")
        assert sorted(SearchCount.objects.values_list("results", flat=True)) == [Results.NONE, Results.FEW]

    def test_later_pages_and_head_requests_are_not_counted(self, client, listing):
        for n in range(25):
            listing(f"Provider {n}")
        search(client, near="02139", page="2")
        client.head("/search/", {"near": "02139"})
        assert not SearchCount.objects.exists()
        search(client, near="02139")
        assert SearchCount.objects.get().results == Results.ENOUGH

    def test_unknown_options_and_typed_fees_are_never_stored_as_typed(self, client):
        search(client, type=["doula", "not-a-real-type"], max_fee="137", accepting="1")
        assert SearchCount.objects.get().options == ["type=doula", "accepting=1", "max_fee=150"]
        assert (fee_step(20), fee_step(250), fee_step(251), fee_step(1800)) == (50, 250, 500, 2000)

    def test_counting_costs_one_statement_within_the_page_budget(self, client, listing, django_assert_max_num_queries):
        for n in range(6):
            listing(
                f"Provider {n}", zips=["02139"], concerns=["birth-trauma"], languages=["es"], payments=["medicaid"],
                types=["therapist"], formats=["in-person", "telehealth"], free_consultation=True,
            )  # fmt: skip
        vocabulary()  # cached per process in production
        query = {
            "q": "provider", "near": "02139", "radius": "50", "format": ["in-person", "telehealth"],
            "type": "therapist", "concern": "birth-trauma", "language": "es", "payment": "medicaid",
            "accepting": "1", "free_consult": "1", "max_fee": "200", "sort": "distance",
        }  # fmt: skip
        with django_assert_max_num_queries(8) as captured:
            response = client.get("/search/", query)
        assert response.context["outcome"].total == 6
        upserts = [q["sql"] for q in captured.captured_queries if "directory_searchcount" in q["sql"]]
        assert len(upserts) == 1 and "ON CONFLICT" in upserts[0]


class TestFoundersReading:
    def test_small_counts_are_shown_as_fewer_than_five(self):
        assert shown(0) == "0" and shown(1) == shown(4) == "fewer than 5" and shown(5) == "5" and shown(1234) == "1,234"

    def test_the_top_unmet_needs_are_most_searches_with_no_results_first(self):
        today = timezone.localdate()
        counter(today, 20)
        counter(today - timedelta(days=3), 3)
        counter(today, 3, state="MT", options=["type=doula"])
        counter(today, 50, state="MA", options=["type=doula"], results=Results.ENOUGH)  # found plenty: not unmet
        counter(today - timedelta(days=45), 90, state="ID", options=[])  # outside the last 30 days

        needs = unmet_needs(30, today=today)

        assert [(n.state, n.no_results) for n in needs] == [("WY", 23), ("MT", 3)]
        terms = vocabulary().by_slug
        names = [terms["types"]["psychiatric-prescriber"].name, terms["formats"]["telehealth"].name, "Medicaid"]
        assert needs[0].summary == f"{', '.join(names)} in Wyoming: 23 searches with no results"
        assert needs[1].summary.endswith("in Montana: fewer than 5 searches with no results")
        assert [n.state for n in unmet_needs(90, today=today)] == ["ID", "WY", "MT"]

    def test_the_page_lists_needs_with_a_chart_each_and_masks_small_counts(self, client):
        today = timezone.localdate()
        counter(today, 23)
        counter(today - timedelta(days=8), 2, state="MT", options=["type=doula"])
        client.force_login(ModeratorFactory())
        html = client.get(reverse("desk:care_missing")).content.decode()
        assert "in Wyoming: 23 searches with no results" in html
        assert "in Montana: fewer than 5 searches with no results" in html
        assert html.count('<svg role="img"') == 2
        assert "<script" not in html.split('id="content-main"')[1]
        assert " 2 searches" not in html

    def test_the_csv_masks_small_counts_and_gives_no_total(self, client):
        today = timezone.localdate()
        counter(today, 23)
        counter(today, 3, results=Results.FEW)
        client.force_login(ModeratorFactory())
        response = client.get(reverse("desk:care_missing_csv"), {"days": "90"})
        assert response["Content-Type"].startswith("text/csv")
        assert "attachment" in response["Content-Disposition"]
        lines = response.content.decode().splitlines()
        assert lines[0].startswith("need,state,filters")
        assert lines[1].endswith(
            ",WY,format=telehealth&type=psychiatric-prescriber&payment=medicaid,no,23,fewer than 5,0"
        )
        assert needs_csv(30, today=today).count("\n") == 2


class TestPurge:
    def test_counters_older_than_thirteen_months_are_deleted(self):
        today = date(2026, 11, 29)
        kept = counter(date(2025, 10, 29), 7)
        counter(date(2025, 10, 28), 9)
        counter(date(2024, 1, 1), 9)
        assert SearchCount.objects.purge(today=today) == 2
        assert list(SearchCount.objects.all()) == [kept]

    def test_the_command_purges_from_today(self):
        today = timezone.localdate()
        counter(months_before(today, 14), 5)
        counter(today, 5)
        out = io.StringIO()
        call_command("purge_search_counts", stdout=out)
        assert SearchCount.objects.count() == 1
        assert "Deleted 1 search counter older than 13 months." in out.getvalue()

    def test_months_are_counted_on_the_calendar(self):
        assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
        assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_the_privacy_page_says_exactly_what_is_counted(client):
    html = client.get("/about/").content.decode()
    assert 'id="what-we-count"' in html
    promises = [
        "never the ZIP code, city or address", "never the words themselves", "no IP address, no cookie",
        "1 to 4 providers, or 5 or more", "shown as “fewer than 5”", "deleted after 13 months",
    ]  # fmt: skip
    for promise in promises:
        assert promise in html
    assert "Lo que contamos cuando usted busca" in client.get("/es/about/").content.decode()
