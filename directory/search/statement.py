"""The search's SQL: one statement answers a search (the page of provider ids in order, the total and, when asked,
every facet count), read straight from published rows of providers_provider (no copies; see docs/search.md).

The shape, built from fixed fragments (user input only ever travels as parameters):

    near      offices in range (directory.search.near): within the radius of a point, or in a state  [a place]
    names     names within trigram word-similarity of the words (typos), through the trigram index [words]
    matched   documents matching websearch_to_tsquery (english_unaccent or simple) through the GIN index,
              ranked by ts_rank over the small A/B-weight document, plus the names                 [words]
    c         the candidates: published listings with an office near ∪ those licensed in the place's state
              that offer telehealth or phone; or the matched listings; or every published listing
    counts    one pass over c computing, per row, which chosen filter groups it passes; rows failing at most
              one feed the option counts: disjunctive within a group (a row failing only group g still counts
              for g's options), conjunctive across groups
    page      the rows failing none, ordered (stale listings last, whatever the sort; directory.search.order),
              sliced: counting, an ordered aggregate over the same pass, or nationwide with filters that leave many
              listings, read from the order's index (order.index_page); alone, ORDER BY ... LIMIT/OFFSET

The groups' conditions are the FilterSet's own (directory.search.filters), compiled by Django against c, which
the outer query names `providers_provider` so the compiled column references read c's columns. An option is
counted with its group's own condition for that one option; the options of a vocabulary are counted all at once by
summing its tallies (`term_tallies`, providers.search_columns), which is the same test done faster.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.sql import Query

from directory.search import near
from directory.search.criteria import PER_PAGE, facet_groups
from directory.search.order import ORDER_COLUMNS, PAGE_ROW, index_page, order_by
from providers.models import Provider
from providers.search_columns import SEARCH_ROW, TALLIES, tally_counts, tally_positions

WORD_SIMILARITY = 0.5  # "Whitfeld" ~ "Whitfield" is 0.58; unrelated words score near 0
PUBLISHED = "p.status = 'published'"

# The words once, as a one-row subquery "query": q, stemmed (english_unaccent) or-ed with exact (simple: names are
# not stemmed in the document) unless the two are the same; nq, the accent-free lower-case words for names.
QUERY = """(SELECT CASE WHEN en = exact THEN en ELSE en || exact END AS q, nq FROM (
        SELECT websearch_to_tsquery('english_unaccent', %(q)s) AS en,
               websearch_to_tsquery('simple', providers_unaccent(%(q)s)) AS exact,
               lower(providers_unaccent(%(q)s)) AS nq) words) query"""
# Names within trigram word-similarity of the words, through the trigram index: a handful of rows, each with a
# boost of up to 1.2 so "Whitfeld" still puts Whitfield first.
NAMES = f"""names AS MATERIALIZED (
    SELECT p.id, p.name_key, p.availability_confirmed_at,
           2 * greatest(word_similarity(query.nq, p.name_key) - 0.4, 0) AS boost
    FROM providers_provider p, {QUERY} WHERE {PUBLISHED} AND p.name_key %%> query.nq
)"""  # noqa: S608
# Relevance by weighted frequency over the small document (A: name, concerns; B: headline, types, cities). The full
# document (with the bio, weight C) only decides what matches, through its GIN index.
RANK = "ts_rank(p.rank_document, query.q)"


def _columns(facets: bool) -> str:
    """What every candidate row carries: the listing's own columns the filters and the order read (and, to count
    facets, the vocabularies' tallies), besides how it relates to the family's place."""
    names = ["id", *SEARCH_ROW, *(group.field for group in facet_groups())]
    if facets:
        names.append(TALLIES)
    return ", ".join(f"p.{name}" for name in names)


def _any_of(column: str, ids: list[int], params: dict) -> str:
    """SQL: the listing's id array `column` holds any of `ids` (as filters.has_any_term, for the candidates). Called
    as the function behind `&&`, which no index serves: a place's telehealth listings are found by their licensed
    state, and with the operator the planner ANDed that small bitmap with the formats' (80% of listings, 8 ms)."""
    return _named(f"arrayoverlap({column}, %s::smallint[])", [list(ids)], params)


def _named(text: str, values, params: dict) -> str:
    """`text` with its %s placeholders as named parameters added to `params` (the statement's are all named)."""
    parts = text.split("%s")
    out = parts[0]
    for value, part in zip(values, parts[1:], strict=True):
        key = f"c{len(params)}"
        params[key] = value
        out += f"%({key})s{part}"
    return out


