"""The search reads published rows of providers_provider itself: generated columns follow every change at once,
the whole directory's counts are kept only until listings change, and the SQL never reads a column that is gone."""

import re
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import QueryDict

from directory.search import engine, statement
from directory.search.filters import SearchFilterSet
from providers.models import Office, Provider
from providers.search_columns import listing_changes
from tests.directory.conftest import names


def columns(provider):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name_key, rank_document::text FROM providers_provider WHERE id = %s", [provider.pk])
        return cursor.fetchone()


@pytest.mark.django_db
def test_only_published_listings_are_found_and_every_change_is_seen_at_once(client, listing):
    live = listing("Renée Live", accepting_new_clients=True)
    from tests.providers.factories import ProviderFactory

    draft = listing("Draft Dee", factory=ProviderFactory)
    assert names(client.get("/search/")) == ["Renée Live"]

    Provider.objects.filter(pk=live.pk).update(accepting_new_clients=False)  # a bulk update, no save()
    assert names(client.get("/search/", {"accepting": "1"})) == []

    Provider.objects.filter(pk=draft.pk).update(status=Provider.Status.PUBLISHED)
    assert sorted(names(client.get("/search/"))) == ["Draft Dee", "Renée Live"]

    live.status = Provider.Status.SUSPENDED
    live.save()
    assert names(client.get("/search/", {"q": "renee"})) == []
    draft.delete()
    assert names(client.get("/search/")) == []


@pytest.mark.django_db
def test_the_name_key_and_ranking_document_are_generated_from_the_listing(listing):
    # The bio (weight C) matches through the full document but is not ranked.
    provider = listing("Dana Whitfield", concerns=["birth-trauma"], bio="Gentle postpartum support.")
    name_key, ranking = columns(provider)
    assert name_key == "dana whitfield"
    assert "'whitfield':2A" in ranking and "'trauma'" in ranking and "'gentl'" not in ranking

    provider.display_name = "Dána Whitfeld"
    provider.save()  # rebuilds search_document; PostgreSQL regenerates the columns
    name_key, ranking = columns(provider)
    assert name_key == "dana whitfeld" and "'whitfeld':2A" in ranking


@pytest.mark.django_db
def test_every_write_to_listings_or_offices_advances_the_change_counter(listing):
    provider = listing("Dana")
    before = listing_changes(connection)
    Provider.objects.filter(pk=provider.pk).update(accepting_new_clients=False)
    after_provider = listing_changes(connection)
    Office.objects.filter(provider=provider).update(name="Main office")
    assert before < after_provider < listing_changes(connection)


def whole_directory():
    return engine.run_search(SearchFilterSet(QueryDict("")).search())


@pytest.mark.django_db(transaction=True)
def test_the_whole_directory_counts_are_kept_until_a_listing_changes(listing, settings, django_assert_num_queries):
    listing("Ann")
    assert whole_directory().total == 1
    # Counted once: now the counter, the stored counts (the database cache) and the page, no counting.
    with django_assert_num_queries(3):
        assert whole_directory().total == 1
    listing("Bo")
    assert whole_directory().total == 2


@pytest.mark.django_db
def test_postgresql_refuses_to_drop_a_column_the_generated_search_columns_read():
    for column in ("display_name", "search_document", "concerns"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE providers_provider DROP COLUMN {column}")  # noqa: S608


SQL_MODULES = [
    Path(statement.__file__),
    Path(__file__).resolve().parents[2] / "providers" / "search_document.py",
]


@pytest.mark.parametrize("module", SQL_MODULES, ids=lambda path: path.name)
def test_the_search_sql_reads_only_columns_that_exist(module):
    # Fails when a providers column the hand-written SQL reads is renamed or dropped without updating it.
    provider_columns = {f.column for f in Provider._meta.concrete_fields}
    office_columns = {f.column for f in Office._meta.concrete_fields}
    source = module.read_text()
    read = set(re.findall(r"\bp\.([a-z_]+)\b", source))
    assert read, "no column references found: the pattern is out of date"
    assert read <= provider_columns, read - provider_columns
    assert set(re.findall(r"\bo\.([a-z_]+)\b", source)) <= office_columns


@pytest.mark.django_db
def test_the_columns_every_search_reads_row_by_row_are_never_compressed():
    # A vocabulary added later needs its column set PLAIN in its migration (see providers migration 0007): the
    # toaster would otherwise compress them, and every facet aggregate would decompress them again per row.
    from providers.search_columns import TALLIES
    from providers.taxonomy import TERM_FIELDS

    wanted = {"name_key", "licensed_states", *(f.field for f in TERM_FIELDS), TALLIES}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = 'providers_provider'::regclass AND attstorage = 'p'"
        )
        plain = {name for (name,) in cursor.fetchall()}
    assert wanted - plain == set()


@pytest.mark.django_db
def test_a_listing_with_every_term_of_every_vocabulary_fits_the_covering_index(listing):
    # The tallies grow with the largest term id (seven digits a term); the covering index's entries must stay
    # under PostgreSQL's btree limit (2,704 bytes) for a listing that ticks everything.
    from providers.taxonomy import TERM_FIELDS, vocabulary

    everything = {f.field: [t.id for t in vocabulary().terms[f.field]] for f in TERM_FIELDS}
    provider = listing("Everything Everywhere")
    Provider.objects.filter(pk=provider.pk).update(**everything)
    index = next(index for index in Provider._meta.indexes if index.name == "provider_search_row")
    assert len(index.include) + 1 <= 32  # PostgreSQL's most columns in an index
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pg_column_size(ROW(id, {', '.join(index.include)})) FROM providers_provider WHERE id = %s",  # noqa: S608
            [provider.pk],
        )
        size = cursor.fetchone()[0]
    # Room to grow: a term adds ~6 bytes (two in its id array, seven digits in its tally): 150 more still fit.
    assert size + 150 * 6 < 2704


@pytest.mark.django_db
@pytest.mark.parametrize("term_id", [1, 2, 3, 4, 20, 58])
def test_a_term_counts_in_its_own_digits_of_a_sum_of_tallies(term_id):
    # One rule on both sides: providers_tally (migration 0019) in SQL, tally_counts in Python (the facet counts).
    from providers.search_columns import tally_counts

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sum(providers_tally(ids::smallint[])) FROM (VALUES (%s), (%s), (%s)) t(ids)",
            [[term_id], [term_id, 1, term_id], []],  # a repeated id counts once
        )
        total = cursor.fetchone()[0]
    expected = {term_id: 2} if term_id == 1 else {term_id: 2, 1: 1}
    assert {t: n for t, n in tally_counts(total, range(1, 60)).items() if n} == expected


@pytest.mark.django_db
def test_names_keep_a_sample_large_enough_for_the_planner_to_look_typos_up_by_trigrams():
    # With the default sample, the estimate of names close to a typo swung from 10 to 3,026 at 100,000 listings and
    # the planner then compared the words with every name (190 ms instead of 10; providers migration 0019).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute WHERE attrelid = 'providers_provider'::regclass"
            " AND attname = 'name_key'"
        )
        assert cursor.fetchone()[0] >= 500
