"""The in-memory facet index (directory/search/facets.py) counts exactly what the SQL statement counts, and is used
only while it matches the listings' change counter."""

import random

import pytest
from django.db import connection
from django.http import QueryDict

from directory.filters import criteria_from_query
from directory.search import engine, facets
from directory.search import snapshot as snapshots
from directory.search import sql as search_sql
from providers.taxonomy import vocabulary

# Offices at a spread of distances from the searched places (Providence and Worcester ~40 mi from Cambridge,
# Newark ~9 mi and Stamford ~35 mi from Manhattan), so radii cut between them.
ZIPS = [
    (),
    ("02139",),
    ("02115",),
    ("10001",),
    ("60601",),
    ("78701",),
    ("02139", "10001"),
    ("02903",),
    ("01608",),
    ("07102",),
    ("06901",),
    ("11201", "02903"),
]
STATES = ["MA", "NY", "IL", "TX", "CA"]
GROUPS = {  # GET parameter -> Provider field
    "type": "types",
    "concern": "concerns",
    "modality": "modalities",
    "language": "languages",
    "payment": "payments",
    "practice": "practices",
    "format": "formats",
}


@pytest.fixture
def directory(listing):
    """Sixty listings with random offices, licences, vocabulary, flags and fees (a fixed seed)."""
    rng = random.Random(7)
    terms = vocabulary()
    for number in range(60):
        fields = {
            field: rng.sample([t.slug for t in terms.terms[field]], rng.randint(0, 3)) for field in GROUPS.values()
        }
        listing(
            f"Listing {number}",
            zips=rng.choice(ZIPS),
            licensed_states=rng.sample(STATES, rng.randint(0, 2)),
            accepting_new_clients=rng.random() < 0.6,
            free_consultation=rng.random() < 0.4,
            fee_min=rng.choice([None, 0, 80, 150]),
            fee_max=None,
            **fields,
        )
    return rng


def searches(rng, count):
    terms = vocabulary()
    for _ in range(count):
        query = QueryDict(mutable=True)
        if rng.random() < 0.6:
            query["near"] = rng.choice(["02139", "10001", "Chicago, IL", "78701", "94103"])
            query["radius"] = rng.choice(["5", "10", "25", "50", "100"])
        words = rng.random() < 0.4
        if words:  # words of every weight, matching many listings or few, and names (one misspelt)
            query["q"] = rng.choice(
                ["trauma", "anxiety or doula or emdr", "postpartum", "support", "Listing 3", "Lisitng", "Listing"]
            )
        for param, field in rng.sample(sorted(GROUPS.items()), rng.randint(0, 1 if words else 3)):
            query.setlist(param, rng.sample([t.slug for t in terms.terms[field]], rng.randint(1, 2)))
        for flag in ("accepting", "free_consult"):
            if rng.random() < 0.25:
                query[flag] = "1"
        if rng.random() < 0.25:
            query["max_fee"] = rng.choice(["0", "100", "200"])
        yield query.urlencode()


def counted_in_sql(spec):
    statement = search_sql.build(spec, facets=True, with_total=True, offset=0, limit=0)
    return engine._parse_counts(statement, search_sql.run(connection, statement))


@pytest.mark.django_db
def test_the_index_counts_exactly_what_the_sql_statement_counts(directory):
    index = facets.FacetIndex.load(connection, version=0)
    assert index.size == 60
    compared = 0
    for query in searches(directory, 150):
        spec = engine.make_spec(criteria_from_query(QueryDict(query)))
        if spec.criteria.q:
            search_sql.configure(connection)
        expected = counted_in_sql(spec)
        assert engine._search_in_memory(index, connection, spec, offset=0)[0] == expected, query
        compared += expected.total > 0
    assert compared > 30  # most searches find something, so the comparison is not between zeros


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["relevance", "distance", "recently-confirmed", "name"])
def test_the_index_gives_the_same_pages_as_the_sql_statement(directory, listing, sort):
    listing("Never Confirmed", zips=("02139",), confirmed_days_ago=None)
    listing("Long Ago", zips=("10001",), confirmed_days_ago=400, accepting_new_clients=False)
    index = facets.FacetIndex.load(connection, version=0)
    search_sql.configure(connection)
    compared = 0
    for query in searches(directory, 60):
        spec = engine.make_spec(criteria_from_query(QueryDict(f"{query}&sort={sort}")))
        for offset in (0, 20):
            statement = search_sql.build(spec, facets=False, with_total=False, offset=offset, limit=20)
            expected = engine._rows(search_sql.run(connection, statement)[1])
            found = engine._search_in_memory(index, connection, spec, offset)[1]
            assert [(pid, remote) for pid, _, remote in found] == [(pid, remote) for pid, _, remote in expected]
            for (_, miles, _), (_, sql_miles, _) in zip(found, expected, strict=True):
                assert miles == pytest.approx(sql_miles, abs=1e-9) if sql_miles is not None else miles is None
            compared += len(expected)
    assert compared > 100


