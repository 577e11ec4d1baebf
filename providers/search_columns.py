"""What the search reads of a listing, declared beside the listings (providers.models declares the tallies column
from `term_tallies`; directory/search reads the rest): a vocabulary's tally (its term ids as one number whose sum
over listings counts every term at once), where a term's count sits in such a sum, the columns every search row
carries, and the listings' change counter. The SQL side is providers migration 0019 (providers_tally) and 0007 (the
counter's triggers)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.fields import ArrayField
from django.db import migrations, models
from django.db.models import F, Func

# providers_tally (migration 0019): term id i is 10^(7(i-1)), so in a sum of tallies each term's count has its own
# seven decimal digits: exact up to 9,999,999 listings. PostgreSQL sums numerics digit by digit, so one sum per
# vocabulary counts all its terms (~4x faster than summing 64-bit words three terms at a time, docs/search.md).
TALLY_DIGITS = 7
TALLIES = "term_tallies"


class Tally(models.Field):
    """An unconstrained numeric: a vocabulary's tally, summed in SQL, never read as a value by Django."""

    def db_type(self, connection):
        return "numeric"


def term_tallies(fields: Iterable[str]) -> models.GeneratedField:
    """Each vocabulary's tally, in the order of `fields` (the search reads a vocabulary's by its position,
    `tally_positions`): ARRAY[providers_tally(concerns), providers_tally(formats), ...]. One column, not one per
    vocabulary: with the id arrays the filters test, one each would pass PostgreSQL's 32 columns in an index."""
    tallies = [Func(F(field), function="providers_tally") for field in fields]
    return models.GeneratedField(
        expression=Func(*tallies, function="ARRAY", template="ARRAY[%(expressions)s]", output_field=Tally()),
        output_field=ArrayField(Tally()),
        db_persist=True,
    )


def declare_tallies(field: models.GeneratedField, *, replacing: bool = False) -> list:
    """Migration operations declaring the tallies column as `field` (what `makemigrations` wrote in its AddField or
    AlterField of term_tallies, which they replace): PostgreSQL cannot change a generated column's expression, so a
    new vocabulary's migration drops the column (`replacing`) and adds it again. Each is one ALTER TABLE run from
    the migration's own state (add_tallies_column), so unapplying works too."""
    remove = [
        migrations.RunPython(drop_tallies_column, add_tallies_column),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.RemoveField("provider", TALLIES)]),
    ]
    add = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.AddField("provider", TALLIES, field)]),
        migrations.RunPython(add_tallies_column, drop_tallies_column),
    ]
    return [*remove, *add] if replacing else add


def add_tallies_column(apps, schema_editor):
    """ADD COLUMN and SET STORAGE PLAIN in one ALTER TABLE: PostgreSQL rewrites the rows once, after both, with the
    tallies uncompressed (a later SET STORAGE would apply to new values only; rewriting the rows with an UPDATE would
    leave every index half dead). PLAIN as every column the search reads row by row (migration 0007 says why)."""
    provider = apps.get_model("providers", "Provider")
    definition, params = schema_editor.column_sql(provider, provider._meta.get_field(TALLIES))
    schema_editor.execute(
        f"ALTER TABLE providers_provider ADD COLUMN {TALLIES} {definition}, ALTER COLUMN {TALLIES} SET STORAGE PLAIN",
        params,
    )


def drop_tallies_column(apps, schema_editor):
    provider = apps.get_model("providers", "Provider")
    schema_editor.remove_field(provider, provider._meta.get_field(TALLIES))


def tally_positions(tallies: models.GeneratedField) -> dict[str, int]:
    """Where each vocabulary's tally sits in the tallies column (from 1, as SQL counts), read from its declaration:
    the order the database holds, whatever order the vocabularies are declared in later."""
    return {tally.source_expressions[0].name: k for k, tally in enumerate(tallies.expression.source_expressions, 1)}


def tally_counts(total, term_ids) -> dict[int, int]:
    """Each term's count in a sum of its vocabulary's tallies (a Decimal or int from SQL; None when no rows): term id
    i's seven digits, counted from the right (read as text: ten times faster than dividing a 400-digit number)."""
    digits = str(int(total or 0))
    counts = {}
    for term_id in term_ids:
        end = len(digits) - TALLY_DIGITS * (term_id - 1)
        counts[term_id] = int(digits[max(end - TALLY_DIGITS, 0) : end]) if end > 0 else 0
    return counts


# The listing's own columns every search reads besides its vocabularies (directory/search/statement.py).
SEARCH_ROW = (
    "name_key",
    "accepting_new_clients",
    "free_consultation",
    "fee_unit",
    "fee_min",
    "fee_max",
    "availability_confirmed_at",
    "licensed_states",
    "booked_months",
)


def listing_changes(connection) -> int:
    """The listings' change counter: advanced by every statement that writes listings or offices (migration 0007).
    Non-transactional, so it may run ahead of a commit by a moment: whatever it keys must also expire."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM providers_listing_changes")
        return cursor.fetchone()[0]
