"""The search's read model (copies of published listings kept by triggers) and its cached counts."""

import pytest
from django.db import connection
from django.http import QueryDict

from directory.filters import criteria_from_query
from directory.search.engine import run_search
from providers.models import Provider


def copies():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT l.provider_id, l.accepting, t.name_key FROM directory_listing l "
            "JOIN directory_listing_text t USING (provider_id) ORDER BY 1"
        )
        return cursor.fetchall()


@pytest.mark.django_db
def test_only_published_listings_are_copied_and_copies_follow_every_change(listing):
    live = listing("Renée Live", accepting_new_clients=True)
    from tests.providers.factories import ProviderFactory

    draft = listing("Draft Dee", factory=ProviderFactory)
    assert copies() == [(live.pk, True, "renee live")]

    Provider.objects.filter(pk=live.pk).update(accepting_new_clients=False)  # a bulk update, no save()
    assert copies() == [(live.pk, False, "renee live")]

    Provider.objects.filter(pk=draft.pk).update(status=Provider.Status.PUBLISHED)
    assert [row[0] for row in copies()] == sorted([live.pk, draft.pk])

    live.status = Provider.Status.SUSPENDED
    live.save()
    assert [row[0] for row in copies()] == [draft.pk]

    draft.delete()
    assert copies() == []


@pytest.mark.django_db
def test_the_copy_carries_the_full_text_document(listing):
    provider = listing("Dana Whitfield", concerns=["birth-trauma"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT document::text FROM directory_listing_text WHERE provider_id = %s", [provider.pk])
        document = cursor.fetchone()[0]
    assert "'whitfield':2A" in document and "'trauma'" in document


@pytest.mark.django_db
def test_the_ranking_document_keeps_only_the_name_concerns_and_headline_weights_and_follows_changes(listing):
    # directory/migrations/0009: the bio (weight C) matches through the full document but is not ranked.
    provider = listing("Dana Whitfield", concerns=["birth-trauma"], bio="Gentle postpartum support.")

    def documents():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT document::text, rank_document::text FROM directory_listing_text WHERE provider_id = %s",
                [provider.pk],
            )
            return cursor.fetchone()

    document, ranking = documents()
    assert "'gentl'" in document and "'gentl'" not in ranking
    assert "'whitfield':2A" in ranking and "'trauma'" in ranking

    provider.display_name = "Dana Whitfeld"
    provider.save()  # rebuilds search_document; the trigger rewrites the copy and its ranking document
    assert "'whitfeld':2A" in documents()[1]


def search(query):
    return run_search(criteria_from_query(QueryDict(query)))


@pytest.fixture
def sql_counts(monkeypatch):
    # The count cache serves SQL counting; without words a current facet index would answer instead.
    from directory.search import engine

    monkeypatch.setattr(engine, "FACET_INDEX", "off")


@pytest.mark.django_db(transaction=True)
def test_counts_are_reused_across_pages_and_sorts_but_never_outlive_a_change(listing, sql_counts):
    for n in range(25):
        listing(f"Provider {n:02d}", concerns=["nicu"])
    first = search("concern=nicu")
    assert (first.total, first.from_cache) == (25, False)
    second = search("concern=nicu&page=2&sort=name")
    assert (second.total, second.from_cache, len(second.rows)) == (25, True, 5)

    listing("Provider 25", concerns=["nicu"])  # committed: the snapshot moves on
    third = search("concern=nicu&page=2")
    assert (third.total, third.from_cache, len(third.rows)) == (26, False, 6)
    assert third.counts.options["concern"][term_id("nicu")] == 26


def term_id(slug):
    from providers.taxonomy import vocabulary

    return vocabulary().ids("concerns", [slug])[0]


@pytest.mark.django_db(transaction=True)
def test_unfiltered_counts_are_kept_for_everyone_until_something_changes(listing, sql_counts):
    listing("Ann")
    assert search("").from_cache is False
    assert search("sort=name").from_cache is True
    listing("Bo")
    again = search("")
    assert (again.total, again.from_cache) == (2, False)
