"""The right fit (issue 14) in the search: journey stages, a due month, perinatal credentials, who providers work
with and who they are, each a filter with its counts, its URL parameter and its place on the cards."""

from datetime import date

import pytest
from django.http import QueryDict
from django.utils import timezone

from directory.search.filters import SearchFilterSet
from providers.credentials import CredentialCheck
from providers.months import add_months, month_key, this_month
from providers.taxonomy import vocabulary
from tests.directory.conftest import html, names
from tests.providers.factories import ModeratorFactory, terms

pytestmark = pytest.mark.django_db


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {option.slug: option.count for option in facet.options}


def next_month(n=3) -> date:
    return add_months(this_month(), n)


# Journey stages -------------------------------------------------------------------------------------------------
def test_a_stage_filters_counts_and_keeps_the_other_filters(client, listing):
    listing("Ann", stages=["pregnant", "birth"], languages=["es"])
    listing("Bea", stages=["postpartum"], languages=["es"])
    listing("Cy", stages=["pregnant"], languages=["en"])

    response = client.get("/search/", {"stage": "pregnant", "language": "es"})
    assert names(response) == ["Ann"]
    stage = counts(response, "stage")
    # Each stage counts the providers who serve it among those passing every other filter.
    assert (stage["pregnant"], stage["postpartum"], stage["after-loss"]) == (1, 1, 0)
    page = html(response)
    assert "<legend>Where you are now</legend>" in page
    assert 'id="f-stage-pregnant" name="stage" value="pregnant" checked>' in page


def test_where_are_you_now_is_one_tap_from_the_search_page(client, listing):
    listing("Ann", stages=["after-loss"])
    response = client.get("/search/", {"near": "02139", "stage": ["pregnant", "birth"]})
    links = {link["name"]: link for link in response.context["stage_links"]}
    # Each link is the same search for that one stage; "Any stage" drops the stage.
    assert links["After a pregnancy or infant loss"]["url"] == "/search/?near=02139&stage=after-loss"
    assert links["Any stage"]["url"] == "/search/?near=02139"
    assert not any(link.get("current") for link in links.values())  # two stages chosen: neither link is it

    one = client.get(links["After a pregnancy or infant loss"]["url"])
    assert names(one) == ["Ann"]
    assert '<a class="stage-button" href="/search/?near=02139&amp;stage=after-loss" aria-current="true">' in html(one)


def test_the_home_page_asks_where_you_are_with_buttons_of_the_search_form(client):
    page = html(client.get("/"))
    assert "Where are you now?" in page
    for stage in vocabulary().terms["stages"]:
        # Submit buttons of the search form (form="find"): a ZIP code typed there goes along; no JavaScript.
        assert f'type="submit" form="find" name="stage" value="{stage.slug}">{stage.name}</button>' in page
    # The form's own button comes first, so Enter in the ZIP field is still a plain search.
    assert page.index('id="find"') < page.index('form="find" name="stage"')


# The due month --------------------------------------------------------------------------------------------------
def test_a_due_month_leaves_out_those_fully_booked_then(client, listing):
    due = next_month(4)
    listing("Booked Then", stages=["birth"], booked_months=[due, add_months(due, 1)])
    listing("Booked Before", stages=["birth"], booked_months=[add_months(due, -1)])
    listing("Never Booked", stages=["birth"])

    response = client.get("/search/", {"stage": "birth", "due": month_key(due)})
    assert sorted(names(response)) == ["Booked Before", "Never Booked"]
    assert response.context["criteria"].due == due
    assert ("due", month_key(due)) in response.context["criteria"].params()
    # Stage counts follow the due month too (conjunctive across groups).
    assert counts(response, "stage")["birth"] == 2
    page = html(response)
    assert f'<option value="{month_key(due)}" selected>' in page
    # Only a provider who says when they are booked gets the reassurance on the card.
    label = f"{due:%B} {due.year}"
    assert page.count(f"Not fully booked in {label}") == 1

    # The FilterSet's queryset is the same search.
    expected = {"Booked Before", "Never Booked"}
    qs = SearchFilterSet(QueryDict(f"stage=birth&due={month_key(due)}")).qs
    assert {p.display_name for p in qs} == expected


@pytest.mark.parametrize(
    ("value", "note"),
    [
        ("2027-13", "We couldn't read the due month “2027-13”"),
        ("next spring", "We couldn't read the due month “next spring”"),
        ("1999-05", "We look for due months from"),
        ("<script>", "We couldn't read the due month “<script>”"),
    ],
)
def test_a_due_month_it_cannot_use_is_ignored_with_a_clear_note(client, listing, value, note):
    listing("Ann", booked_months=[this_month()])
    response = client.get("/search/", {"due": value})
    assert response.status_code == 200
    assert response.context["criteria"].due is None
    assert names(response) == ["Ann"]
    assert any(note in shown for shown in response.context["criteria"].notes)
    assert "<script>”" not in html(response)  # shown escaped, as every note


def test_no_results_for_a_due_month_offer_to_drop_it(client, listing):
    due = next_month(2)
    listing("Ann", booked_months=[due])
    response = client.get("/search/", {"due": month_key(due)})
    assert names(response) == []
    way = next(way for way in response.context["ways_out"] if "“Due month”" in way.text)
    assert way.url == "/search/"