@functools.cache
def _tally_positions() -> dict[str, int]:
    """Each tallied vocabulary's place in the tallies column (a vocabulary declared without one is counted option by
    option)."""
    return tally_positions(Provider._meta.get_field(TALLIES))


@dataclass
class Group:
    """A filter group in SQL: its pass condition over c, and how its options are counted: a condition per option
    (`count(*) FILTER`), or all at once by summing the vocabulary's tallies (`term_tallies[k]`)."""

    key: str  # the GET parameter
    passes: str | None  # None when nothing in the group is chosen
    options: list[tuple[int, str]] = field(default_factory=list)  # (term id, condition) in page order
    tally: int | None = None  # the vocabulary's place in the tallies column

    def aggregates(self, ok: str, flags: list[str] | None = None) -> list[str]:
        """Counting over rows where `ok`; `flags`: columns holding each option's condition, computed before (build)."""
        if self.tally:
            return [f"sum({TALLIES}[{self.tally}]) FILTER (WHERE {ok})"] if self.options else []
        conditions = flags or [condition for _, condition in self.options]
        return [f"count(*) FILTER (WHERE {ok} AND {condition})" for condition in conditions]

    def decode(self, values: list) -> dict[int, int]:
        if self.tally:
            return tally_counts(values[0] if values else 0, [i for i, _ in self.options])
        return {i: int(value) for (i, _), value in zip(self.options, values, strict=True)}


@dataclass
class Statement:
    sql: str
    params: dict
    groups: list[Group] = field(default_factory=list)  # in the order their counts appear in the result row
    active: list[Group] = field(default_factory=list)  # chosen groups, in the order of their "without" counts

    def parse(self, row) -> tuple[int, dict[str, dict[int, int]], dict[str, int]]:
        """(total, term id counts per group key, "without this filter" counts) from a counting row."""
        values = list(row[2:])
        options = {}
        for group in self.groups:
            width = len(group.aggregates("true"))
            options[group.key] = group.decode(values[:width])
            values = values[width:]
        without = {group.key: int(value) for group, value in zip(self.active, values, strict=True)}
        return int(row[0]), options, without


class Compiler:
    """Turns the FilterSet's Q conditions into SQL over c (named providers_provider), with named parameters."""

    def __init__(self, connection, params: dict):
        self.connection = connection
        self.params = params
        self.query = Query(Provider, alias_cols=True)
        self.compiler = self.query.get_compiler(connection=connection)

    def sql(self, condition: Q) -> str:
        return _named(*self.query.build_where(condition).as_sql(self.compiler, self.connection), self.params)


