"""All of the search page's SQL, in one place.

One statement answers a search: the page of provider ids (in order), the total, and, when asked, every facet
count. (The whole directory's pages and a words-only search's pages have shortcut statements of their own:
unfiltered_page, words_page.) It reads the narrow read model kept by triggers (directory/migrations/0002-0009):
`directory_listing` (published listings only, with packed facet words), `directory_listing_text` (full-text
document for matching, small A/B-weight document for ranking, accent-free name, confirmation date) and the
offices' (latitude, longitude) btree.

The shape, built from fixed fragments (user input only ever travels as parameters):

    near      offices in the bounding box, exact haversine <= radius, nearest office per provider   [a place]
    names     names within trigram word-similarity of the words (typos), through the trigram index [words]
    matched   documents matching websearch_to_tsquery (english_unaccent or simple), ranked by ts_rank
              over the small A/B-weight document, plus the names                                   [words]
    c         the candidates: listings with an office near ∪ listings licensed in the place's state that
              offer telehealth or phone; or the matched listings; or every listing
    counts    one pass over c computing, per row, which filter groups it fails; rows failing at most one
              group feed `sum(words[k]) FILTER (...)` (three options per packed word) and `count(*) FILTER`:
              disjunctive within a group (a row failing only group g still counts for g's options),
              conjunctive across groups
    page      the rows failing none, ordered (stale listings last, whatever the sort), LIMIT/OFFSET

Facet option ids and format ids come from the vocabulary (database integers, not request data) and are inlined
as integers so the facet list reads plainly in EXPLAIN; everything from the request is a bound parameter.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from directory.search.words import NAMES, QUERY, RANK, matched
from providers.geo import EARTH_RADIUS_MILES, bounding_box

WORD_SIMILARITY = 0.5  # "Whitfeld" ~ "Whitfield" is 0.58; unrelated words score near 0

# Connections that already have our trigram threshold (a session setting, so once per connection).
_configured = weakref.WeakSet()

HAVERSINE = (
    f"2 * {EARTH_RADIUS_MILES} * asin(least(1, sqrt("
    "power(sin(radians(o.latitude - %(lat)s) / 2), 2)"
    " + cos(radians(%(lat)s)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - %(lon)s) / 2), 2))))"
)

# Fixed fragments; request values only ever travel as %(name)s parameters.
NEAR = f"""near AS (
    SELECT provider_id, min(miles) AS miles FROM (
        SELECT o.provider_id, {HAVERSINE} AS miles
        FROM providers_office o
        WHERE o.latitude BETWEEN %(min_lat)s AND %(max_lat)s AND o.longitude BETWEEN %(min_lon)s AND %(max_lon)s
    ) d
    WHERE miles <= %(radius)s
    GROUP BY provider_id
)"""  # noqa: S608

# What every candidate row carries: the listing's own columns, and how it relates to the family's place.
COLUMNS = """l.provider_id, l.name_key, l.accepting, l.free_consultation, l.fee_min, l.confirmed_at,
           l.types, l.concerns, l.modalities, l.languages, l.payments, l.practices, l.formats"""
PACKED_COLUMNS = "l.types_w, l.concerns_w, l.modalities_w, l.languages_w, l.payments_w, l.practices_w"
IN_STATE = "l.licensed_states @> ARRAY[%(state)s]::varchar(2)[]"

# Groups whose options are counted from packed words (formats depend on the place, so they are counted directly).
PACKED = ("types", "concerns", "modalities", "languages", "payments", "practices")

STALE = "(confirmed_at IS NULL OR confirmed_at < %(stale_before)s)"


LANE_BITS = 21  # packed facet words: three options per int8, exact up to 2,097,151 listings
LANE_MASK = (1 << LANE_BITS) - 1


@dataclass
class Group:
    """A filter group in SQL: its pass condition over c's columns, and how its options are counted: one
    `count(*) FILTER` per option (conditions), or by summing the packed words `words[k]` (3 options each)."""

    key: str  # the GET parameter
    passes: str | None  # None when nothing in the group is selected
    options: list[tuple[int, str]] = field(default_factory=list)  # (term id, condition)
    words: str | None = None  # the packed column, e.g. "concerns_w"

    def aggregates(self, ok: str) -> list[str]:
        if self.words:
            count = (max(i for i, _ in self.options) - 1) // 3 + 1 if self.options else 0
            return [f"sum({self.words}[{k}]) FILTER (WHERE {ok})" for k in range(1, count + 1)]
        return [f"count(*) FILTER (WHERE {ok} AND {condition})" for _, condition in self.options]

    def decode(self, values: list) -> dict[int, int]:
        if self.words:
            return {
                i: (int(values[(i - 1) // 3] or 0) >> (LANE_BITS * ((i - 1) % 3))) & LANE_MASK for i, _ in self.options
            }
        return {i: int(value) for (i, _), value in zip(self.options, values, strict=True)}


@dataclass
class SearchSQL:
    sql: str
    params: dict
    groups: list[Group]  # in the order their counts appear in the result row
    active: list[Group]  # groups with a selection, in the order of their "without this filter" counts

    def parse(self, row) -> tuple[int, dict[str, dict[int, int]], dict[str, int]]:
        """(total, term id counts per group key, "without this filter" counts) from a facets row."""
        values = list(row[2:])
        options = {}
        for group in self.groups:
            width = len(group.aggregates("true"))
            options[group.key] = group.decode(values[:width])
            values = values[width:]
        without = {group.key: int(value) for group, value in zip(self.active, values, strict=True)}
        return int(row[0]), options, without


def build(spec, *, facets: bool, with_total: bool, offset: int, limit: int) -> SearchSQL:
    """The statement for one search. `spec` is a directory.search.engine.Spec (criteria resolved to ids)."""
    criteria = spec.criteria
    params = {"stale_before": spec.stale_before, "limit": limit, "offset": offset}
    ctes = []
    joins, where, rank = "", [], "0::float4"
    if criteria.q:
        params["q"] = criteria.q
        ctes.append(NAMES)
        ranked = criteria.effective_sort() == "relevance"
    if criteria.q and criteria.place:
        # Near a place the candidates are few: read their documents by key and match them there.
        joins = (
            f" JOIN directory_listing_text t USING (provider_id) CROSS JOIN {QUERY} LEFT JOIN names USING (provider_id)"
        )
        where.append("(t.rank_document @@ query.q OR t.document @@ query.q OR names.provider_id IS NOT NULL)")
        rank = f"{RANK} + coalesce(names.boost, 0)" if ranked else "0::float4"
    elif criteria.q:
        # Nationwide the words drive: match (and rank) in the text index first, keep only ids and ranks.
        # No aggregation here: the planner then sees how many rows the words match and joins accordingly.
        ctes.append(f"matched AS MATERIALIZED ({matched(ranked, 't.provider_id')})")
        joins = " JOIN matched m USING (provider_id)"
        rank = "m.rank"

    columns = f"{COLUMNS}, {PACKED_COLUMNS}" if facets else COLUMNS  # the packed words only count facets

    def rows(source, miles, licensed, conditions):
        conditions = [*conditions, *where]
        return f"""SELECT {columns},
           {miles} AS miles, {licensed} AS licensed_here,
           {licensed} AND l.formats && %(remote_formats_all)s::smallint[] AS remote_here, {rank} AS rank
    FROM {source}{joins}
    {"WHERE " + " AND ".join(conditions) if conditions else ""}"""  # noqa: S608

    if criteria.place:
        params.update(_place_params(criteria), remote_formats=spec.remote_format_ids)
        ctes.append(NEAR)
        # Offices in range, then listings licensed here for telehealth or phone that have none in range: each
        # listing row is read once, by key or from the licensed-states index.
        in_range = rows("near n JOIN directory_listing l USING (provider_id)", "n.miles", IN_STATE, [])
        remote_only = [
            IN_STATE,
            "l.formats && %(remote_formats)s::smallint[]",
            "NOT EXISTS (SELECT 1 FROM near WHERE near.provider_id = l.provider_id)",
        ]
        candidates = "\n    UNION ALL\n    ".join(
            [in_range, rows("directory_listing l", "NULL::float8", "true", remote_only)]
        )
    else:
        candidates = rows("directory_listing l", "NULL::float8", "false", [])
    # Read twice (counted, then paged) and bounded by a place or words, the rows are kept aside; nationwide, scanning
    # the narrow table twice is cheaper. Read once (a page alone), the filters reach into it, so only the rows that
    # pass them are matched against the words and ranked.
    kept = (criteria.place or criteria.q) and limit and (facets or with_total)
    materialized = "MATERIALIZED" if kept else "NOT MATERIALIZED"
    ctes.append(f"c AS {materialized} (\n    {candidates}\n)")
    params["remote_formats_all"] = spec.remote_format_ids

    groups = _groups(spec, params)
    active = [g for g in groups if g.passes]
    all_pass = " AND ".join(f"({g.passes})" for g in active) or "true"
    page = (
        "ARRAY(SELECT json_build_array(provider_id, miles, remote_here) FROM c "  # noqa: S608
        f"WHERE {all_pass} ORDER BY {_order(spec)} LIMIT %(limit)s OFFSET %(offset)s)"
        if limit
        else "'{}'::json[]"  # the page comes from its own query
    )
    if facets and not active:
        # Nothing chosen: every row counts for every option, a plain aggregate the planner can run in parallel.
        counts = [aggregate for group in groups for aggregate in group.aggregates("true")]
        select = f"SELECT count(*), {page},\n       {', '.join(counts)}\nFROM c"  # noqa: S608
    elif facets:
        # Each group's pass flag is computed once per row (OFFSET 0 keeps PostgreSQL from inlining the
        # expressions into every FILTER); ok_i: the row passes every group but perhaps group i.
        flags = ", ".join(f"coalesce({g.passes}, false) AS p{i}" for i, g in enumerate(active))
        fails = " + ".join(f"(NOT p{i})::int" for i in range(len(active))) or "0"
        oks = ", ".join(f"(fails = 0 OR NOT p{i}) AS ok{i}" for i in range(len(active)))
        counts = []
        for group in groups:
            counts += group.aggregates(f"ok{active.index(group)}" if group.passes else "fails = 0")
        counts += [f"count(*) FILTER (WHERE ok{i})" for i in range(len(active))]
        select = f"""SELECT count(*) FILTER (WHERE fails = 0), {page},
       {", ".join(counts)}
