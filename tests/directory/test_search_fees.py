"""The fee filter asks about one unit at a time (`fee_unit` session or package, with `max_fee`), and the plan filter
(`plan`) finds named plans; cards show the fee's unit and each plan's age within the page's query budget."""

import re

import pytest
from django.db import connection
from django.http import QueryDict

from directory.search import statement
from directory.search.filters import SearchFilterSet
from providers.models import ProviderPlan
from providers.taxonomy import vocabulary
from tests.clock import days_ago
from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db


@pytest.fixture
def fees(listing):
    listing("Therapist 120", fee_unit="session", fee_min=120, fee_max=160)
    listing("Therapist 90", fee_unit="session", fee_min=90, fee_max=140)
    listing("Sliding from 40", fee_unit="sliding", fee_min=40, fee_max=180)
    listing("Free group", fee_unit="free", fee_min=None, fee_max=None)
    listing("Doula package", fee_unit="package", fee_min=1500, fee_max=2200, fee_includes="Birth and two visits")
    listing("Midwife package", fee_unit="package", fee_min=4000, fee_max=None, fee_includes="Care to six weeks")
    listing("No fee stated", fee_unit="session", fee_min=None, fee_max=None)
    listing("Up to 100", fee_unit="session", fee_min=None, fee_max=100)


def found(client, **query):
    return sorted(names(client.get("/search/", query)))


def test_per_session_up_to_an_amount_keeps_sliding_scales_and_free_listings_and_leaves_packages_out(client, fees):
    assert found(client, fee_unit="session", max_fee="100") == [
        "Free group", "Sliding from 40", "Therapist 90", "Up to 100",
    ]  # fmt: skip
    assert found(client, fee_unit="session", max_fee="30") == ["Free group"]


def test_a_package_up_to_an_amount_is_asked_separately(client, fees):
    assert found(client, fee_unit="package", max_fee="2000") == ["Doula package", "Free group"]
    assert found(client, fee_unit="package", max_fee="5000") == ["Doula package", "Free group", "Midwife package"]


def test_an_old_link_with_only_a_highest_fee_means_per_session(client, fees):
    response = client.get("/search/", {"max_fee": "100"})
    assert response.context["criteria"].fee_limit == ("session", 100)
    assert "Doula package" not in names(response)
    # The shareable URL names both, so it reads the same later.
    assert "fee_unit=session&amp;max_fee=100" in html(response)


@pytest.mark.parametrize(
    "query",
    [
        {"fee_unit": "hourly", "max_fee": "100"},
        {"fee_unit": "", "max_fee": "100"},
        {"fee_unit": ["package", "session"], "max_fee": "100"},
    ],
)
def test_an_unknown_unit_means_per_session(client, fees, query):
    response = client.get("/search/", query)
    assert response.status_code == 200
    assert response.context["criteria"].fee_unit in ("session", "package")
    if query["fee_unit"] != ["package", "session"]:
        assert response.context["criteria"].fee_limit == ("session", 100)


@pytest.mark.parametrize("bad", ["abc", "-5", "25000", "1e3", "\x00", "99999999999999999999"])
def test_a_bad_amount_is_ignored_without_an_error(client, fees, bad):
    response = client.get("/search/", {"fee_unit": "package", "max_fee": bad})
    assert response.status_code == 200
    assert response.context["criteria"].max_fee is None
    assert len(names(response)) == 8


def test_the_fee_limit_counts_as_one_filter_and_removing_it_clears_the_unit(client, fees):
    criteria = client.get("/search/", {"fee_unit": "package", "max_fee": "100"}).context["criteria"]
    assert criteria.active_filters == 1
    assert criteria.fee_limit_text == "Per package up to $100"
    assert criteria.without("max_fee").query_string() == ""


def test_the_form_offers_both_units_and_the_amounts_of_the_chosen_one(client, fees):
    page = html(client.get("/search/", {"fee_unit": "package", "max_fee": "2000"}))
    assert '<option value="package" selected>Per package</option>' in page
    assert '<option value="2000" selected>Up to $2000</option>' in page
    assert '<option value="150">Up to $150</option>' not in page  # per-session amounts are not offered for a package
    session_page = html(client.get("/search/"))
    assert '<option value="150">Up to $150</option>' in session_page


def test_cards_say_what_the_fee_is_for(client, fees):
    page = html(client.get("/search/", {"fee_unit": "package", "max_fee": "5000"}))
    assert "$1,500–$2,200 per package" in page and "From $4,000 per package" in page
    page = html(client.get("/search/", {"max_fee": "100"}))
    assert "Sliding scale from $40 per session (full fee $180)" in page and ">Free<" not in page
    assert "Free</p>" in page


# Plans -------------------------------------------------------------------------------------------------------
def plan_counts(response):
    facet = next(f for f in response.context["facets"] if f.param == "plan")
    return {option.slug: option.count for option in facet.options}


def test_families_filter_by_named_plans(client, listing):
    listing("Ann", plans=["aetna", "medicaid-ma"])
    listing("Bea", plans=["medicaid-ma"])
    listing("Cy", plans=["tricare"], languages=["es"])
    listing("Di")

    response = client.get("/search/", {"plan": "medicaid-ma"})
    assert sorted(names(response)) == ["Ann", "Bea"]
    counts = plan_counts(response)
    assert (counts["medicaid-ma"], counts["aetna"], counts["tricare"], counts["cigna"]) == (2, 1, 1, 0)
    assert 'id="f-plan-medicaid-ma" name="plan" value="medicaid-ma" checked>' in html(response)
    assert sorted(names(client.get("/search/", {"plan": ["medicaid-ma", "tricare"]}))) == ["Ann", "Bea", "Cy"]


