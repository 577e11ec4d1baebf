"""The search page's template context, from the request's GET parameters."""

from __future__ import annotations

from core.routers import reading_from_replica
from directory.search import results
from directory.search.crisis import signals_crisis
from directory.search.criteria import MAX_FEE_CHOICES, PER_PAGE, RADIUS_CHOICES, SORTS
from directory.search.engine import run_search
from directory.search.filters import SearchFilterSet
from providers import geo


def search_context(query) -> dict:
    filterset = SearchFilterSet(query)
    with reading_from_replica():  # a family's search tolerates a second of replica lag
        outcome = run_search(filterset.search())
        cards = results.cards(outcome)
    criteria = outcome.criteria  # the page may have been brought back within range
    fee_choices = sorted({*MAX_FEE_CHOICES, *([criteria.max_fee] if criteria.max_fee is not None else [])})
    return {
        "criteria": criteria,
        "outcome": outcome,
        "cards": cards,
        "filterset": filterset,
        "facets": results.facets(outcome, filterset.form),
        "toggles": results.toggles(outcome),
        "summary": results.summary(outcome),
        "where": results.where_phrase(criteria),
        "ways_out": results.ways_out(outcome) if not outcome.total else [],
        "pages": results.pagination(outcome),
        "previous_url": _page_url(criteria, criteria.page - 1) if criteria.page > 1 else "",
        "next_url": _page_url(criteria, criteria.page + 1) if criteria.page < outcome.pages else "",
        "crisis": signals_crisis(criteria.q),
        "suggestions": _suggestions(criteria) if criteria.near_unresolved else [],
        "radius_choices": RADIUS_CHOICES,
        "sort_choices": list(SORTS.items()),
        "fee_choices": fee_choices,
        "first_result": (criteria.page - 1) * PER_PAGE + 1,
        "last_result": (criteria.page - 1) * PER_PAGE + len(cards),
    }


def _page_url(criteria, number):
    return results.search_url(criteria.adjusted(page=number).query_string())


def _suggestions(criteria):
    """Places that look like what was typed, each a link to the same search there."""
    found = []
    for label in geo.suggest(criteria.near):
        query = criteria.adjusted(near=label, place=geo.resolve(label)).query_string()
        found.append({"label": label, "url": results.search_url(query)})
    return found
