"""The search reads published listings straight from this table (one engine, no copies): see docs/search.md.

- Two IMMUTABLE SQL functions the generated columns use: an unaccent wrapper (unaccent itself is only STABLE) and
  the packing of term ids three to a 64-bit word (21-bit lanes, exact up to 2,097,151 listings).
- Generated columns (declared on the model): the accent-free lower-case name, the small ranking document, and one
  packed column per search filter.
- Storage: the full document is matched through its GIN index only, so it lives out of line (EXTERNAL) and has no
  statistics (the planner then always takes the index); the ranking document stays in the row (MAIN). The table
  is rewritten so existing rows follow.
- A change counter: a sequence advanced by every statement that writes listings or offices (no row locks, no
  waits). Whole-page caches and the whole directory's facet counts are keyed by it.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION providers_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE OR REPLACE FUNCTION providers_pack_terms(ids smallint[]) RETURNS int8[]
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    words int8[] := '{}';
    id int;
    k int;
BEGIN
    FOREACH id IN ARRAY ids LOOP
        k := (id - 1) / 3 + 1;
        WHILE coalesce(array_length(words, 1), 0) < k LOOP
            words := words || 0::int8;
        END LOOP;
        words[k] := words[k] | (1::int8 << (21 * ((id - 1) % 3)));
    END LOOP;
    RETURN words;
END $$;

CREATE SEQUENCE providers_listing_changes;
CREATE FUNCTION providers_listing_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('providers_listing_changes');
    RETURN NULL;
END $$;
CREATE TRIGGER providers_provider_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers_provider
    FOR EACH STATEMENT EXECUTE FUNCTION providers_listing_changed();
CREATE TRIGGER providers_office_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers_office
    FOR EACH STATEMENT EXECUTE FUNCTION providers_listing_changed();
"""

DROP_FUNCTIONS = r"""
DROP TRIGGER providers_office_changed ON providers_office;
DROP TRIGGER providers_provider_changed ON providers_provider;
DROP FUNCTION providers_listing_changed();
DROP SEQUENCE providers_listing_changes;
DROP FUNCTION providers_pack_terms(smallint[]);
DROP FUNCTION providers_unaccent(text);
"""

# No statistics on the full document: the planner then takes the default selectivity for @@ and always matches
# through the GIN index. With statistics it would see a broad word matching most rows and scan the table instead,
# which costs no detoasting in its model but reads every document out of line (3.6 s instead of ~0.1 s at 100k).
# Changing the column's type (to the same type) drops the statistics it already has; it must come before the
# generated column that reads it.
NO_STATISTICS = r"""
ALTER TABLE providers_provider
    ALTER COLUMN search_document SET STATISTICS 0,
    ALTER COLUMN search_document TYPE tsvector;
"""

# The columns every search reads row by row are PLAIN: never compressed, never out of line. Rows are wider than the
# toaster's target, so it would otherwise compress even these small arrays, and each of the thirty-odd facet
# aggregates would decompress its column again for every row (2.2 s instead of 0.2 s to sum one column at 100k).
# tests/directory/test_search_columns.py checks every filter's columns, so a new vocabulary's migration does too.
STORAGE = r"""
ALTER TABLE providers_provider
    ALTER COLUMN search_document SET STORAGE EXTERNAL,
    ALTER COLUMN rank_document SET STORAGE MAIN,
    ALTER COLUMN name_key SET STORAGE PLAIN,
    ALTER COLUMN licensed_states SET STORAGE PLAIN,
    ALTER COLUMN types SET STORAGE PLAIN, ALTER COLUMN types_packed SET STORAGE PLAIN,
    ALTER COLUMN concerns SET STORAGE PLAIN, ALTER COLUMN concerns_packed SET STORAGE PLAIN,
    ALTER COLUMN modalities SET STORAGE PLAIN, ALTER COLUMN modalities_packed SET STORAGE PLAIN,
    ALTER COLUMN languages SET STORAGE PLAIN, ALTER COLUMN languages_packed SET STORAGE PLAIN,
    ALTER COLUMN payments SET STORAGE PLAIN, ALTER COLUMN payments_packed SET STORAGE PLAIN,
    ALTER COLUMN practices SET STORAGE PLAIN, ALTER COLUMN practices_packed SET STORAGE PLAIN,
    ALTER COLUMN formats SET STORAGE PLAIN, ALTER COLUMN formats_packed SET STORAGE PLAIN,
    ALTER COLUMN populations SET STORAGE PLAIN;
-- Rewrites every row under the new storage (ALTER ... SET STORAGE applies to new rows only): the arrays are
-- given new values (the same ids), so the toaster stores them afresh.
UPDATE providers_provider SET search_document = search_document, types = types || '{}', concerns = concerns || '{}',
    modalities = modalities || '{}', languages = languages || '{}', payments = payments || '{}',
    practices = practices || '{}', formats = formats || '{}', populations = populations || '{}',
    licensed_states = licensed_states || '{}';
ANALYZE providers_provider;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0006_places"),
    ]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.RunSQL(NO_STATISTICS, migrations.RunSQL.noop),
        migrations.AddField(
            model_name="provider",
            name="concerns_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("concerns"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="formats_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("formats"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="languages_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("languages"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="modalities_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("modalities"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="name_key",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.functions.text.Lower(
                    models.Func(models.F("display_name"), function="providers_unaccent")
                ),
                output_field=models.TextField(),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="payments_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("payments"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="practices_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("practices"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="rank_document",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("search_document"), template="ts_filter(%(expressions)s, '{a,b}')"),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="types_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("types"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=models.Index(
                models.OrderBy(models.F("accepting_new_clients"), descending=True),
                models.OrderBy(models.F("availability_confirmed_at"), descending=True, nulls_last=True),
                models.F("name_key"),
                models.F("id"),
                condition=models.Q(("status", "published")),
                name="provider_published_relevance",
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=models.Index(
                models.OrderBy(models.F("availability_confirmed_at"), descending=True, nulls_last=True),
                models.F("name_key"),
                models.F("id"),
                condition=models.Q(("status", "published")),
                name="provider_published_confirmed",
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=models.Index(
                condition=models.Q(("status", "published")), fields=["name_key", "id"], name="provider_published_name"
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(models.F("name_key"), name="gin_trgm_ops"),
                condition=models.Q(("status", "published")),
                name="provider_name_trigrams",
            ),
        ),
        migrations.RunSQL(STORAGE, migrations.RunSQL.noop),
    ]
