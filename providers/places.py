"""US ZIP codes and city names in PostgreSQL, loaded from the `zipcodes` package (coordinates from GeoNames,
CC BY 4.0; credited on the About page). providers.geo looks places up here with one indexed query each, so no
process holds the ZIP list in memory.

Both tables are reference data created by migration 0006 in SQL, not by Django, with indexes on: the ZIP code
(primary key), its prefix ("021" suggests 02101...), a city by lower-case name and state, and the trigrams of
lower-case names for "did you mean" suggestions. `managed = False` keeps them out of `flush`, which empties
every managed table (as live-server tests do after each test), and out of serialized test databases. A newer
`zipcodes` release is loaded by a new migration calling `reload()`.
"""

from __future__ import annotations

from django.db import models

from providers.states import STATE_NAMES


class ZipCode(models.Model):
    """An active ZIP code with coordinates in a state, DC or Puerto Rico."""

    zip_code = models.CharField(max_length=5, primary_key=True)
    city = models.CharField(max_length=64)  # the primary city, as the Postal Service spells it
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
    """Another name a ZIP code accepts in addresses ("Hollywood" for some Los Angeles ZIP codes), lower case."""

    name_key = models.CharField(max_length=64)
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


def clear(connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE providers_cityname, providers_zipcode")


def reload(connection) -> tuple[int, int]:
    """Replaces the places with the installed package's (in the caller's transaction), then updates the
    planner's statistics."""
    clear(connection)
    counts = load(connection)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE providers_zipcode; ANALYZE providers_cityname")
    return counts
