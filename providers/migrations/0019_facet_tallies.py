"""Facet counts from tallies: each vocabulary's term ids as one number, term id i being 10^(7(i-1)), so that summing
a vocabulary's tallies over the listings counts every term at once, each in its own seven decimal digits (exact up
to 9,999,999 listings). PostgreSQL sums numerics digit by digit: one sum per vocabulary replaces the ~64 sums of
64-bit words the packed columns took (three terms a word), ~4x faster at 100,000 listings (docs/search.md).

- providers_tally(ids): the SQL function the tallies column reads (the one definition; its reverse drops it).
- The packed columns and their function go; the filters test the id arrays (`&&`), which the covering index now
  holds beside the tallies (PostgreSQL allows 32 columns in an index: one tallies column rather than one each).
- More detailed statistics on the names, so a typo'd name is always looked up through its trigram index.
- The tallies column is PLAIN like every column the search reads row by row, set in the same ALTER TABLE that adds
  it (providers.search_columns.declare_tallies, which a new vocabulary's migration uses too).
"""

import django.contrib.postgres.fields
from django.db import migrations, models

import providers.search_columns
from providers.search_columns import declare_tallies

TALLY = r"""
CREATE OR REPLACE FUNCTION providers_tally(ids smallint[]) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(sum(('1' || repeat('0', 7 * (i - 1)))::numeric), 0) FROM (SELECT DISTINCT unnest(ids)) t(i) $$;
"""
DROP_TALLY = "DROP FUNCTION providers_tally(smallint[]);"

# A typo'd name is looked up through the names' trigram index. The planner estimates how many names are close to
# the words from a sample of them; with the default sample (100) the estimate for "Sullian" at 100,000 listings
# ranged from 10 to 3,026 between two ANALYZEs (472 match), and above ~2,000 it scanned every name instead: 190 ms
# rather than 10. With 500, ANALYZE reads 150,000 rows, every listing here, and estimated 778 five times out of
# five. Planning a search with words costs ~2 ms more (the estimate tries the words on each sampled name: 1,000
# cost ~4 ms; 250 still swung from 26 to 1,178).
NAME_STATISTICS = "ALTER TABLE providers_provider ALTER COLUMN name_key SET STATISTICS 500;"
DEFAULT_NAME_STATISTICS = "ALTER TABLE providers_provider ALTER COLUMN name_key SET STATISTICS -1;"

# The packing function of migration 0007, which the packed columns read: dropped with them, recreated if unapplied.
DROP_PACKING = "DROP FUNCTION providers_pack_terms(smallint[]);"
PACKING = r"""
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
"""


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0018_name_order_reads_its_index"),
    ]

    operations = [
        migrations.RunSQL(TALLY, DROP_TALLY),
        migrations.RunSQL(NAME_STATISTICS, DEFAULT_NAME_STATISTICS),
        migrations.RemoveIndex(
            model_name="provider",
            name="provider_search_row",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="concerns_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="formats_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="identities_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="languages_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="modalities_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="payments_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="perinatal_credentials_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="plans_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="populations_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="practices_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="stages_packed",
        ),
        migrations.RemoveField(
            model_name="provider",
            name="types_packed",
        ),
        migrations.RunSQL(DROP_PACKING, PACKING),
        # Added with its storage in one ALTER TABLE (providers.search_columns.declare_tallies).
        *declare_tallies(
            models.GeneratedField(
                db_persist=True,
                expression=models.Func(
                    models.Func(models.F("formats"), function="providers_tally"),
                    models.Func(models.F("types"), function="providers_tally"),
                    models.Func(models.F("stages"), function="providers_tally"),
                    models.Func(models.F("concerns"), function="providers_tally"),
                    models.Func(models.F("practices"), function="providers_tally"),
                    models.Func(models.F("perinatal_credentials"), function="providers_tally"),
                    models.Func(models.F("payments"), function="providers_tally"),
                    models.Func(models.F("plans"), function="providers_tally"),
                    models.Func(models.F("languages"), function="providers_tally"),
                    models.Func(models.F("modalities"), function="providers_tally"),
                    models.Func(models.F("populations"), function="providers_tally"),
                    models.Func(models.F("identities"), function="providers_tally"),
                    function="ARRAY",
                    output_field=providers.search_columns.Tally(),
                    template="ARRAY[%(expressions)s]",
                ),
                output_field=django.contrib.postgres.fields.ArrayField(
                    base_field=providers.search_columns.Tally(), size=None
                ),
            )
        ),
        migrations.AddIndex(
            model_name="provider",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["id"],
                include=(
                    "name_key",
                    "accepting_new_clients",
                    "free_consultation",
                    "fee_unit",
                    "fee_min",
                    "fee_max",
                    "availability_confirmed_at",
                    "licensed_states",
                    "booked_months",
                    "formats",
                    "types",
                    "stages",
                    "concerns",
                    "practices",
                    "perinatal_credentials",
                    "payments",
                    "plans",
                    "languages",
                    "modalities",
                    "populations",
                    "identities",
                    "term_tallies",
                ),
                name="provider_search_row",
            ),
        ),
    ]
