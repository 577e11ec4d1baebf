"""Ways on from a search that found less than it could: the other places a typed name may mean, places that look
like one we could not find, and, when nothing matched, one-click changes that each say how many they would find
(a change that finds nobody is never offered) and filter counts as if the other filters were relaxed.

The counts of every change are taken in one statement: changes that keep the words and the place are counted in one
pass over their candidates (directory.search.statement.count_each), each such pass a one-row subquery of one SELECT,
its parameters renamed apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from django.db import connections
from django.utils.translation import gettext as _

from core.routers import read_alias
from directory.search import crisis, session, statement
from directory.search.criteria import RADIUS_CHOICES, SearchCriteria
from directory.search.engine import Counts, Outcome, run_search
from directory.search.results import _filter_name, search_url
from providers import geo
from providers.states import state_name
from providers.taxonomy import PLACE_FORMATS

PARAM_RE = re.compile(r"%\((\w+)\)s")
FILTERS_OFFERED = 3  # "Without the X filter" ways out, the most helpful first


@dataclass
class WayOut:
    text: str
    count: int
    query: str

    @property
    def url(self) -> str:
        return search_url(self.query)


@dataclass
class PlaceLink:
    label: str
    url: str


@dataclass
class Searched:
    """A search as run (`outcome`: with words of crisis, the helping search, whose words are not a filter) and as the
    family asked it (`shown`: the same results, links keeping their words so every page keeps the help)."""

    outcome: Outcome
    shown: Outcome
    crisis: crisis.Tier | None = None


def run(filterset) -> Searched:
    """The family's search; with words of crisis, the first helping search (crisis.helping) that finds someone,
    all of them counted in one statement first."""
    criteria = crisis.place_words_as_words(filterset.criteria())
    tier = crisis.assess(criteria.q)
    if tier is None:
        outcome = run_search(filterset.search(criteria))
        return Searched(outcome, outcome)
    tries = crisis.helping(criteria, tier)
    found = count_each(filterset, tries[:-1])
    chosen = next((search for search, n in zip(tries, found, strict=False) if n), tries[-1])
    outcome = run_search(filterset.search(chosen))
    shown = replace(outcome, criteria=replace(outcome.criteria, q=criteria.q))
    return Searched(outcome, shown, tier)


def place_links(criteria: SearchCriteria, labels) -> list[PlaceLink]:
    """The same search near each of the places named: one tap to the place the family meant."""
    return [PlaceLink(label, search_url(criteria.adjusted(near=label).query_string())) for label in labels]


def place_alternatives(criteria: SearchCriteria) -> list[PlaceLink]:
    """Other places the typed name may mean, largest first (none when the words named one place)."""
    return place_links(criteria, criteria.place.alternatives) if criteria.place else []


def place_suggestions(criteria: SearchCriteria) -> list[PlaceLink]:
    """Places that look like a place we could not find."""
    return place_links(criteria, geo.suggest(criteria.near)) if criteria.near_unresolved else []


def ways_out(outcome: Outcome, filterset) -> list[WayOut]:
    """One-click changes that would find someone, each with how many it finds, most helpful first: the nearest
    wider distance that finds someone, dropping one filter, telehealth, dropping the words, clearing the filters.
    A change that would find nobody is left out."""
    criteria, counts = outcome.criteria, outcome.counts
    wider = [
        (_("Within %(radius)s miles") % {"radius": r}, criteria.adjusted(radius=r))
        for r in RADIUS_CHOICES
        if r > criteria.radius
    ]
    wider_texts = {text for text, _change in wider}
    others = []
    formats = set(criteria.slugs("format"))
    if criteria.place and formats and formats <= set(PLACE_FORMATS):
        state = state_name(criteria.place.state)
        others.append(
            (_("Include telehealth in %(state)s") % {"state": state}, criteria.with_slug("format", "telehealth"))
        )
    if criteria.q:
        others.append((_("Without the words “%(words)s”") % {"words": criteria.q}, criteria.without("q")))
    if criteria.active_filters > 1:
        others.append((_("Clear all filters"), _unfiltered(criteria)))
    changes = (wider if criteria.has_distance else []) + others
    found = dict(zip((text for text, _ in changes), count_each(filterset, [c for _, c in changes]), strict=True))
    ways = [WayOut(text, found[text], c.query_string()) for text, c in changes if found[text]]
    nearest_wider = [way for way in ways if way.text in wider_texts][:1]
    # Dropping one filter was counted with the search itself.
    dropped = sorted(((n, param) for param, n in counts.without.items() if n), reverse=True)[:FILTERS_OFFERED]
    filters = [WayOut(_("Without the “%(filter)s” filter") % {"filter": _filter_name(param)}, n,
                      criteria.without(param).query_string())
               for n, param in dropped]  # fmt: skip
    return nearest_wider + filters + [way for way in ways if way.text not in wider_texts]


def _unfiltered(criteria: SearchCriteria) -> SearchCriteria:
    """The same words and place, every filter cleared (a new filter's default is no filter)."""
    return SearchCriteria(q=criteria.q, near=criteria.near, place=criteria.place, radius=criteria.radius,
                          sort=criteria.sort)  # fmt: skip


def relaxed_counts(outcome: Outcome, filterset) -> Counts:
    """With no results: what each filter option finds on its own, the other filters relaxed (the place and the
    words kept)."""
    search = filterset.search(_unfiltered(outcome.criteria))
    connection = connections[read_alias()]
    built = statement.build(search, connection, facets=True, with_total=True, offset=0, limit=0)
    return Counts(*built.parse(session.run(connection, built)))


def count_each(filterset, searches: list[SearchCriteria]) -> list[int]:
    """How many results each search finds, in one statement: searches reading the same candidates (the same words
    and place) are counted in one pass over them (statement.count_each), each such pass a one-row subquery."""
    if not searches:
        return []
    connection = connections[read_alias()]
    passes: dict[tuple, list[int]] = {}  # candidates key -> positions in `searches`
    for position, criteria in enumerate(searches):
        passes.setdefault(statement.candidates_key(criteria), []).append(position)
    parts, params, order = [], {}, []
    for i, positions in enumerate(passes.values()):
        built = statement.count_each([filterset.search(searches[p]) for p in positions], connection)
        sql = PARAM_RE.sub(lambda match, i=i: f"%(w{i}_{match[1]})s", built.sql)
        parts.append(f"({sql}) AS w{i}")
        params.update({f"w{i}_{key}": value for key, value in built.params.items()})
        order += positions
    row = session.run(connection, statement.Statement("SELECT * FROM " + ", ".join(parts), params))  # noqa: S608
    found = dict(zip(order, row, strict=True))
    return [int(found[position] or 0) for position in range(len(searches))]