# Credentials, populations, identities -------------------------------------------------------------------------
def test_credentials_populations_and_identities_filter_and_count(client, listing):
    listing(
        "Ann",
        perinatal_credentials=["pmh-c", "ibclc"],
        populations=["lgbtq", "intended-parents"],
        identities=["black-provider"],
    )
    listing("Bea", perinatal_credentials=["cnm"], populations=["military-families"], identities=["bilingual"])
    listing("Cy", perinatal_credentials=["pmh-c"], populations=["lgbtq"])

    assert sorted(names(client.get("/search/", {"credential": "pmh-c"}))) == ["Ann", "Cy"]
    assert names(client.get("/search/", {"population": "intended-parents"})) == ["Ann"]
    both = client.get("/search/", {"identity": ["black-provider", "bilingual"], "credential": "pmh-c"})
    assert names(both) == ["Ann"]
    assert counts(both, "credential")["cnm"] == 1  # Bea, once the credential filter is widened
    assert counts(both, "identity")["bilingual"] == 0  # Bea has no PMH-C
    page = html(both)
    for legend in ["Perinatal credentials", "Who they work with", "Who the provider is"]:
        assert f"<legend>{legend}</legend>" in page


def test_unknown_slugs_of_the_new_filters_are_dropped(client, listing):
    listing("Ann", stages=["pregnant"])
    response = client.get(
        "/search/", {"stage": ["PREGNANT", "moon"], "credential": "x", "identity": "'; drop", "population": ""}
    )
    assert response.status_code == 200
    assert response.context["criteria"].selected == {"stage": ("pregnant",)}
    assert names(response) == ["Ann"]


def test_every_term_is_found_and_counted_in_its_own_digits_of_the_tallies(client, listing):
    # Each term's count sits in its own seven digits of a sum of tallies: one listing per term, two for the last,
    # must read back as 1, 1, ..., 2 and never spill into a neighbour.
    everything = vocabulary().terms["populations"]
    for term in everything:
        listing(f"Only {term.slug}", populations=[term.slug])
    last = everything[-1]
    listing("Also last", populations=[last.slug])
    for term in everything:
        found = SearchFilterSet(QueryDict(f"population={term.slug}")).qs
        expected = {f"Only {term.slug}"} | ({"Also last"} if term == last else set())
        assert {p.display_name for p in found} == expected, term.id
    facet = next(f for f in client.get("/search/", {"q": "only also"}).context["facets"] if f.param == "population")
    counts = {option.slug: option.count for option in facet.options}
    assert counts == {term.slug: 2 if term == last else 1 for term in everything}


def test_cards_show_credentials_verified_stages_populations_and_identities(client, listing):
    provider = listing(
        "Dana Whitfield",
        perinatal_credentials=["pmh-c", "ibclc"],
        stages=["pregnant", "postpartum"],
        populations=["single-parents", "lgbtq", "military-families", "teen-parents"],
        identities=["parent-after-loss"],
    )
    pmhc = vocabulary().by_slug["perinatal_credentials"]["pmh-c"]
    CredentialCheck.objects.create(
        provider=provider, credential_id=pmhc.id, verified_at=timezone.now(), verified_by=ModeratorFactory()
    )
    response = client.get("/search/", {"population": "military-families"})
    card = response.context["cards"][0]
    assert card.credentials == [("PMH-C", True), ("IBCLC", False)]
    assert card.stages == ["Pregnant", "Postpartum (first year)"]
    assert card.populations[0] == "Military families"  # the chosen one first, three at most
    assert len(card.populations) == 3
    page = html(response)
    assert 'PMH-C <span class="credential-verified">' in page and 'verified<span class="visually-hidden">' in page
    assert "Supports:</span> Pregnant · Postpartum (first year)" in page
    assert "Identity:</span> Parent after loss" in page


def test_all_the_new_filters_together_take_at_most_eight_queries(client, listing, django_assert_max_num_queries):
    due = next_month(5)
    for n in range(20):
        listing(
            f"Provider {n}",
            zips=["02139"],
            stages=["pregnant", "birth"],
            perinatal_credentials=["certified-birth-doula"],
            populations=["lgbtq"],
            identities=["lgbtq-provider"],
            booked_months=[add_months(due, 1)],
        )
    vocabulary()  # cached per process in production
    query = {
        "near": "02139",
        "stage": ["pregnant", "birth"],
        "due": month_key(due),
        "credential": "certified-birth-doula",
        "population": "lgbtq",
        "identity": "lgbtq-provider",
    }
    client.get("/search/", query)  # a first request sets up the connection's search settings
    with django_assert_max_num_queries(8):
        response = client.get("/search/", query)
    assert response.context["outcome"].total == 20


def test_terms_in_the_search_are_the_declared_vocabulary(client):
    # The parameters are the TermFields' own (providers.taxonomy): declared once, found here.
    form = SearchFilterSet(QueryDict("")).form
    for param in ["stage", "credential", "population", "identity", "due"]:
        assert param in form.fields
    assert terms("stages", "pregnant")


def test_a_card_names_three_stages_the_chosen_one_first(client, listing):
    listing("Ann", stages=["trying-to-conceive", "pregnant", "birth", "postpartum", "after-loss"])
    card = client.get("/search/", {"stage": "after-loss"}).context["cards"][0]
    assert card.stages == [
        "After a pregnancy or infant loss",
        "Trying to conceive or fertility treatment",
        "Pregnant",
        "2 more",
    ]