@pytest.mark.django_db
def test_a_term_nobody_has_counts_zero_and_an_empty_directory_counts_nothing(listing):
    spec = engine.make_spec(criteria_from_query(QueryDict("concern=nicu&language=asl")))
    index = facets.FacetIndex.load(connection, version=0)
    assert index.size == 0
    total, options, without, _ = index.counts(spec, index.everyone)
    assert total == 0 and set(options["concern"].values()) == {0} and without == {"concern": 0, "language": 0}


class TestSnapshot:
    @pytest.fixture
    def snapshot(self, monkeypatch):
        snapshot = snapshots.Snapshot()
        self.reloads = 0

        def reload_soon():
            self.reloads += 1

        monkeypatch.setattr(snapshot, "_reload_soon", reload_soon)
        return snapshot

    def test_a_snapshot_is_used_only_for_the_version_it_was_loaded_at(self, snapshot):
        assert snapshot.fresh(5) is None and self.reloads == 1  # nothing loaded yet: load one
        snapshot.index = facets.FacetIndex(5, [("all", "", b"")])
        assert snapshot.fresh(5) is snapshot.index and self.reloads == 1
        assert snapshot.fresh(6) is None and self.reloads == 2  # the listings changed: count in SQL, reload

    def test_an_old_snapshot_is_not_trusted_even_if_nothing_seems_to_have_changed(self, snapshot):
        snapshot.index = facets.FacetIndex(5, [("all", "", b"")], loaded_at=-snapshots.MAX_AGE - 1)
        assert snapshot.fresh(5) is None and self.reloads == 1


@pytest.mark.django_db(transaction=True)
def test_searches_count_from_the_index_once_loaded_and_stop_when_a_listing_changes(client, listing, monkeypatch):
    monkeypatch.setattr(engine, "FACET_INDEX", "on")
    monkeypatch.setattr(engine.counts_cache, "size", 0)  # every search counts
    monkeypatch.setattr(snapshots, "MIN_INTERVAL", 0)
    monkeypatch.setattr(snapshots, "current", snapshots.Snapshot())
    counted = []
    real_counts = facets.FacetIndex.counts
    monkeypatch.setattr(facets.FacetIndex, "counts", lambda *a, **k: counted.append(1) or real_counts(*a, **k))
    dana = listing("Dana", concerns=["birth-trauma"])
    listing("Eli", concerns=["nicu"])

    def concern_counts():
        response = client.get("/search/", {"concern": "birth-trauma"})
        facet = next(f for f in response.context["facets"] if f.param == "concern")
        return response.context["outcome"].total, {o.slug: o.count for o in facet.options if o.count}

    assert concern_counts() == (1, {"birth-trauma": 1, "nicu": 1})  # counted in SQL; the index loads meanwhile
    snapshots.current.wait()
    assert counted == []
    assert concern_counts() == (1, {"birth-trauma": 1, "nicu": 1})
    assert counted == [1]

    dana.concerns = list(dana.concerns) + [vocabulary().ids("concerns", ["nicu"])[0]]
    dana.save()
    assert concern_counts() == (1, {"birth-trauma": 1, "nicu": 2})  # the index is behind: SQL counts
    assert counted == [1]
    snapshots.current.wait()
    assert concern_counts() == (1, {"birth-trauma": 1, "nicu": 2})
    assert counted == [1, 1]
