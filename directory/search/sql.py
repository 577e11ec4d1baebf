"""All of the search page's SQL, in one place.

One statement answers a search: the page of provider ids (in order), the total, and, when asked, every facet
count. It reads the narrow read model kept by triggers (directory/migrations/0002_search_listing.py):
`directory_listing` (published listings only), `directory_listing_text` (full-text document, accent-free name)
and the offices' (latitude, longitude) btree.

The shape, built from fixed fragments (user input only ever travels as parameters):

    near      offices in the bounding box, exact haversine <= radius, nearest office per provider   [a place]
    located   near ∪ listings licensed in the place's state that offer telehealth or phone          [a place]
    matched   websearch_to_tsquery (english_unaccent ∪ simple) on the document, or a name within
              trigram word-similarity of the words; ranked with ts_rank_cd plus name similarity    [words]
    c         the listings that pass every constraint that is not a filter (place, words)
    then      one pass over c computing, per row, which filter groups it fails; rows failing at most one group
              feed `count(*) FILTER (...)` per option: disjunctive within a group (a row that fails only group
              g still counts for g's options), conjunctive across groups
    page      the rows failing none, ordered (stale listings last, whatever the sort), LIMIT/OFFSET

Facet option ids and format ids come from the vocabulary (database integers, not request data) and are inlined
as integers so the facet list reads plainly in EXPLAIN; everything from the request is a bound parameter.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

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

LOCATED = """located AS MATERIALIZED (
    SELECT provider_id FROM near
    UNION
    SELECT provider_id FROM directory_listing
    WHERE licensed_states @> ARRAY[%(state)s]::varchar(2)[] AND formats && %(remote_formats)s::smallint[]
)"""

TSQUERY = (
    "(websearch_to_tsquery('english_unaccent', %(q)s) || websearch_to_tsquery('simple', directory_unaccent(%(q)s)))"
)
NAME_Q = "lower(directory_unaccent(%(q)s))"
MATCHED = f"""matched AS MATERIALIZED (
    SELECT t.provider_id, {{rank}} AS rank
    FROM directory_listing_text t, (SELECT {TSQUERY} AS query) q
    WHERE t.document @@ query OR t.name_key %%> {NAME_Q}
)"""  # noqa: S608
# Weights A (name, concerns) > B (headline, types, cities) > C (bio); a name within typo distance adds its
# similarity, so "Whitfeld" still puts Whitfield first.
RANK = (
    "ts_rank_cd(t.document, query)"
    f" + CASE WHEN t.name_key %%> {NAME_Q} THEN word_similarity({NAME_Q}, t.name_key) ELSE 0 END"
)

STALE = "(confirmed_at IS NULL OR confirmed_at < %(stale_before)s)"


@dataclass
class Group:
    """A filter group in SQL: its pass condition over c's columns, and its facet options' conditions."""

    key: str  # the GET parameter
    passes: str | None  # None when nothing in the group is selected
    options: list[tuple[int, str]] = field(default_factory=list)  # (term id, condition)


@dataclass
class SearchSQL:
    sql: str
    params: dict
    groups: list[Group]  # in the order their counts appear in the result row
    active: list[Group]  # groups with a selection, in the order of their "without this filter" counts


def build(spec, *, facets: bool, with_total: bool, offset: int, limit: int) -> SearchSQL:
    """The statement for one search. `spec` is a directory.search.engine.Spec (criteria resolved to ids)."""
    criteria = spec.criteria
    params = {"stale_before": spec.stale_before, "limit": limit, "offset": offset}
    ctes = []
    joins = []
    where = []  # the driving sets, as id arrays: estimated small, so the listing is read by primary key
    miles, licensed, rank = "NULL::float8", "false", "0::float4"

    if criteria.place:
        place = criteria.place
        min_lat, max_lat, min_lon, max_lon = bounding_box(place.latitude, place.longitude, criteria.radius)
        params.update(
            lat=place.latitude, lon=place.longitude, radius=criteria.radius, state=place.state,
            min_lat=min_lat, max_lat=max_lat, min_lon=min_lon, max_lon=max_lon,
            remote_formats=spec.remote_format_ids,
        )  # fmt: skip
        ctes += [NEAR, LOCATED]
        joins.append("LEFT JOIN near n USING (provider_id)")
        where.append("l.provider_id = ANY(ARRAY(SELECT provider_id FROM located))")
        miles, licensed = "n.miles", "l.licensed_states @> ARRAY[%(state)s]::varchar(2)[]"

    if criteria.q:
        params["q"] = criteria.q
        ranked = criteria.effective_sort() == "relevance"
        ctes.append(MATCHED.format(rank=RANK if ranked else "0::float4"))
        joins.append("JOIN matched m USING (provider_id)")
        where.append("l.provider_id = ANY(ARRAY(SELECT provider_id FROM matched))")
        rank = "m.rank"

    ctes.append(f"""c AS NOT MATERIALIZED (
    SELECT l.provider_id, l.name_key, l.accepting, l.free_consultation, l.fee_min, l.confirmed_at,
           l.types, l.concerns, l.modalities, l.languages, l.payments, l.practices, l.formats,
           {miles} AS miles, {licensed} AS licensed_here,
           {licensed} AND l.formats && %(remote_formats_all)s::smallint[] AS remote_here,
           {rank} AS rank
    FROM directory_listing l {" ".join(joins)}
    {"WHERE " + " AND ".join(where) if where else ""}
)""")  # noqa: S608
    params["remote_formats_all"] = spec.remote_format_ids

    groups = _groups(spec, params)
    active = [g for g in groups if g.passes]
    all_pass = " AND ".join(f"({g.passes})" for g in active) or "true"
    page = (
        "ARRAY(SELECT json_build_array(provider_id, miles, remote_here) FROM c "  # noqa: S608
        f"WHERE {all_pass} ORDER BY {_order(spec)} LIMIT %(limit)s OFFSET %(offset)s)"
    )
    if facets:
        fails = " + ".join(f"(NOT coalesce({g.passes}, false))::int" for g in active) or "0"
        failing = (
            "CASE " + " ".join(f"WHEN NOT coalesce({g.passes}, false) THEN {i}" for i, g in enumerate(active)) + " END"
        )
        counts = []
        for group in groups:
            ok = f"(fails = 0 OR failing = {active.index(group)})" if group.passes else "fails = 0"
            counts += [f"count(*) FILTER (WHERE {ok} AND {condition})" for _, condition in group.options]
        counts += [f"count(*) FILTER (WHERE fails = 0 OR failing = {i})" for i in range(len(active))]
        select = f"""SELECT count(*) FILTER (WHERE fails = 0), {page},
       {", ".join(counts)}
