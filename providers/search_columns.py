"""What the search reads of a listing, declared beside the listings (providers.models declares the tallies column
from `term_tallies` and the indexes from `search_indexes`; directory/search reads the rest): a vocabulary's tally
(its term ids as one number whose sum over listings counts every term at once), where a term's count sits in such a
sum, the columns every search row carries, the indexes it reads them from, and the listings' change counter. The
SQL side is providers migration 0019 (providers_tally) and 0007 (the counter's triggers)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.fields import ArrayField
from django.db import migrations, models
from django.db.models import F, Func, Q

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


def search_indexes(vocabularies: list[str], published: Q) -> list[models.Index]:
    """The indexes the search reads, on published listings (`published`, providers.models declares them): the
    covering row of every column a search reads (SEARCH_ROW, the `vocabularies`' id arrays, the tallies) and the
    whole directory's orders (directory/search/statement.py)."""
    return [
        # Every column a search reads row by row, for published listings: facet counts and candidates are read
        # from this narrow index (index-only scans, ~80 MB at 100k) rather than the wide rows (~145 MB).
        models.Index(
            fields=["id"],
            # The filters test the id arrays; the facet counts sum the tallies.
            include=[*SEARCH_ROW, *vocabularies, TALLIES],
            name="provider_search_row",
            condition=published,
        ),
        # The whole directory's pages, in each order (directory/search/statement.py): listings not confirmed
        # lately sink whatever the order, and "lately" moves with the clock, so each order is read from two
        # index scans (confirmed lately, and not) that stop after the page.
        models.Index(
            F("accepting_new_clients").desc(),
            F("availability_confirmed_at").desc(nulls_last=True),
            "name_key",
            "id",
            name="provider_published_relevance",
            condition=published,
        ),
        models.Index(
            F("availability_confirmed_at").desc(nulls_last=True),
            "name_key",
            "id",
            name="provider_published_confirmed",
            condition=published,
        ),
        # The whole directory by name, page after page: which listings are stale is read from the index
        # itself (a deep page skips tens of thousands of entries; with a heap visit each, 90 ms at 100k).
        models.Index(
            fields=["name_key", "id"],
            include=["availability_confirmed_at", "accepting_new_clients"],
            name="provider_published_name",
            condition=published,
        ),
    ]


def listing_changes(connection) -> int:
    """The listings' change counter: advanced by every statement that writes listings or offices (migration 0007).
    Non-transactional, so it may run ahead of a commit by a moment: whatever it keys must also expire."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM providers_listing_changes")
        return cursor.fetchone()[0]
