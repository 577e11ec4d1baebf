"""Running a search: criteria in, one page of results with its total and facet counts out.

Counts are the expensive part (they touch every matching row), and they do not depend on the page or the sort,
nor on the time of day. So they are kept in memory, per process, keyed by the database snapshot (which changes
with every commit, so a cached count is never out of date) and the search's filters: paging through results or
re-sorting them costs only the page query. The counts of the unfiltered directory, the same for everyone, have a
slot of their own. Inside a transaction (tests, or a view that has just written) nothing is cached: the snapshot
does not move with the transaction's own changes.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import datetime

from django.db import connections
from django.utils import timezone

from directory.routers import read_alias
from directory.search import sql
from directory.search.criteria import FACET_GROUPS, PER_PAGE, REMOTE_FORMATS, SearchCriteria
from providers.models import STALE_AFTER
from providers.taxonomy import vocabulary

# Entries of about 2 KB each; 0 turns the cache off (the benchmark measures both).
CACHE_SIZE = int(os.environ.get("SEARCH_COUNT_CACHE_SIZE", "512"))
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
    """A small thread-safe LRU, plus a slot for the unfiltered counts that is never evicted."""

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict = OrderedDict()
        self._unfiltered: tuple | None = None
        self._lock = threading.Lock()

    def get(self, key, unfiltered: bool):
        with self._lock:
            if unfiltered:
                return self._unfiltered[1] if self._unfiltered and self._unfiltered[0] == key else None
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key, value, unfiltered: bool):
        with self._lock:
            if unfiltered:
                self._unfiltered = (key, value)
                return
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._unfiltered = None


counts_cache = CountsCache(CACHE_SIZE)


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
    cacheable = counts_cache.size > 0 and not connection.in_atomic_block
    spec = make_spec(criteria, now)
    key = None
    counts = None
    if cacheable:
        key = (sql.snapshot(connection), counts_key(criteria))
        counts = counts_cache.get(key, criteria.is_unfiltered)
    if criteria.q:
        sql.configure(connection)

    offset = (criteria.page - 1) * PER_PAGE
    if counts is None:
        statement = sql.build(spec, facets=True, with_total=True, offset=offset, limit=PER_PAGE)
        row = sql.run(connection, statement)
        counts = _parse_counts(statement, row)
        if cacheable:
            counts_cache.put(key, counts, criteria.is_unfiltered)
        outcome = Outcome(criteria, counts.total, _rows(row[1]), counts)
    else:
        outcome = Outcome(criteria, counts.total, _page(connection, spec, offset), counts, from_cache=True)

    if not outcome.rows and outcome.total and criteria.page > outcome.pages:
        # A page past the end (an old link, a hand-edited URL): show the last page and say so.
        last = outcome.pages
        pages = "is only 1 page" if last == 1 else f"are only {last} pages"
        note = f"There {pages} of results, so here is the last one."
        outcome.criteria = replace(criteria, page=last, notes=(*criteria.notes, note))
        outcome.rows = _page(connection, replace(spec, criteria=outcome.criteria), (last - 1) * PER_PAGE)
    return outcome


def _page(connection, spec: Spec, offset: int):
    statement = sql.build(spec, facets=False, with_total=False, offset=offset, limit=PER_PAGE)
    return _rows(sql.run(connection, statement)[1])


def _rows(page) -> list[tuple[int, float | None, bool]]:
    return [(int(pid), miles, bool(remote)) for pid, miles, remote in page or []]


def _parse_counts(statement: sql.SearchSQL, row) -> Counts:
    values = iter(row[2:])
    options = {group.key: {term_id: next(values) for term_id, _ in group.options} for group in statement.groups}
    without = {group.key: next(values) for group in statement.active}
    return Counts(total=row[0], options=options, without=without)
