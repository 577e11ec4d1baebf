"""The search page's template context, from the request's GET parameters."""

from __future__ import annotations

import re
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
from providers.places import place_key
from providers.states import state_name
from providers.taxonomy import Vocabulary

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


# Words that only say "near me": the place box says where (and an empty one is asked for on the page).
NEAR_ME_RE = re.compile(
    r"(?:^|\s+)(?:near me|nearby|close to me|close by|around me|in my area|near my location)$", re.IGNORECASE
)
# "doula in Austin, TX": the words, then a place after the last "in", "near" or "around".
PLACE_AFTER_WORDS_RE = re.compile(r"^(?P<words>.+)\s+(?:in|near|around)\s+(?P<place>\S.*)$", re.IGNORECASE)


def tidied_query(query) -> str | None:
    """The search's query string as the page should hold it, or None when it already does:
    - a street address in the place box cut to its place (a family's street should not stay in the address bar,
      their history or a link they share), and "near me" there left out (the page then asks for a ZIP code or city);
    - "near me" dropped from the words, where it only made them match nobody;
    - a place typed after the words ("doula in Austin, TX") moved to the empty place box when it is named as typed."""
    changed = query.copy()
    typed = query.getlist("near")
    places = ["" if NEAR_ME_RE.fullmatch(near.strip()) else geo.without_street(near) for near in typed]
    if places != [" ".join(near.split()) for near in typed]:
        changed.setlist("near", [place for place in places if place])
    words = " ".join(query.get("q", "").split())
    tidied = NEAR_ME_RE.sub("", words)
    if tidied and not any(near.strip() for near in changed.getlist("near")):
        moved = _place_after_words(tidied)
        if moved:
            tidied, changed["near"] = moved
    if tidied != words:
        changed["q"] = tidied
        if not tidied:
            del changed["q"]
    return changed.urlencode() if changed.urlencode() != query.urlencode() else None


def _place_after_words(words: str) -> tuple[str, str] | None:
    """(the words, the place) when the words end with "in", "near" or "around" a place named as typed (not a guess
    a typo away, not a language: "therapist in English")."""
    match = PLACE_AFTER_WORDS_RE.match(words)
    if not match or place_key(match["place"]) in _language_keys():
        return None
    place = geo.resolve(match["place"])
    if place is None or place.reading == geo.CLOSEST:
        return None
    return match["words"], match["place"]


def _language_keys() -> set[str]:
    return {place_key(term.name) for lang in ("en", "es") for term in Vocabulary.load(lang).terms["languages"]}


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
