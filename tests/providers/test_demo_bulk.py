"""providers.demo.bulk: the fast-loading helpers behind seed_demo."""

import io
import threading
import time

import pytest
from django.core.management import call_command
from django.db import connection

from providers.demo import bulk
from providers.models import Provider


def test_in_background_yields_everything_in_order():
    assert list(bulk.in_background(iter(range(50)), ahead=3)) == list(range(50))


def test_in_background_raises_the_producers_error_in_the_consumer():
    def failing():
        yield 1
        raise ValueError("no more")

    items = bulk.in_background(failing())
    assert next(items) == 1
    with pytest.raises(ValueError, match="no more"):
        next(items)


def test_in_background_releases_the_producer_when_the_consumer_stops_early():
    produced = []

    def endless():
        while True:
            produced.append(1)
            yield len(produced)

    items = bulk.in_background(endless())
    assert next(items) == 1
    items.close()
    count = len(produced)
    time.sleep(0.3)
    assert len(produced) == count  # the producer stopped
    assert not any(thread.name == "bulk-producer" for thread in threading.enumerate())


def index_definitions():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'providers_provider' ORDER BY indexname")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_indexes_set_aside_drops_plain_indexes_and_rebuilds_them_exactly():
    before = index_definitions()

    with bulk.indexes_set_aside(Provider):
        during = index_definitions()
        assert any("gin (concerns)" in definition for definition in before)
        assert not any("gin (concerns)" in definition for definition in during)
        assert any("providers_provider_pkey" in definition for definition in during)  # constraints stay

    assert index_definitions() == before


def test_indexes_set_aside_needs_a_transaction():
    # Outside a transaction a failure would leave the table without its indexes.
    with pytest.raises(RuntimeError, match="must run inside a transaction"), bulk.indexes_set_aside(Provider):
        pass


def index_size(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size(%s::regclass)", [name])
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)  # VACUUM cannot run in a transaction
def test_seeding_leaves_the_listings_indexes_as_compact_as_rebuilt_ones():
    # seed_demo updates every listing's search document in the transaction that builds the indexes, which must keep
    # each row's dead copy: the covering index came out twice the size a rebuild gives (optimise() compacts it).
    call_command("seed_demo", providers=300, stdout=io.StringIO())
    seeded = index_size("provider_search_row")
    with connection.cursor() as cursor:
        cursor.execute("REINDEX INDEX provider_search_row")

    assert seeded == index_size("provider_search_row")