FROM (SELECT c.*, {fails} AS fails, {failing if active else "NULL::int"} AS failing FROM c) f
WHERE fails <= 1"""  # noqa: S608
    elif with_total:
        select = f"SELECT count(*), {page} FROM c WHERE {all_pass}"  # noqa: S608
    else:
        select = f"SELECT NULL::bigint, {page}"  # noqa: S608
    sql = "WITH " + ",\n".join(ctes) + "\n" + select
    return SearchSQL(sql=sql, params=params, groups=groups, active=active)


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
        groups.append(Group(group.param, passes if selected else None, options))
    groups.append(Group("accepting", "accepting" if criteria.accepting else None, [(1, "accepting")]))
    groups.append(
        Group("free_consult", "free_consultation" if criteria.free_consult else None, [(1, "free_consultation")])
    )
    if criteria.max_fee is not None:
        params["max_fee"] = criteria.max_fee
    groups.append(Group("max_fee", "fee_min <= %(max_fee)s" if criteria.max_fee is not None else None, []))
    return groups


def _order(spec) -> str:
    criteria = spec.criteria
    sort = criteria.effective_sort()
    keys = [STALE]  # listings nobody has confirmed lately sink, whatever the sort
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


def snapshot(connection) -> str:
    """The database snapshot ("xmin:xmax:in-progress ids"). Two statements with the same snapshot see exactly the
    same committed data, so it keys cached counts with no bookkeeping on writes; it moves on every commit (of
    anything, anywhere on the server), which only costs a recount."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        return cursor.fetchone()[0]


def run(connection, statement: SearchSQL):
    configure(connection)
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        return cursor.fetchone()
