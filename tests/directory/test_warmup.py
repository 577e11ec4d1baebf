"""A new application worker loads what searches need before its first request (gunicorn.conf.py)."""

import logging

import pytest

from directory import warmup
from directory.search import snapshot as snapshots
from providers import geo


@pytest.fixture
def snapshot(monkeypatch):
    snapshot = snapshots.Snapshot()
    monkeypatch.setattr(snapshots, "current", snapshot)
    return snapshot


@pytest.mark.django_db(transaction=True)
def test_a_new_worker_loads_the_zip_index_the_vocabulary_and_the_facet_index(listing, snapshot):
    listing("Dana Whitfield")
    listing("Eli Moss")
    geo._index.cache_clear()
    warmup.warm_worker()
    assert geo._index.cache_info().currsize == 1
    assert snapshot.index is not None and snapshot.index.size == 2


@pytest.mark.django_db(transaction=True)
def test_a_failed_preload_is_logged_and_the_rest_still_loads(monkeypatch, snapshot, caplog):
    def broken():
        raise RuntimeError("database unavailable")

    monkeypatch.setattr("providers.taxonomy.vocabulary", broken)
    with caplog.at_level(logging.WARNING, logger="directory.warmup"):
        warmup.warm_worker()
    assert "Could not preload the vocabulary" in caplog.text
    assert snapshot.index is not None
