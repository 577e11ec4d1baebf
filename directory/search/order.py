"""A search's page: the order of its results and each result as one number (directory.search.statement builds the
statements that read them), and a page of nationwide listings read straight from the order's index."""

from __future__ import annotations

# A result on the page as one int8: the id, whether it is by telehealth here, and hundredths of a mile to its nearest
# office (all ones when unknown). An ordered aggregate sorts a value it can pass by value ~2x faster than a JSON
# array or a row (at 100k, a broad word's 61,000 matches: ~150 ms less); decode_row() reads it back.
MILES_BITS = 15
NO_MILES = (1 << MILES_BITS) - 1  # 327.67 miles, beyond the widest radius (100)


def page_row(miles: str, remote_here: str) -> str:
    # Not coalesce(least(...)): least() ignores a NULL, so a listing with no office near would read 327.66 miles.
    return (
        f"(id << {MILES_BITS + 1}) | (({remote_here})::int::int8 << {MILES_BITS})"
        f" | CASE WHEN {miles} IS NULL THEN {NO_MILES} ELSE least(round({miles} * 100), {NO_MILES - 1})::int8 END"
    )


PAGE_ROW = page_row("miles", "remote_here")


def decode_row(value: int) -> tuple[int, float | None, bool]:
    """(provider id, miles to the nearest office or None, by telehealth here) from page_row's int8."""
    hundredths = value & NO_MILES
    miles = None if hundredths == NO_MILES else hundredths / 100
    return value >> (MILES_BITS + 1), miles, bool(value >> MILES_BITS & 1)


# Confirmed lately, or not (confirmed long ago, or never): the one threshold, STALE_AFTER before now (stale_before).
FRESH = "availability_confirmed_at >= %(stale_before)s"
DATED = "availability_confirmed_at < %(stale_before)s"
NEVER = "availability_confirmed_at IS NULL"
STALE = f"({NEVER} OR {DATED})"


# What a page's order (order_by) and its rows (PAGE_ROW) read of the candidates: all a counted row carries past the
# counting fence besides the tallies and each option's condition (directory.search.statement.build).
ORDER_COLUMNS = ("id", "name_key", "accepting_new_clients", "availability_confirmed_at", "miles", "remote_here", "rank")

# Names compared byte by byte when a search sorts its rows: name_key is lower case without accents, so this is the
# order of the clusters we create (C.UTF-8, code point order, as the name indexes read) at memcmp speed; the
# locale-aware comparison cost ~50 ms sorting a broad word's 61,000 matches at 100k.
NAME_ORDER = 'name_key COLLATE "C"'


def order_by(criteria, stale=True, names=NAME_ORDER) -> str:
    """SQL: the keys that order a search's results (`stale`: with the sinking of listings not confirmed lately)."""
    sort = criteria.effective_sort()
    keys = [STALE] if stale else []  # listings nobody has confirmed lately sink, whatever the sort
    if sort == "relevance":
        if criteria.q:
            keys.append("rank DESC")
        if criteria.has_distance:
            keys.append("miles ASC NULLS LAST")
        if not criteria.q:
            keys += ["accepting_new_clients DESC", "availability_confirmed_at DESC NULLS LAST"]
    elif sort == "distance":
        keys.append("miles ASC NULLS LAST")
    elif sort == "recently-confirmed":
        keys.append("availability_confirmed_at DESC NULLS LAST")
    return ", ".join([*keys, names, "id"])


def _parts(sort: str) -> list[str]:
    """The nationwide listings in `sort`'s order as consecutive parts, each one range of that order's index (the
    partial indexes provider_published_*, providers.search_columns) where it can be: listings not confirmed lately
    sink whatever the order, and "lately" moves with the clock, so no index holds them apart."""
    if sort == "relevance":  # (accepting, confirmed): each accepting value's fresh, then dated, then never confirmed
        yes, no = "accepting_new_clients", "NOT accepting_new_clients"
        return [f"{yes} AND {FRESH}", f"{no} AND {FRESH}"] + [
            f"{accepting} AND {when}" for accepting in (yes, no) for when in (DATED, NEVER)
        ]
    if sort == "recently-confirmed":
        return [FRESH, DATED, NEVER]
    return [FRESH, STALE]  # by name: freshness is no range of the name index


def index_page(criteria, conditions: str = "true") -> str:
    """SQL: the ARRAY of a page (PAGE_ROW) of the nationwide listings passing `conditions` (compiled against
    providers_provider), in the search's order, walking the order's index part by part (_parts) and each part
    only as far as the page reaches. Fast when most listings pass; with few, each part is walked to its end."""
    keys = order_by(criteria, stale=False, names="name_key")  # the partial indexes' own order
    branch = (
        "(SELECT id, {part} AS part, accepting_new_clients, availability_confirmed_at, name_key"
        " FROM providers_provider WHERE status = 'published' AND {condition} AND {conditions}"
        " ORDER BY {keys} LIMIT %(offset)s + %(limit)s)"
    )
    parts = " UNION ALL ".join(
        branch.format(part=k, condition=condition, conditions=conditions, keys=keys)
        for k, condition in enumerate(_parts(criteria.effective_sort()))
    )
    return (
        f"ARRAY(SELECT {page_row('NULL', 'false')} FROM ({parts}) page"  # noqa: S608
        f" ORDER BY part, {keys} LIMIT %(limit)s OFFSET %(offset)s)"
    )
