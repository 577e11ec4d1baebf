"""A filter group is one declaration: declare a vocabulary as a filter and the search offers it, filters by it and
counts it, with nothing else written (providers.taxonomy.TERM_FIELDS)."""

import pytest

from providers import taxonomy
from providers.taxonomy import Population, TermField
from tests.directory.conftest import html, names
from tests.providers.factories import terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def works_with(monkeypatch):
    # A throwaway declaration: the populations vocabulary declared again as the filter "population", last on the
    # page: whatever the declaration says is what the search offers, filters by and counts.
    declared = TermField(
        "populations", Population, "Who do you work with?", param="population", legend="Who they work with"
    )
    others = tuple(f for f in taxonomy.TERM_FIELDS if f.field != "populations")
    monkeypatch.setattr(taxonomy, "TERM_FIELDS", (*others, declared))
    return declared


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {option.slug: option.count for option in facet.options}


def test_a_declared_vocabulary_filters_counts_and_shows_its_fieldset(client, listing, works_with):
    listing("Ann", populations=terms("populations", "lgbtq", "single-parents"), concerns=["nicu"])
    listing("Bea", populations=terms("populations", "lgbtq"), languages=["es"])
    listing("Cy", populations=terms("populations", "military-families"), languages=["es"])

    response = client.get("/search/", {"population": "lgbtq"})
    assert sorted(names(response)) == ["Ann", "Bea"]
    # Disjunctive within the new group, conjunctive with the others, like every group.
    assert counts(response, "population")["military-families"] == 1
    assert counts(response, "language")["es"] == 1
    page = html(response)
    assert "<legend>Who they work with</legend>" in page
    assert 'id="f-population-lgbtq" name="population" value="lgbtq" checked>' in page

    both = client.get("/search/", {"population": ["lgbtq", "military-families"], "language": "es"})
    assert sorted(names(both)) == ["Bea", "Cy"]
    population = counts(both, "population")
    assert (population["lgbtq"], population["military-families"], population["single-parents"]) == (1, 1, 0)


def test_a_declared_vocabulary_keeps_the_lenient_rules(client, listing, works_with):
    listing("Ann", populations=terms("populations", "lgbtq"))
    response = client.get("/search/", {"population": ["no-such-group", "LGBTQ"]})
    assert response.status_code == 200
    assert response.context["criteria"].selected == {"population": ("lgbtq",)}
    assert names(response) == ["Ann"]


def test_the_filterset_queryset_is_the_search_results(listing, works_with):
    from django.http import QueryDict

    from directory.search.filters import SearchFilterSet

    ann = listing("Ann", populations=terms("populations", "lgbtq"))
    listing("Bea", populations=terms("populations", "partners"))
    assert list(SearchFilterSet(QueryDict("population=lgbtq")).qs) == [ann]
