"""Facet counts: how many results each option would give with the other filters applied. Disjunctive within a
group (ticking a second concern widens), conjunctive across groups (a language narrows); zero options disabled."""

import pytest

from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db


@pytest.fixture
def four(listing):
    listing("Ann", concerns=["postpartum-depression", "birth-trauma"], languages=["en"], payments=["medicaid"])
    listing("Bea", concerns=["postpartum-depression"], languages=["en", "es"], payments=["self-pay"])
    listing("Cy", concerns=["birth-trauma"], languages=["es"], payments=["medicaid"])
    listing("Dee", concerns=["infertility"], languages=["en"], payments=["medicaid"])
    # Not published: never counted, never shown.
    from tests.providers.factories import ProviderFactory

    listing("Draft Dot", concerns=["postpartum-depression"], languages=["es"], factory=ProviderFactory)


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {option.slug: option.count for option in facet.options}


def option(response, param, slug):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return next(o for o in facet.options if o.slug == slug)


def test_unfiltered_counts_count_every_published_listing(client, four):
    response = client.get("/search/")
    assert response.context["outcome"].total == 4
    concerns = counts(response, "concern")
    assert (concerns["postpartum-depression"], concerns["birth-trauma"], concerns["infertility"]) == (2, 2, 1)
    assert counts(response, "language")["es"] == 2  # the draft's Spanish is not counted


def test_counts_are_disjunctive_within_a_group_and_conjunctive_across_groups(client, four):
    response = client.get("/search/", {"concern": ["postpartum-depression", "birth-trauma"], "language": "es"})
    assert sorted(names(response)) == ["Bea", "Cy"]
    # Concern options count with the language applied but the concern choice ignored: Bea and Cy speak Spanish.
    concerns = counts(response, "concern")
    assert (concerns["postpartum-depression"], concerns["birth-trauma"], concerns["infertility"]) == (1, 1, 0)
    # Language options count with the concerns applied (Ann, Bea, Cy) but not the language.
    languages = counts(response, "language")
    assert (languages["en"], languages["es"]) == (2, 2)
    # Other groups count with everything applied (Bea, Cy).
    payments = counts(response, "payment")
    assert (payments["medicaid"], payments["self-pay"]) == (1, 1)


def test_options_that_would_give_nothing_are_disabled_but_chosen_ones_stay_usable(client, four):
    response = client.get("/search/", {"language": "es", "concern": ["birth-trauma", "nicu"]})
    assert names(response) == ["Cy"]
    infertility = option(response, "concern", "infertility")
    assert infertility.count == 0 and infertility.disabled
    nicu = option(response, "concern", "nicu")
    assert nicu.count == 0 and nicu.checked and not nicu.disabled
    page = html(response)
    assert 'id="f-concern-infertility" name="concern" value="infertility" disabled>' in page
    assert 'id="f-concern-nicu" name="concern" value="nicu" checked>' in page
    # (With no results at all, the counts say what each option finds on its own: test_search_no_results.py.)


def test_yes_no_filters_show_counts_too(client, listing):
    listing("Open Ola", accepting_new_clients=True, free_consultation=True)
    listing("Full Fia", accepting_new_clients=False, free_consultation=True)
    listing("Open Paid", accepting_new_clients=True, free_consultation=False)
    response = client.get("/search/", {"free_consult": "1"})
    assert sorted(names(response)) == ["Full Fia", "Open Ola"]
    toggles = {t.param: t.count for t in response.context["toggles"]}
    assert toggles == {"accepting": 1, "free_consult": 2}  # accepting counts within free consults


def test_max_fee_keeps_listings_whose_lowest_fee_is_within_it(client, listing):
    listing("Cheap Cam", fee_min=60, fee_max=90)
    listing("Dear Dot", fee_min=200, fee_max=250)
    listing("Unstated Uma", fee_min=None, fee_max=None)
    assert names(client.get("/search/", {"max_fee": "100"})) == ["Cheap Cam"]


def test_counts_with_a_place_respect_the_location_rule(client, listing):
    listing("Near Nell", zips=["02139"], formats=["in-person"], concerns=["nicu"])
    listing("Tele Tam", zips=["10001"], formats=["telehealth"], licensed_states=["MA"], concerns=["nicu"])
    listing("Far Fen", zips=["10001"], formats=["in-person", "telehealth"], licensed_states=["NY"], concerns=["nicu"])
    response = client.get("/search/", {"near": "02139", "concern": "nicu"})
    formats = counts(response, "format")
    assert (formats["in-person"], formats["telehealth"]) == (1, 1)
    assert counts(response, "concern")["nicu"] == 2
