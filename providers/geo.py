"""US places: ZIP codes and "City, ST" as coordinates, and great-circle miles between them.

Places live in PostgreSQL (providers.places, loaded from the `zipcodes` package; coordinates from GeoNames,
CC BY 4.0, credited on the About page). Each lookup is one indexed query on the database reads use right now
(the replica inside search), so no process holds the ZIP list in memory.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass

from django.db import connections

from core.routers import read_alias
from providers.places import ZipCode
from providers.states import STATE_NAMES

EARTH_RADIUS_MILES = 3958.8
ZIP_RE = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")
CITY_STATE_RE = re.compile(r"^\s*(?P<city>[^,]+?)\s*,\s*(?P<state>[A-Za-z .]+?)\s*$")


@dataclass(frozen=True)
class Place:
    label: str  # "Cambridge, MA 02139" or "Austin, TX"
    city: str
    state: str
    latitude: float
    longitude: float
    zip_code: str = ""


# A city's centre comes from its own street-delivery ZIP codes (tier 0); ZIP codes that merely accept the name
# count only for names that have none of their own: first the name's other ZIP codes (PO boxes, single
# buildings: tier 1), then ZIP codes that accept it as another name (tier 2). Only the best tier is returned.
CITY_SQL = """
SELECT city, latitude, longitude FROM (
    SELECT zip_code, city, latitude, longitude, tier, min(tier) OVER () AS best FROM (
        SELECT zip_code, city, latitude, longitude, CASE WHEN standard THEN 0 ELSE 1 END AS tier
        FROM providers_zipcode WHERE lower(city) = %(name)s AND state = %(state)s
        UNION ALL
        SELECT z.zip_code, z.city, z.latitude, z.longitude, 2
        FROM providers_cityname n JOIN providers_zipcode z ON z.zip_code = n.zip_id
        WHERE n.name_key = %(name)s AND n.state = %(state)s
    ) AS named
) AS ranked
WHERE tier = best
ORDER BY zip_code
"""

# Candidates for "did you mean": names (any city a ZIP code is in or accepts) sharing enough trigrams with what
# was typed (`%` is pg_trgm's similarity operator, served by the trigram indexes), the closest CANDIDATES names
# with every state they are in. suggest() then keeps those difflib finds close, as it did over every name.
CANDIDATES = 40
CLOSE_NAMES_SQL = """
WITH names AS (
    SELECT lower(city) AS name, state FROM providers_zipcode
    WHERE lower(city) %% %(text)s AND (%(state)s::text IS NULL OR state = %(state)s)
    UNION
    SELECT name_key, state FROM providers_cityname
    WHERE name_key %% %(text)s AND (%(state)s::text IS NULL OR state = %(state)s)
), closest AS (
    SELECT name FROM names GROUP BY name ORDER BY similarity(name, %(text)s) DESC, name LIMIT %(limit)s
)
SELECT name, state FROM closest JOIN names USING (name) ORDER BY name, state
"""


def _fetch(sql: str, params: dict) -> list[tuple]:
    with connections[read_alias()].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def lookup_zip(zip_code: str) -> Place | None:
    match = ZIP_RE.match(zip_code or "")
    if not match:
        return None
    code = match.group(1)
    row = ZipCode.objects.filter(zip_code=code).values_list("city", "state", "latitude", "longitude").first()
    if row is None:
        return None
    city, state, latitude, longitude = row
    return Place(f"{city}, {state} {code}", city, state, latitude, longitude, zip_code=code)


def _state_code(text: str) -> str | None:
    text = text.strip().upper().replace(".", "")
    if text in STATE_NAMES:
        return text
    by_name = {name.upper(): code for code, name in STATE_NAMES.items()}
    return by_name.get(text)


def lookup_city(city: str, state: str) -> Place | None:
    code = _state_code(state)
    if not code:
        return None
    rows = _fetch(CITY_SQL, {"name": city.strip().lower(), "state": code})
    if not rows:
        return None
    # The city's centre: the mean of its ZIP codes' coordinates, summed in ZIP order.
    lat = sum(row[1] for row in rows) / len(rows)
    lon = sum(row[2] for row in rows) / len(rows)
    name = rows[0][0]
    return Place(label=f"{name}, {code}", city=name, state=code, latitude=lat, longitude=lon)


def resolve(text: str) -> Place | None:
    """A ZIP code ("02139", "02139-1234") or "City, ST" / "City, State" as a Place, or None."""
    if not text or len(text) > 100:
        return None
    if ZIP_RE.match(text):
        return lookup_zip(text)
    match = CITY_STATE_RE.match(text)
    if match:
        return lookup_city(match["city"], match["state"])
    return None


def suggest(text: str, limit: int = 5) -> list[str]:
    """Places that look like what was typed, for a "did you mean" message."""
    text = (text or "").strip()
    if not text or len(text) > 100:
        return []
    city_part, _, state_part = (part.strip() for part in text.partition(","))
    if not city_part or city_part.isdigit():
        prefix = re.sub(r"\D", "", text)[:3]
        if not prefix:
            return []
        zips = ZipCode.objects.filter(zip_code__startswith=prefix).order_by("zip_code")[:limit]
        return [f"{city}, {state} {code}" for code, city, state in zips.values_list("zip_code", "city", "state")]
    state = _state_code(state_part) if state_part else None
    states_by_name: dict[str, list[str]] = {}
    for name, code in _fetch(CLOSE_NAMES_SQL, {"text": city_part.lower(), "state": state, "limit": CANDIDATES}):
        states_by_name.setdefault(name, []).append(code)  # in STATE_CODES order
    close = difflib.get_close_matches(city_part.lower(), states_by_name, n=limit, cutoff=0.75)
    return [f"{name.title()}, {code}" for name in close for code in states_by_name[name]][:limit]


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) enclosing a circle of `miles` around a point: cheap index pre-filter."""
    dlat = miles / 69.0
    dlon = miles / (69.0 * max(math.cos(math.radians(lat)), 0.01))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
