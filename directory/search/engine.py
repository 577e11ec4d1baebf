"""Running a search: criteria in, one page of results with its total and facet counts out.

Counts are the expensive part (they touch every matching row), and they do not depend on the page or the sort,
nor on the time of day. So they are kept in memory, per process, keyed by the listings' change counter (advanced
by every change to a published listing or an office) and the search's filters: paging through results or
re-sorting them costs only the page query. The counts of the unfiltered directory, the same for everyone, have a
slot of their own. The counter can move a moment before a change commits, so a count computed in that moment
could be kept under the new number: entries also expire after CACHE_SECONDS, which bounds any such staleness.
Inside a transaction (tests, or a view that has just written) nothing is cached: the counter would not tell the
transaction's own changes from a rolled-back one's.
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
from directory.search import facets, sql
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
    # cached and the counts come from SQL.
    version = None if connection.in_atomic_block else sql.changes(connection)
    cacheable = counts_cache.size > 0 and version is not None
    spec = make_spec(criteria, now)
    key = (version, counts_key(criteria)) if cacheable else None
    counts = counts_cache.get(key, criteria.is_unfiltered) if cacheable else None
    from_cache = counts is not None
    rows = None
    if criteria.q:
        sql.configure(connection)

    offset = (criteria.page - 1) * PER_PAGE
    # Without words the facet index answers the whole search (counts and page); with words it counts, once.
    index = facet_index(connection, version) if counts is None or not criteria.q else None
    if index is not None:
        counts, rows = _search_in_memory(index, connection, spec, offset)
        if cacheable and not from_cache:
            counts_cache.put(key, counts, criteria.is_unfiltered)
        from_cache = False
    if counts is not None:
        rows = rows if rows is not None else _page(connection, spec, offset)
        outcome = Outcome(criteria, counts.total, rows, counts, from_cache=from_cache)
    else:
        # The whole directory's page, and a words-only search's, come from their own queries: count without one.
        own_page = criteria.is_unfiltered or criteria.is_words_only
        limit = 0 if own_page else PER_PAGE
        statement = sql.build(spec, facets=True, with_total=True, offset=offset, limit=limit)
        row = sql.run(connection, statement)
        counts = _parse_counts(statement, row)
        if cacheable:
            counts_cache.put(key, counts, criteria.is_unfiltered)
        rows = _page(connection, spec, offset) if own_page else _rows(row[1])
        outcome = Outcome(criteria, counts.total, rows, counts)

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
    return facets.snapshot.fresh(version)


def _search_in_memory(index: facets.FacetIndex, connection, spec: Spec, offset: int) -> tuple[Counts, list | None]:
    """The counts from the facet index, and the page too except for words alone (None: `sql.words_page`, which
    ranks within the text index, gives it). Words need PostgreSQL: which listings match them, and, to order a
    page by relevance, how well the results do."""
    criteria = spec.criteria
    word_ids = facets.unpack_ids(sql.run(connection, sql.word_matches(spec))[0]) if criteria.q else None
    miles = index.near(criteria.place, criteria.radius) if criteria.place else None
    in_range = np.packbits(~np.isnan(miles)) if miles is not None else None
    candidates = index.candidates(spec, in_range, word_ids)
    total, options, without, results = index.counts(spec, candidates, in_range)
    counts = Counts(total=total, options=options, without=without)
    if criteria.is_words_only:
        return counts, None
    relevance = None
    if criteria.q and criteria.effective_sort() == "relevance":
        found = sql.run(connection, sql.ranks(spec, index.members(results).tolist()))[0]
        relevance = facets.unpack_ranks(found)
    return counts, index.page(spec, results, miles, offset, PER_PAGE, relevance)


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
