"""US places from the `zipcodes` package (coordinates from GeoNames, CC BY 4.0; credited on the About page).

ZIP codes and "City, ST" resolve to coordinates; distances are great-circle miles. The index is built once per
process, lazily (about 0.2 s), and only from active ZIP codes.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from functools import cache

import zipcodes

from providers.states import STATE_CODES, STATE_NAMES

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


@cache
def _index():
    by_zip: dict[str, Place] = {}
    by_city: dict[tuple[str, str], list[Place]] = {}
    others: dict[tuple[str, str], list[Place]] = {}
    aliases: dict[tuple[str, str], list[Place]] = {}
    for row in zipcodes.list_all():
        if not row.get("active") or row["state"] not in STATE_NAMES or not row.get("lat"):
            continue
        place = Place(
            label=f"{row['city']}, {row['state']} {row['zip_code']}",
            city=row["city"],
            state=row["state"],
            latitude=float(row["lat"]),
            longitude=float(row["long"]),
            zip_code=row["zip_code"],
        )
        by_zip[row["zip_code"]] = place
        # A city's centre comes from its own street-delivery ZIP codes; ZIP codes that merely accept the name
        # (often far out in the suburbs) count only for names that have none of their own.
        if row.get("zip_code_type") == "STANDARD":
            by_city.setdefault((row["city"].lower(), row["state"]), []).append(place)
        else:
            others.setdefault((row["city"].lower(), row["state"]), []).append(place)
        for alias in row.get("acceptable_cities", []):
            aliases.setdefault((alias.lower(), row["state"]), []).append(place)
    for names in (others, aliases):
        for key, places in names.items():
            by_city.setdefault(key, places)
    return by_zip, by_city


def load_index() -> None:
    """Loads the ZIP code and city index now (it otherwise loads on the first search with a place)."""
    _index()


def lookup_zip(zip_code: str) -> Place | None:
    match = ZIP_RE.match(zip_code or "")
    return _index()[0].get(match.group(1)) if match else None


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
    places = _index()[1].get((city.strip().lower(), code))
    if not places:
        return None
    # The city's centre: the mean of its standard ZIP codes' coordinates.
    lat = sum(p.latitude for p in places) / len(places)
    lon = sum(p.longitude for p in places) / len(places)
    return Place(label=f"{places[0].city}, {code}", city=places[0].city, state=code, latitude=lat, longitude=lon)


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
    if not text:
        return []
    city_part, _, state_part = (part.strip() for part in text.partition(","))
    if not city_part or city_part.isdigit():
        prefix = re.sub(r"\D", "", text)[:3]
        zips = sorted(z for z in _index()[0] if prefix and z.startswith(prefix))
        return [_index()[0][z].label for z in zips[:limit]]
    state = _state_code(state_part) if state_part else None
    cities = {city for (city, code) in _index()[1] if state is None or code == state}
    close = difflib.get_close_matches(city_part.lower(), cities, n=limit, cutoff=0.75)
    found = []
    codes = [state] if state else STATE_CODES
    for city in close:
        found += [f"{city.title()}, {code}" for code in codes if (city, code) in _index()[1]]
    return found[:limit]


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