def build(
    search,
    connection,
    *,
    facets: bool,
    with_total: bool,
    offset: int,
    limit: int,
    ids_only: bool = False,
    walk: bool = False,
) -> Statement:
    """The statement for one search (`search`: a directory.search.engine.Search); `ids_only`: every result's id,
    unordered (the FilterSet's queryset); `walk`: a nationwide search's page is read from its order's index
    (index_page), for filters that leave many listings (the engine decides), rather than by sorting every result."""
    criteria = search.criteria
    params = {"stale_before": search.stale_before, "limit": limit, "offset": offset}
    ctes = _candidates(search, params, facets=facets, ranked=criteria.effective_sort() == "relevance" and bool(limit))
    groups = _groups(search, Compiler(connection, params))
    active = [g for g in groups if g.passes]
    passes_all = _passes(active)
    all_pass = _all_of([g.passes for g in active])
    source = "c AS providers_provider"
    order = order_by(criteria)
    page = (
        f"ARRAY(SELECT {PAGE_ROW} FROM "  # noqa: S608
        f"{source} WHERE {all_pass} ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s)"
        if limit
        else "'{}'::int8[]"
    )
    # Counting, the page is an ordered aggregate over the same rows (its slice), so the candidates are read once.
    row = PAGE_ROW
    page_of_all = f"(array_agg({row} ORDER BY {order}))[%(offset)s + 1 : %(offset)s + %(limit)s]" if limit else page
    if not limit:
        page_of_passing = page
    elif walk:  # read from the order's index instead (nationwide, no words: the engine decides)
        assert not (criteria.q or criteria.place), "only nationwide listings without words are read in index order"
        page_of_passing = index_page(criteria, all_pass)
    else:
        page_of_passing = (
            f"(array_agg({row} ORDER BY {order}) FILTER (WHERE {passes_all}))[%(offset)s + 1 : %(offset)s + %(limit)s]"
        )
    if ids_only:
        select = f"SELECT id FROM {source} WHERE {all_pass}"  # noqa: S608
    elif facets and not active:
        # Nothing chosen: every row counts for every option, a plain aggregate the planner can run in parallel.
        counts = [aggregate for group in groups for aggregate in group.aggregates("true")]
        select = f"SELECT count(*), {page_of_all},\n       {', '.join(counts)}\nFROM {source}"  # noqa: S608
    elif facets:
        # Which chosen groups a row fails, as the bits of one integer computed once per row (OFFSET 0 keeps
        # PostgreSQL from inlining the conditions into every FILTER). None: a result. Only bit i: it still counts
        # for group i's options (disjunctive within a group). Two or more: left out. One integer behind one fence
        # rather than flags behind three: ~10% less at 100k. Each option counted by its own condition is a flag
        # computed there too, so the id arrays stay behind: 7% less nationwide (docs/performance.md).
        passed = " | ".join(f"(coalesce({g.passes}, false)::int << {i})" for i, g in enumerate(active))
        full = (1 << len(active)) - 1
        flags, counts = [], []
        for group in groups:
            names = None
            if not group.tally:
                names = [f"option_{len(flags) + k}" for k in range(len(group.options))]
                flags += [f"{condition} AS {name}" for name, (_, condition) in zip(names, group.options, strict=True)]
            counts += group.aggregates(_passes(active, but=group) if group.passes else passes_all, names)
        counts += [f"count(*) FILTER (WHERE {_passes(active, but=group)})" for group in active]
        kept = [f"providers_provider.{name}" for name in (*ORDER_COLUMNS, TALLIES)]
        select = f"""SELECT count(*) FILTER (WHERE {passes_all}), {page_of_passing},
       {", ".join(counts)}
FROM (
    SELECT {", ".join(kept + flags)}, {full} # ({passed}) AS failed
    FROM {source} OFFSET 0
) providers_provider WHERE failed & (failed - 1) = 0"""  # noqa: S608
    elif with_total:
        select = f"SELECT count(*), {page} FROM {source} WHERE {all_pass}"  # noqa: S608
    else:
        select = f"SELECT NULL::bigint, {page}"  # noqa: S608
    return Statement("WITH " + ",\n".join(ctes) + "\n" + select, params, groups, active)


def _candidates(search, params: dict, *, facets: bool, ranked: bool) -> list[str]:
    """The statement's common table expressions, ending with the candidates `c` (module docstring); `ranked`: rows
    carry their relevance (counting alone needs none)."""
    criteria = search.criteria
    ctes = []
    joins, where, rank = "", [], "0::float4"
    if criteria.q:
        params["q"] = criteria.q
        ctes.append(NAMES)
    if criteria.q and criteria.place:
        # Near a place the candidates are few: match their documents by key.
        joins = f" CROSS JOIN {QUERY} LEFT JOIN names ON names.id = p.id"
        where.append("(p.rank_document @@ query.q OR p.search_document @@ query.q OR names.id IS NOT NULL)")
        rank = f"{RANK} + coalesce(names.boost, 0)" if ranked else "0::float4"

    columns = _columns(facets)

    def rows(source, miles, licensed, conditions, published_by_source=False):
        conditions = [*([] if published_by_source else [PUBLISHED]), *conditions, *where]
        return f"""SELECT {columns},
           {miles} AS miles, {licensed} AS licensed_here,
           {licensed} AND {offers_remote} AS remote_here, {rank} AS rank
    FROM {source}{joins}
    WHERE {" AND ".join(conditions) or "true"}"""  # noqa: S608

    offers_remote = _any_of("p.formats", search.remote_format_ids, params)
    if criteria.place:
        params.update(near.params(criteria))
        ctes.append(near.offices_cte(criteria.place))
        # Offices in range, then listings licensed here for telehealth or phone that have none in range: each
        # listing row is read once, by key or from the licensed-states index. "None in range" as NOT IN: a hashed
        # set of the ids in range, tested as the licensed rows are read, where NOT EXISTS sorted those wide rows
        # for a merge anti-join (the same rows, as an office's provider_id is never NULL; a whole state 6% less).
        listings, published = near.listings_in_range(criteria.place, words=bool(criteria.q))
        in_range = rows(listings, "n.miles", near.LICENSED_HERE, [], published_by_source=published)
        remote_only = [near.LICENSED_HERE, offers_remote, "p.id NOT IN (SELECT provider_id FROM near)"]
        candidates = "\n    UNION ALL\n    ".join(
            [in_range, rows("providers_provider p", "NULL::float8", "true", remote_only)]
        )
    elif criteria.q:
        candidates = _matched(columns, RANK if ranked else "0::float4")
    else:
        candidates = rows("providers_provider p", "NULL::float8", "false", [])
    # Read once: counted and paged in the same pass (or paged alone, the filters reaching into it).
    ctes.append(f"c AS NOT MATERIALIZED (\n    {candidates}\n)")
    return ctes