FROM (
    SELECT flagged.*{", " + oks if oks else ""} FROM (
        SELECT flagged.*, {fails} AS fails FROM (
            SELECT c.*{", " + flags if flags else ""} FROM c OFFSET 0
        ) flagged OFFSET 0
    ) flagged WHERE fails <= 1 OFFSET 0
) f"""  # noqa: S608
    elif with_total:
        select = f"SELECT count(*), {page} FROM c WHERE {all_pass}"  # noqa: S608
    else:
        select = f"SELECT NULL::bigint, {page}"  # noqa: S608
    sql = "WITH " + ",\n".join(ctes) + "\n" + select
    return SearchSQL(sql=sql, params=params, groups=groups, active=active)


def _place_params(criteria) -> dict:
    place = criteria.place
    min_lat, max_lat, min_lon, max_lon = bounding_box(place.latitude, place.longitude, criteria.radius)
    return {
        "lat": place.latitude, "lon": place.longitude, "radius": criteria.radius, "state": place.state,
        "min_lat": min_lat, "max_lat": max_lat, "min_lon": min_lon, "max_lon": max_lon,
    }  # fmt: skip


def word_matches(spec, ranked: bool, among: list[int] | None = None) -> SearchSQL:
    """For the in-memory facet index (directory/search/facets.py), the listings the words find, packed: those whose
    document matches (through the GIN index) as (int4 id, float4 rank), and those whose name is close to the words
    as (int4 id, float4 rank, float8 boost, int4 whether the document matches too). Ranks are 0 unless `ranked`.

    `among`: rank just these listings, already known to be found (by key: their small ranking documents are
    inline, and only the few found by name have their full document read)."""
    rank = f"float4send({RANK})" if ranked else "float4send(0::float4)"
    params = {"q": spec.criteria.q}
    if among is None:
        text_rows, name_rows = "t.document @@ query.q", "true"
    else:
        params["among"] = among
        text_rows = name_rows = "t.provider_id = ANY(%(among)s::bigint[])"
    sql = f"""WITH {NAMES}