def test_an_unknown_plan_is_dropped(client, listing):
    listing("Ann", plans=["aetna"])
    response = client.get("/search/", {"plan": ["no-such-plan", "AETNA", "aetna' OR 1=1"]})
    assert response.status_code == 200
    assert response.context["criteria"].selected == {"plan": ("aetna",)}
    assert names(response) == ["Ann"]


def test_cards_show_plans_the_family_chose_first_with_their_age(client, listing):
    ann = listing("Ann", plans=["aetna", "bcbs", "cigna", "united", "medicaid-ma"])
    ProviderPlan.objects.filter(provider=ann, plan__slug="medicaid-ma").update(confirmed_at=days_ago(12))
    page = html(client.get("/search/", {"plan": "medicaid-ma"}))
    assert 'In network: <span class="plan-name">MassHealth</span>' in page
    assert "(confirmed 12 days ago)" in page and "and 2 more" in page


def test_plans_on_cards_cost_one_query_and_the_page_stays_within_eight(client, listing, django_assert_max_num_queries):
    for n in range(22):
        listing(
            f"Provider {n}",
            zips=["02139"],
            plans=["aetna", "medicaid-ma"],
            fee_unit="sliding",
            fee_min=60,
            fee_max=150,
            formats=["in-person", "telehealth"],
            licensed_states=["MA"],
        )
    vocabulary()
    query = {"near": "02139", "plan": "aetna", "fee_unit": "session", "max_fee": "100", "concern": "birth-trauma"}
    query["concern"] = []
    client.get("/search/", query)  # warm the connection's settings
    with django_assert_max_num_queries(8) as captured:
        response = client.get("/search/", query)
    assert response.context["outcome"].total == 22
    assert sum("providers_providerplan" in q["sql"] for q in captured.captured_queries) == 1
    cards = html(response).split('class="result-plans"')[1:]
    assert len(cards) == 20 and all(card.count("(confirmed today)") == 2 for card in cards)


def plan_options(client, **query):
    facets = client.get("/search/", query).context["facets"]
    return {option.slug for facet in facets if facet.param == "plan" for option in facet.options}


def test_near_a_place_the_plan_filter_offers_national_plans_and_that_states_programme_only(client, listing):
    listing("Ann", plans=["aetna", "medicaid-ma"])
    near_boston = plan_options(client, near="02139")
    assert {"aetna", "tricare", "medicaid-ma"} <= near_boston
    assert "medicaid-ca" not in near_boston
    assert "medicaid-ca" in plan_options(client, near="02139", plan="medicaid-ca")  # a chosen one stays, to untick
    assert "medicaid-ca" in plan_options(client)  # nationwide, every programme


def plan_fold(client, **query):
    """The plan filter's markup: (names listed, names folded under "Each state's Medicaid programme", fold tag)."""
    page = html(client.get("/search/", query))
    legend = page.index(">Insurance plans</legend>")
    fieldset = page[legend : page.index("</fieldset>", legend)]
    listed, _, folded = fieldset.partition('<details class="facet-more"')
    names = r'<label for="f-plan-[^"]+">([^<(]+)'
    fold = re.search(r'<details class="facet-more"[^>]*>', fieldset)
    return (
        [n.strip() for n in re.findall(names, listed)],
        [n.strip() for n in re.findall(names, folded)],
        fold.group(0) if fold else "",
    )


def test_nationwide_each_states_programme_is_folded_under_the_national_plans(client, listing):
    listing("Ann", plans=["aetna", "medicaid-ma"])
    listed, folded, fold = plan_fold(client)
    assert "Aetna" in listed and "TRICARE" in listed and "MassHealth" not in listed
    assert {"MassHealth", "Medi-Cal"} <= set(folded) and "open" not in fold
    assert "open" in plan_fold(client, plan="medicaid-ma")[2]  # a chosen programme shows, so it can be unticked


def test_near_a_place_its_states_programme_is_listed_with_the_national_plans_and_nothing_is_folded(client, listing):
    listing("Ann", plans=["aetna", "medicaid-ma"])
    listed, folded, fold = plan_fold(client, near="02139")
    assert "MassHealth" in listed and folded == [] and fold == ""


def test_near_a_place_only_the_offered_plans_are_counted_and_a_chosen_far_programme_still_is(client, listing):
    listing("Ann", plans=["aetna", "medicaid-ma"])
    listing("Bea", plans=["medicaid-ca"], formats=["telehealth"], licensed_states=["MA"])
    search = SearchFilterSet(QueryDict("near=02139")).search()
    built = statement.build(search, connection, facets=True, with_total=True, offset=0, limit=20)
    counted = {term_id for group in built.groups if group.key == "plan" for term_id, _ in group.options}
    plans = vocabulary().terms["plans"]
    assert counted == {plan.id for plan in plans if plan.state in ("", "MA")}
    plan_group = next(group for group in built.groups if group.key == "plan")
    assert len(plan_group.aggregates("true")) == 1  # every plan counted by one sum of the plans' tallies

    near = plan_counts(client.get("/search/", {"near": "02139"}))
    assert near["medicaid-ma"] == 1 and near["aetna"] == 1 and "medicaid-ca" not in near
    chosen = plan_counts(client.get("/search/", {"near": "02139", "plan": "medicaid-ca"}))
    assert chosen["medicaid-ca"] == 1  # a chosen programme of another state is counted, so it can be unticked
    assert plan_counts(client.get("/search/"))["medicaid-ca"] == 1  # nationwide, every programme
