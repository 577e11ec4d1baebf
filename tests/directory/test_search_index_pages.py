"""Pages read in the order of an index: the whole directory's, and a nationwide search whose filters leave many
listings (directory.search.order.index_page). They must be the very pages the counting statement sorts."""

import pytest
from django.db import connection
from django.http import QueryDict

from directory.search import engine, order, session, statement
from directory.search.filters import SearchFilterSet

pytestmark = pytest.mark.django_db

SORTS = ["relevance", "name", "recently-confirmed"]


@pytest.fixture
def directory(listing):
    """45 listings: taking clients or not, confirmed lately, long ago or never, some with the concern searched."""
    for n in range(45):
        listing(
            f"Person {n:02d}",
            accepting_new_clients=n % 3 > 0,
            confirmed_days_ago=[2, 40, 150, None, 9][n % 5],
            concerns=["birth-trauma"] if n % 4 else ["infertility"],
            zips=[],
        )


def search_for(query: str):
    return SearchFilterSet(QueryDict(query)).search()


def ids(page) -> list[int]:
    return [order.decode_row(row)[0] for row in page]


@pytest.mark.parametrize("sort", SORTS)
def test_the_whole_directory_index_ordered_pages_match_the_full_statement(directory, sort):
    search = search_for(f"sort={sort}")
    for offset in (0, 20, 40):
        full = session.run(
            connection, statement.build(search, connection, facets=False, with_total=False, offset=offset, limit=20)
        )[1]
        walked = session.run(connection, statement.unfiltered_page(search, offset=offset, limit=20))[1]
        assert ids(walked) == ids(full)


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("filters", ["concern=birth-trauma", "concern=birth-trauma&accepting=1"])
def test_a_walked_page_of_filtered_results_is_the_sorted_one_with_the_same_counts(directory, sort, filters):
    search = search_for(f"sort={sort}&{filters}")
    for offset in (0, 20):
        built = [
            statement.build(search, connection, facets=True, with_total=True, offset=offset, limit=20, walk=walk)
            for walk in (False, True)
        ]
        sorted_row, walked_row = (session.run(connection, b) for b in built)
        assert "array_agg" in built[0].sql and "array_agg" not in built[1].sql  # the walk really replaced the sort
        assert ids(walked_row[1]) == ids(sorted_row[1])
        assert len(ids(walked_row[1])) == min(20, walked_row[0] - offset) > 0
        assert built[1].parse(walked_row) == built[0].parse(sorted_row)  # total, facet counts, "without" counts


def test_broad_nationwide_filters_are_walked_narrow_ones_sorted(listing, monkeypatch):
    # 600 index entries are a small share of 100,000 listings; of these 42, 30 is.
    monkeypatch.setattr(engine, "WALK_ENTRIES", 30)
    for n in range(40):
        listing(f"Broad {n:02d}", concerns=["birth-trauma"], languages=["es"] if n == 0 else [], zips=[])
    for n in range(2):
        listing(f"Rare {n}", concerns=["infertility"], zips=[])

    def walks(query, offset=0):
        return engine._walks(search_for(query), connection, offset)

    assert walks("concern=birth-trauma")  # 40 of 42 listings: a page's 20 are found within 21 entries
    assert not walks("concern=birth-trauma", offset=20)  # the second page: 42 entries
    assert not walks("concern=infertility")  # 2 of 42: sorting two results beats walking the whole index
    assert not walks("concern=birth-trauma&language=es")  # about one listing, by the counts
    assert not walks("concern=birth-trauma&max_fee=100")  # no counts for fees to go by
    assert not walks("concern=birth-trauma&near=02139")  # near a place, the candidates are few already
    assert not walks("q=trauma&concern=birth-trauma")
    assert not walks("")  # nothing chosen: the whole directory has its own page (unfiltered_page)


def test_a_walked_search_page_lists_and_counts_as_a_sorted_one(client, directory, monkeypatch):
    query = {"concern": "birth-trauma", "page": "2"}
    assert engine._walks(search_for("concern=birth-trauma&page=2"), connection, 20)
    walked = client.get("/search/", query)
    monkeypatch.setattr(engine, "WALK_ENTRIES", 0)  # now every search sorts its results
    sorted_page = client.get("/search/", query)
    names = [card.provider.display_name for card in walked.context["cards"]]
    assert names == [card.provider.display_name for card in sorted_page.context["cards"]] and len(names) == 13
    assert walked.context["outcome"].total == sorted_page.context["outcome"].total == 33
    assert walked.context["facets"] == sorted_page.context["facets"]
