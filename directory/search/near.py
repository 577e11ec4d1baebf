"""Where a search near a place looks (directory/search/statement.py puts it first in its statement): the offices in
range, as a common table expression `near` (provider_id, miles), and the listings licensed in the place's state.

Near a point (a ZIP code or city) the offices in range are those in the radius: a bounding box read from the offices'
(latitude, longitude) index, then the exact great-circle distance, the nearest office per listing. A whole state
(providers.geo.statewide) has no centre: every office in it, through the offices' state index, at 0 miles (which
marks an office in range, as the filters read it; the cards show no distance).

Either way the listings come out in id order, so looking each one up in the listings' covering index walks it from
start to end rather than jumping about: 1-4% less for a metro's searches at 100,000 and 12% for California's 12,400
(docs/performance.md)."""

from __future__ import annotations

from providers.geo import EARTH_RADIUS_MILES, Place, bounding_box

HAVERSINE = (
    f"2 * {EARTH_RADIUS_MILES} * asin(least(1, sqrt("
    "power(sin(radians(o.latitude - %(lat)s) / 2), 2)"
    " + cos(radians(%(lat)s)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - %(lon)s) / 2), 2))))"
)
NEAR = f"""near AS (
    SELECT provider_id, min(miles) AS miles FROM (
        SELECT o.provider_id, {HAVERSINE} AS miles
        FROM providers_office o
        WHERE o.latitude BETWEEN %(min_lat)s AND %(max_lat)s AND o.longitude BETWEEN %(min_lon)s AND %(max_lon)s
    ) d
    WHERE miles <= %(radius)s
    GROUP BY provider_id ORDER BY provider_id
)"""  # noqa: S608
IN_STATE_OFFICES = """near AS (
    SELECT DISTINCT o.provider_id, 0::float8 AS miles FROM providers_office o WHERE o.state = %(state)s
    ORDER BY o.provider_id
)"""


# A listing licensed in the place's state (for telehealth or phone), from the licensed-states index.
LICENSED_HERE = "p.licensed_states @> ARRAY[%(state)s]::varchar(2)[]"


def offices_cte(place: Place) -> str:
    return NEAR if place.has_centre else IN_STATE_OFFICES


def listings_in_range(place: Place, words: bool) -> tuple[str, bool]:
    """The listings of the offices in range as a FROM clause naming them `p`, and whether it keeps only published
    ones itself (else the statement does); `words`: the statement matches their documents too.

    A whole state has thousands (California: 12,400 of 100,000), and for that many the planner hashes the whole
    covering index to join them; looking each one up in it is 27% faster (the statement 259 -> 189 ms on a slow
    day; testing for published rows outside the lookup cost 15 ms of that). Not with words: their documents are
    not in that index, and looking up 12,400 wide rows was 37% slower than the join. Near a point the planner
    already looks them up, and the fenced lookup measured 2-6% slower there."""
    if place.has_centre or words:
        return "near n JOIN providers_provider p ON p.id = n.provider_id", False
    lookup = "SELECT * FROM providers_provider p WHERE p.id = n.provider_id AND p.status = 'published' OFFSET 0"
    return f"near n CROSS JOIN LATERAL ({lookup}) p", True


def params(criteria) -> dict:
    """The statement's parameters for the place: its state, and for a point the box and the radius."""
    place = criteria.place
    if not place.has_centre:
        return {"state": place.state}
    min_lat, max_lat, min_lon, max_lon = bounding_box(place.latitude, place.longitude, criteria.radius)
    return {
        "lat": place.latitude, "lon": place.longitude, "radius": criteria.radius, "state": place.state,
        "min_lat": min_lat, "max_lat": max_lat, "min_lon": min_lon, "max_lon": max_lon,
    }  # fmt: skip
