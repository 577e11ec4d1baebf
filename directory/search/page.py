"""The search page's template context, from the request's GET parameters."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext

from core.routers import reading_from_replica
from directory.search import results, ways_out
from directory.search.criteria import (
    FEE_UNITS,
    MAX_FEE_CHOICES,
    PACKAGE_FEE_CHOICES,
    PER_PAGE,
    RADIUS_CHOICES,
    SORTS,
)
from directory.search.filters import SearchFilterSet
from providers import geo
from providers.months import month_key, month_label, months_from, this_month
from providers.states import state_name

DUE_MONTHS = 10  # a pregnancy's months still to come, from this one


def search_context(query) -> dict:
    filterset = SearchFilterSet(query)
    with reading_from_replica():  # a family's search tolerates a second of replica lag
        searched = ways_out.run(filterset)  # words of crisis search for who helps
        outcome = searched.shown
        cards = results.cards(outcome)
        if not outcome.total:  # with no results, each filter option counted as if the others were relaxed
            outcome = replace(outcome, counts=ways_out.relaxed_counts(outcome, filterset))
    criteria = outcome.criteria  # the page may have been brought back within range
    offered = PACKAGE_FEE_CHOICES if criteria.fee_unit == "package" else MAX_FEE_CHOICES
    fee_choices = sorted({*offered, *([criteria.max_fee] if criteria.max_fee is not None else [])})
    return {
        "criteria": criteria,
        "outcome": outcome,
        "cards": cards,
        "filterset": filterset,
        "facets": results.facets(outcome, filterset.form),
        "toggles": results.toggles(outcome),
        "chips": results.chips(outcome, filterset),
        "clear_filters_url": results.search_url(filterset.cleared(criteria).query_string()),
        "summary": results.summary(searched.outcome),
        "where": results.where_phrase(criteria),
        "where_state": state_name(criteria.place.state) if criteria.place else "",
        "ways_out": ways_out.ways_out(searched.outcome, filterset) if not outcome.total else [],
        "pages": results.pagination(outcome),
        "previous_url": _page_url(criteria, criteria.page - 1) if criteria.page > 1 else "",
        "next_url": _page_url(criteria, criteria.page + 1) if criteria.page < outcome.pages else "",
        "crisis": searched.crisis,
        "suggestions": ways_out.place_suggestions(criteria),
        "place_alternatives": ways_out.place_alternatives(criteria),
        "radius_choices": RADIUS_CHOICES,
        "sort_choices": list(SORTS.items()),
        "fee_choices": fee_choices,
        "fee_units": list(FEE_UNITS.items()),
        "due_choices": _due_choices(criteria),
        "stage_links": _stage_links(criteria, filterset.form),
        "first_result": (criteria.page - 1) * PER_PAGE + 1,
        "last_result": (criteria.page - 1) * PER_PAGE + len(cards),
    }


def without_street_address(query) -> str | None:
    """The search's query string with only the place of a street address typed as the place ("12 Oak Ave,
    Somerville, MA" becomes "Somerville, MA"), or None when there is no street: the search needs only the place, and
    a family's street should not stay in the address bar, their history or a link they share."""
    typed = query.getlist("near")
    places = [geo.without_street(near) for near in typed]
    if places == [" ".join(near.split()) for near in typed]:
        return None
    changed = query.copy()
    changed.setlist("near", places)
    return changed.urlencode()


def _due_choices(criteria) -> list[tuple[str, str, bool]]:
    """(value, "March 2027", chosen) for this month and the next ones, and a chosen month outside them."""
    months = months_from(this_month(), DUE_MONTHS)
    if criteria.due is not None and criteria.due not in months:
        months = sorted([criteria.due, *months])
    return [(month_key(month), month_label(month), month == criteria.due) for month in months]


def _stage_links(criteria, form) -> list[dict]:
    """ "Where are you now?": one link per journey stage, the same search for that stage alone; and "Any" when one
    is chosen. Plain links: one tap, no JavaScript needed."""
    if "stage" not in form.fields:
        return []
    chosen = criteria.slugs("stage")
    links = []
    for slug, name in form.fields["stage"].choices:
        alone = criteria.adjusted(selected={**criteria.selected, "stage": (slug,)})
        links.append({"name": name, "url": results.search_url(alone.query_string()), "current": chosen == (slug,)})
    if chosen:
        anywhere = results.search_url(criteria.without("stage").query_string())
        links.append({"name": gettext("Any stage"), "url": anywhere})
    return links


def _page_url(criteria, number):
    return results.search_url(criteria.adjusted(page=number).query_string())
