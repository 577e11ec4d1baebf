"""Running a search: criteria in, one page of results with its total and facet counts out.

Two engines give the same answers. Normally each worker's in-memory facet index (directory/search/facets.py),
current for the listings' change counter (advanced by every change to a published listing or an office), answers
the whole search: counts and page, PostgreSQL only telling which listings words find and how well they rank.
Otherwise (a few seconds after a change, while the index reloads; inside a transaction; SEARCH_FACET_INDEX=off)
the search runs in SQL (directory/search/sql.py), where counts are the expensive part: they touch every matching
row, and do not depend on the page or the sort. So there they are kept in memory, per process, keyed by the change
counter and the search's filters: paging or re-sorting costs only the page query. The counts of the unfiltered
directory, the same for everyone, have a slot of their own. The counter can move a moment before a change
commits, so a count computed in that moment could be kept under the new number: entries also expire after
CACHE_SECONDS, which bounds any such staleness. Inside a transaction (tests, or a view that has just written)
nothing is cached: the counter would not tell the transaction's own changes from a rolled-back one's.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime

import numpy as np
from django.db import connections
from django.utils import timezone

from directory.routers import read_alias
from directory.search import facets, snapshot, sql
from directory.search.criteria import FACET_GROUPS, PER_PAGE, REMOTE_FORMATS, SearchCriteria
from providers.models import STALE_AFTER
from providers.taxonomy import vocabulary

# Entries of about 2 KB each; 0 turns the cache off (the benchmark measures both).
CACHE_SIZE = int(os.environ.get("SEARCH_COUNT_CACHE_SIZE", "512"))
CACHE_SECONDS = float(os.environ.get("SEARCH_COUNT_CACHE_SECONDS", "300"))
# Facet counts from the in-memory index when it is current: "on" (reloaded in the background), "off" (always SQL),
# "always" (built afresh for every search from the request's own connection: for tests).
FACET_INDEX = os.environ.get("SEARCH_FACET_INDEX", "on")
# Adds an X-Search-Queries header (SQL statements per search page) for the benchmark; off in production.
DEBUG_QUERY_COUNT = os.environ.get("SEARCH_DEBUG_QUERY_COUNT", "") == "1"


@dataclass
class Spec:
    """The criteria resolved to vocabulary ids: what the SQL builder needs."""

    criteria: SearchCriteria
    stale_before: datetime
    facet_groups: tuple = FACET_GROUPS
    selected_ids: dict[str, list[int]] = field(default_factory=dict)  # provider field -> selected term ids
    option_ids: dict[str, list[int]] = field(default_factory=dict)  # provider field -> every term id, page order
    remote_format_ids: list[int] = field(default_factory=list)


@dataclass
class Counts:
    total: int
    options: dict[str, dict[int, int]]  # param -> term id -> results if that option were (also) chosen
    without: dict[str, int]  # active param -> results if that filter were removed


@dataclass
class Outcome:
    criteria: SearchCriteria
    total: int
    rows: list[tuple[int, float | None, bool]]  # (provider id, miles to the nearest office, by telehealth here)
    counts: Counts
    from_cache: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))


class CountsCache:
    """A small thread-safe LRU with expiry, plus a slot for the unfiltered counts that other searches never push out."""

    def __init__(self, size: int, seconds: float):
        self.size = size
        self.seconds = seconds
        self._entries: OrderedDict = OrderedDict()  # key -> (stored at, value)
        self._unfiltered: tuple | None = None  # (key, stored at, value)
        self._lock = threading.Lock()

    def get(self, key, unfiltered: bool):
        fresh_after = time.monotonic() - self.seconds
        with self._lock:
            if unfiltered:
                found = self._unfiltered
                return found[2] if found and found[0] == key and found[1] > fresh_after else None
            stored = self._entries.get(key)
            if stored is None or stored[0] <= fresh_after:
                return None
            self._entries.move_to_end(key)
            return stored[1]

    def put(self, key, value, unfiltered: bool):
        with self._lock:
            if unfiltered:
                self._unfiltered = (key, time.monotonic(), value)
                return
            self._entries[key] = (time.monotonic(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._unfiltered = None


counts_cache = CountsCache(CACHE_SIZE, CACHE_SECONDS)


def make_spec(criteria: SearchCriteria, now=None) -> Spec:
    terms = vocabulary()
    return Spec(
        criteria=criteria,
        stale_before=(now or timezone.now()) - STALE_AFTER,
        selected_ids={g.field: terms.ids(g.field, criteria.slugs(g.param)) for g in FACET_GROUPS},
        option_ids={g.field: [t.id for t in terms.terms[g.field]] for g in FACET_GROUPS},
        remote_format_ids=terms.ids("formats", REMOTE_FORMATS),
    )


def counts_key(criteria: SearchCriteria):
    place = criteria.place
    return (
        criteria.q,
        (place.latitude, place.longitude, place.state, criteria.radius) if place else None,
        tuple(sorted((param, tuple(sorted(slugs))) for param, slugs in criteria.selected.items())),
        criteria.accepting,
        criteria.free_consult,
        criteria.max_fee,
    )


def run_search(criteria: SearchCriteria, now=None) -> Outcome:
    connection = connections[read_alias()]
    connection.ensure_connection()
    # Inside a transaction (tests, or a view that has just written) the change counter cannot be trusted: nothing is
    # cached and the search runs in SQL.
    version = None if connection.in_atomic_block else sql.changes(connection)
    spec = make_spec(criteria, now)
    if criteria.q:
        sql.configure(connection)
    offset = (criteria.page - 1) * PER_PAGE

    index = facet_index(connection, version)
    if index is not None:  # current: it answers the whole search
        counts, rows = _search_in_memory(index, connection, spec, offset)
        outcome = Outcome(criteria, counts.total, rows, counts)
    else:
        outcome = _search_in_sql(connection, spec, version, offset)

    if not outcome.rows and outcome.total and criteria.page > outcome.pages:
        # A page past the end (an old link, a hand-edited URL): show the last page and say so.
        last = outcome.pages
        pages = "is only 1 page" if last == 1 else f"are only {last} pages"
        note = f"There {pages} of results, so here is the last one."
        outcome.criteria = replace(criteria, page=last, notes=(*criteria.notes, note))
        outcome.rows = _page(connection, replace(spec, criteria=outcome.criteria), (last - 1) * PER_PAGE)
    return outcome


def facet_index(connection, version: int | None):
    """The in-memory facet index to count with, or None to count in SQL (directory/search/facets.py)."""
    if FACET_INDEX == "always":  # tests: built now, from this connection, inside its transaction
        return facets.FacetIndex.load(connection, version or 0)
    if FACET_INDEX == "off" or version is None:
        return None
    return snapshot.current.fresh(version)


def _search_in_memory(index: facets.FacetIndex, connection, spec: Spec, offset: int) -> tuple[Counts, list]:
    """The counts and the page from the facet index. Words need PostgreSQL: which listings they find, and how well
    each ranks (`sql.word_matches`): all of them for words alone, else only the results, once known."""
    criteria = spec.criteria
    near_place = criteria.place is not None
    ranked = bool(criteria.q) and criteria.effective_sort() == "relevance"
    word_ids = relevance = None
    if criteria.q:
        found = sql.run(connection, sql.word_matches(spec, ranked and criteria.is_words_only))
        word_ids, scores = facets.word_relevance(*found, near_place=near_place)
        relevance = (word_ids, scores)
    miles = index.near(criteria.place, criteria.radius) if near_place else None
    in_range = np.packbits(~np.isnan(miles)) if miles is not None else None
    candidates = index.candidates(spec, in_range, word_ids)
    total, options, without, results = index.counts(spec, candidates, in_range)
    if ranked and not criteria.is_words_only:
        among = index.members(results).tolist()
        relevance = facets.word_relevance(*sql.run(connection, sql.word_matches(spec, True, among)), near_place)
    counts = Counts(total=total, options=options, without=without)
    return counts, index.page(spec, results, miles, offset, PER_PAGE, relevance if ranked else None)


def _search_in_sql(connection, spec: Spec, version: int | None, offset: int) -> Outcome:
    """The search in PostgreSQL: the counts (cached per process by version) and the page."""
    criteria = spec.criteria
    cacheable = counts_cache.size > 0 and version is not None
    key = (version, counts_key(criteria)) if cacheable else None
    counts = counts_cache.get(key, criteria.is_unfiltered) if cacheable else None
    if counts is not None:
        return Outcome(criteria, counts.total, _page(connection, spec, offset), counts, from_cache=True)
    # The whole directory's page, and a words-only search's, come from their own queries: count without one.
    own_page = criteria.is_unfiltered or criteria.is_words_only
    statement = sql.build(spec, facets=True, with_total=True, offset=offset, limit=0 if own_page else PER_PAGE)
    row = sql.run(connection, statement)
    counts = _parse_counts(statement, row)
    if cacheable:
        counts_cache.put(key, counts, criteria.is_unfiltered)
    rows = _page(connection, spec, offset) if own_page else _rows(row[1])
    return Outcome(criteria, counts.total, rows, counts)


def _page(connection, spec: Spec, offset: int):
    if spec.criteria.is_unfiltered:
        statement = sql.unfiltered_page(spec, offset=offset, limit=PER_PAGE)
    elif spec.criteria.is_words_only:
        statement = sql.words_page(spec, offset=offset, limit=PER_PAGE)
    else:
        statement = sql.build(spec, facets=False, with_total=False, offset=offset, limit=PER_PAGE)
    return _rows(sql.run(connection, statement)[1])


def _rows(page) -> list[tuple[int, float | None, bool]]:
    return [(int(pid), miles, bool(remote)) for pid, miles, remote in page or []]


def _parse_counts(statement: sql.SearchSQL, row) -> Counts:
    total, options, without = statement.parse(row)
    return Counts(total=total, options=options, without=without)