SELECT (SELECT string_agg(int4send(t.provider_id::int4) || {rank}, ''::bytea)
        FROM directory_listing_text t, {QUERY} WHERE {text_rows}),
       (SELECT string_agg(int4send(t.provider_id::int4) || {rank} || float8send(n.boost)
                          || int4send((t.document @@ query.q)::int), ''::bytea)
        FROM names n JOIN directory_listing_text t USING (provider_id), {QUERY} WHERE {name_rows})"""  # noqa: S608
    return SearchSQL(sql=sql, params=params, groups=[], active=[])


def _groups(spec, params) -> list[Group]:
    criteria = spec.criteria
    groups = []
    for group in spec.facet_groups:
        selected = spec.selected_ids.get(group.field, [])
        column = group.field
        if column == "formats" and criteria.place:
            remote = spec.remote_format_ids
            place_ids = [i for i in selected if i not in spec.remote_format_ids]
            remote_ids = [i for i in selected if i in spec.remote_format_ids]
            params.update(sel_place_formats=place_ids, sel_remote_formats=remote_ids)
            passes = (
                "(formats && %(sel_place_formats)s::smallint[] AND miles IS NOT NULL)"
                " OR (formats && %(sel_remote_formats)s::smallint[] AND licensed_here)"
            )
            options = [
                (
                    i,
                    f"({int(i)} = ANY(formats) AND {'licensed_here' if i in remote else 'miles IS NOT NULL'})",
                )
                for i in spec.option_ids[column]
            ]
        else:
            params[f"sel_{column}"] = selected
            passes = f"{column} && %(sel_{column})s::smallint[]"
            options = [(i, f"{int(i)} = ANY({column})") for i in spec.option_ids[column]]
        words = f"{column}_w" if column in PACKED else None
        groups.append(Group(group.param, passes if selected else None, options, words))
    groups.append(Group("accepting", "accepting" if criteria.accepting else None, [(1, "accepting")]))
    groups.append(
        Group("free_consult", "free_consultation" if criteria.free_consult else None, [(1, "free_consultation")])
    )
    if criteria.max_fee is not None:
        params["max_fee"] = criteria.max_fee
    groups.append(Group("max_fee", "fee_min <= %(max_fee)s" if criteria.max_fee is not None else None, []))
    return groups


def _order(spec, stale=True) -> str:
    criteria = spec.criteria
    sort = criteria.effective_sort()
    keys = [STALE] if stale else []  # listings nobody has confirmed lately sink, whatever the sort
    if sort == "relevance":
        if criteria.q:
            keys.append("rank DESC")
        if criteria.place:
            keys.append("miles ASC NULLS LAST")
        if not criteria.q:
            keys += ["accepting DESC", "confirmed_at DESC NULLS LAST"]
    elif sort == "distance":
        keys.append("miles ASC NULLS LAST")
    elif sort == "recently-confirmed":
        keys.append("confirmed_at DESC NULLS LAST")
    return ", ".join([*keys, "name_key", "provider_id"])


def unfiltered_page(spec, *, offset: int, limit: int) -> SearchSQL:
    """The page of the whole directory (no place, words or filters): the listings confirmed lately, then the
    others, each read in index order and cut after the page (directory/migrations/0006)."""
    keys = _order(spec, stale=False)
    branch = (
        "(SELECT provider_id, {stale} AS stale, accepting, confirmed_at, name_key FROM directory_listing"
        " WHERE {condition} ORDER BY {keys} LIMIT %(offset)s + %(limit)s)"
    )
    fresh = branch.format(stale="false", condition="confirmed_at >= %(stale_before)s", keys=keys)
    stale = branch.format(stale="true", condition="NOT coalesce(confirmed_at >= %(stale_before)s, false)", keys=keys)
    sql = (
        "SELECT NULL::bigint, ARRAY(SELECT json_build_array(provider_id, NULL, false) FROM ("  # noqa: S608
        f"{fresh} UNION ALL {stale}) page ORDER BY stale, {keys} LIMIT %(limit)s OFFSET %(offset)s)"
    )
    params = {"stale_before": spec.stale_before, "offset": offset, "limit": limit}
    return SearchSQL(sql=sql, params=params, groups=[], active=[])


def words_page(spec, *, offset: int, limit: int) -> SearchSQL:
    """A page of a words-only search (nationwide, no filters): ordered among the text matches alone, which carry
    the name and the confirmation date (directory/migrations/0007), so the listing copy is not read.

    A listing whose name is close to the words may also match them: it then appears twice in `found`, its name row
    (rank plus boost) never after its text row. Rather than removing those duplicates from tens of thousands of
    matches, the top rows are taken with room for one duplicate per name, then each listing's best row is kept."""
    ranked = spec.criteria.effective_sort() == "relevance"
    rank = RANK if ranked else "0::float4"
    order = _order(spec)
    sql = f"""WITH {NAMES},
found AS (
    SELECT t.provider_id, t.name_key, t.confirmed_at, {rank} AS rank
    FROM directory_listing_text t, {QUERY} WHERE t.document @@ query.q
    UNION ALL
    SELECT n.provider_id, n.name_key, n.confirmed_at, n.boost + coalesce((
        SELECT {rank} FROM directory_listing_text t, {QUERY}
        WHERE t.provider_id = n.provider_id AND t.document @@ query.q), 0)
    FROM names n
),
top AS (SELECT * FROM found ORDER BY {order} LIMIT %(offset)s + %(limit)s + (SELECT count(*) FROM names)),
best AS (SELECT DISTINCT ON (provider_id) * FROM top ORDER BY provider_id, {order})
SELECT NULL::bigint, ARRAY(SELECT json_build_array(provider_id, NULL, false) FROM best
    ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s)"""  # noqa: S608
    params = {"q": spec.criteria.q, "stale_before": spec.stale_before, "offset": offset, "limit": limit}
    return SearchSQL(sql=sql, params=params, groups=[], active=[])


def configure(connection):
    """Sets the trigram word-similarity threshold on this database session, once per connection.

    Inside a transaction a setting is undone by a rollback, so there it is set for the transaction, every time."""
    in_transaction = connection.in_atomic_block
    if not in_transaction and connection.connection in _configured:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, %s)", [str(WORD_SIMILARITY), in_transaction]
        )
    if not in_transaction:
        _configured.add(connection.connection)


def changes(connection) -> int:
    """The listings' change counter: advanced by every statement that changes a published listing's copy or an
    office (directory/migrations/0005). Non-transactional, so it may run ahead of a commit by a moment."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM directory_listing_changes")
        return cursor.fetchone()[0]


def run(connection, statement: SearchSQL):
    configure(connection)
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        return cursor.fetchone()