def candidates_key(criteria) -> tuple:
    """What decides a search's candidates: searches with the same key read the same rows (count_each)."""
    place = criteria.place
    if place is None:
        return criteria.q, None
    return criteria.q, (place.latitude, place.longitude, place.state, place.statewide, criteria.radius)


def count_each(searches, connection) -> Statement:
    """How many results each search finds (`searches`: directory.search.engine.Search, sharing one candidates_key),
    in one pass over their candidates: a count with each search's chosen conditions."""
    params = {"stale_before": searches[0].stale_before, "limit": 0, "offset": 0}
    ctes = _candidates(searches[0], params, facets=False, ranked=False)
    compiler = Compiler(connection, params)
    counts = []
    for search in searches:
        chosen = [compiler.sql(condition) for condition in search.conditions.values() if condition is not None]
        counts.append(f"count(*) FILTER (WHERE {_all_of(chosen)})")
    select = f"SELECT {', '.join(counts)} FROM c AS providers_provider"  # noqa: S608
    return Statement("WITH " + ",\n".join(ctes) + "\n" + select, params)


def _all_of(conditions: list[str]) -> str:
    """SQL: a row passes every chosen group's condition (true when none is chosen)."""
    return " AND ".join(f"({condition})" for condition in conditions) or "true"


def _passes(active: list[Group], but: Group | None = None) -> str:
    """SQL over the counting rows' `failed` bits (build): the row passes every chosen group, or every one but `but`."""
    return "failed = 0" if but is None else f"failed & ~{1 << active.index(but)} = 0"


def _matched(columns: str, rank: str) -> str:
    """Nationwide, the words drive: listings whose document matches them (through the GIN index; the row is read
    there once), and those whose name is close to them, with their boost. Kept apart rather than joined: the
    planner, which has no statistics on the documents, would hash tens of thousands of matches to join a few names."""
    place_columns = "NULL::float8 AS miles, false AS licensed_here, false AS remote_here"
    return f"""SELECT {columns}, {place_columns}, {rank} AS rank
    FROM providers_provider p, {QUERY}
    WHERE {PUBLISHED} AND p.search_document @@ query.q AND NOT EXISTS (SELECT 1 FROM names WHERE names.id = p.id)
    UNION ALL
    SELECT {columns}, {place_columns}, n.boost + CASE WHEN p.search_document @@ query.q THEN {rank} ELSE 0 END
    FROM names n JOIN providers_provider p ON p.id = n.id, {QUERY}"""  # noqa: S608


def _groups(search, compiler: Compiler) -> list[Group]:
    """Every filter group with its pass condition (when chosen) and its options' counting, from the FilterSet."""
    criteria = search.criteria
    groups = []
    for term_field in facet_groups():
        param, column = term_field.param, term_field.field
        condition = search.conditions.get(param)
        passes = compiler.sql(condition) if condition is not None else None
        terms = search.options[param]
        tally = _tally_positions().get(column)
        if tally and not (column == "formats" and criteria.place):
            groups.append(Group(param, passes, [(term.id, "") for term in terms], tally=tally))
        else:  # each option with the group's own condition for it alone (formats near a place follow its rule)
            options = [(term.id, compiler.sql(search.condition(param, (term.slug,)))) for term in terms]
            groups.append(Group(param, passes, options))
    for toggle in ("accepting", "free_consult"):
        condition = search.condition(toggle, True)
        chosen = search.conditions.get(toggle)
        groups.append(Group(toggle, compiler.sql(chosen) if chosen else None, [(1, compiler.sql(condition))]))
    fee = search.conditions.get("max_fee")
    groups.append(Group("max_fee", compiler.sql(fee) if fee is not None else None, []))
    due = search.conditions.get("due")
    groups.append(Group("due", compiler.sql(due) if due is not None else None, []))
    return groups


def unfiltered_page(search, *, offset: int, limit: int = PER_PAGE) -> Statement:
    """A page of the whole directory (no place, words or filters), read in the order of its partial indexes."""
    sql = f"SELECT NULL::bigint, {index_page(search.criteria)}"
    return Statement(sql, {"stale_before": search.stale_before, "offset": offset, "limit": limit})
