"""Running a search in PostgreSQL: criteria and the FilterSet's conditions in, one page of results with its total
and facet counts out. One engine: every rule is in the statement (directory.search.statement) and the FilterSet
(directory.search.filters).

Counting touches every matching row, so it is the expensive part; the whole directory's counts (no place, words
or filters: the same for everyone) are kept in the shared cache under the listings' change counter, which every
statement writing listings or offices advances (providers migration 0007). Other searches count every time.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

from django.core.cache import cache
from django.db import connections
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import ngettext

from core.routers import read_alias
from directory.search import order, session, statement
from directory.search.criteria import PER_PAGE, SearchCriteria, facet_group, facet_groups
from providers.models import STALE_AFTER
from providers.search_columns import listing_changes
from providers.taxonomy import REMOTE_FORMATS, vocabulary

# Adds an X-Search-Queries header (SQL statements per search page) for the benchmark; off in production.
DEBUG_QUERY_COUNT = os.environ.get("SEARCH_DEBUG_QUERY_COUNT", "") == "1"
WHOLE_DIRECTORY_SECONDS = 600  # the change counter keys it; the expiry only bounds a count cached mid-commit
# A nationwide search's page is walked from its order's index (order.index_page) while the walk stays short: about
# (offset + page) x listings / results index entries, estimated from the whole directory's counts. At 100,000
# listings, 16,000 results: walked 3 ms, sorted 14; 2,000 results: walked 11, sorted 2 (docs/performance.md).
WALK_ENTRIES = 600


@dataclass
class Search:
    """A search resolved for the statement: the criteria, the FilterSet's chosen conditions by parameter, and how
    to ask the FilterSet for any group's condition (an option counted on its own)."""

    criteria: SearchCriteria
    conditions: dict[str, Q]
    condition_of: Callable[[str, object, object], Q | None]
    stale_before: datetime = field(default_factory=lambda: timezone.now() - STALE_AFTER)

    @cached_property
    def remote_format_ids(self) -> list[int]:
        return vocabulary().ids("formats", REMOTE_FORMATS)

    @cached_property
    def options(self) -> dict[str, list]:
        """The terms each group offers, and counts (read once per group while the statement is built)."""
        terms, criteria = vocabulary(), self.criteria
        return {
            group.param: [term for term in terms.terms[group.field] if criteria.offers(group.param, term)]
            for group in facet_groups()
        }

    def condition(self, param: str, value) -> Q | None:
        return self.condition_of(param, value, self.criteria.place)


@dataclass
class Counts:
    total: int
    options: dict[str, dict[int, int]]  # param -> term id -> results if that option were (also) chosen
    without: dict[str, int]  # chosen param -> results if that filter were removed


@dataclass
class Outcome:
    criteria: SearchCriteria
    total: int
    rows: list[tuple[int, float | None, bool]]  # (provider id, miles to the nearest office, by telehealth here)
    counts: Counts

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))


def run_search(search: Search) -> Outcome:
    connection = connections[read_alias()]
    criteria = search.criteria
    offset = (criteria.page - 1) * PER_PAGE
    if criteria.is_unfiltered:
        counts = _whole_directory_counts(search, connection)
        outcome = Outcome(criteria, counts.total, _page(search, connection, offset), counts)
    else:
        # One statement: the candidates are read once, counted and paged.
        walk = _walks(search, connection, offset)
        built = statement.build(
            search, connection, facets=True, with_total=True, offset=offset, limit=PER_PAGE, walk=walk
        )
        row = session.run(connection, built)
        counts = Counts(*built.parse(row))
        outcome = Outcome(criteria, counts.total, _rows(row[1]), counts)

    if not outcome.rows and outcome.total and criteria.page > outcome.pages:
        # A page past the end (an old link, a hand-edited URL): show the last page and say so.
        last = outcome.pages
        note = ngettext(
            "There is only %(pages)s page of results, so here is the last one.",
            "There are only %(pages)s pages of results, so here is the last one.",
            last,
        ) % {"pages": last}
        outcome.criteria = replace(criteria, page=last, notes=(*criteria.notes, note))
        outcome.rows = _page(replace(search, criteria=outcome.criteria), connection, (last - 1) * PER_PAGE)
    return outcome


def matching_ids(search: Search) -> list[int]:
    """Every result's id, unordered."""
    connection = connections[read_alias()]
    built = statement.build(search, connection, facets=False, with_total=False, offset=0, limit=0, ids_only=True)
    return [pid for (pid,) in session.run(connection, built, fetch_all=True)]


def _whole_directory_counts(search: Search, connection) -> Counts:
    """The same for everyone: counted once per change to the listings (and kept outside transactions only, where
    the counter can be trusted)."""
    key = None if connection.in_atomic_block else f"search:whole-directory:{listing_changes(connection)}"
    counts = cache.get(key) if key else None
    if counts is None:
        built = statement.build(search, connection, facets=True, with_total=True, offset=0, limit=0)
        counts = Counts(*built.parse(session.run(connection, built)))
        if key:
            cache.set(key, counts, WHOLE_DIRECTORY_SECONDS)
    return counts


def _walks(search: Search, connection, offset: int) -> bool:
    """Whether the page is read by walking the order's index (WALK_ENTRIES): nationwide, without words, and with
    filters the whole directory's counts say leave many listings, each group's chosen options taken as their share
    of the directory, independently of the others. A wrong guess costs time, never results. Fees and a due month
    have no counts to go by, so with them the results are sorted."""
    criteria = search.criteria
    if criteria.q or criteria.place or not search.conditions:
        return False
    whole = _whole_directory_counts(replace(search, criteria=SearchCriteria(), conditions={}), connection)
    estimate = float(whole.total)
    for param in search.conditions:
        counts = whole.options.get(param)
        if not counts:  # fees, a due month
            return False
        group = facet_group(param)  # None: a yes/no filter, counted as its option 1
        ids = vocabulary().ids(group.field, criteria.slugs(param)) if group else [1]
        estimate *= sum(counts.get(i, 0) for i in ids) / max(whole.total, 1)
    return estimate > 0 and (offset + PER_PAGE) * whole.total <= WALK_ENTRIES * estimate


def _page(search: Search, connection, offset: int):
    criteria = search.criteria
    if criteria.is_unfiltered:
        built = statement.unfiltered_page(search, offset=offset)
    else:
        built = statement.build(search, connection, facets=False, with_total=False, offset=offset, limit=PER_PAGE)
    return _rows(session.run(connection, built)[1])


def _rows(page) -> list[tuple[int, float | None, bool]]:
    return [order.decode_row(value) for value in page or []]
