import pytest

from providers.taxonomy import VOCABULARIES, Concern, Vocabulary, vocabulary

pytestmark = pytest.mark.django_db


def test_the_whole_vocabulary_loads_in_one_query_and_matches_the_tables(django_assert_num_queries):
    Vocabulary.clear()
    with django_assert_num_queries(1):
        loaded = vocabulary()
    for field, model in VOCABULARIES.items():
        assert [(t.pk, t.slug, t.name) for t in loaded.terms[field]] == list(
            model.objects.values_list("pk", "slug", "name")
        )
    assert loaded.by_slug["types"]["therapist"].plural == "Therapists"
    massachusetts = loaded.by_slug["plans"]["medicaid-ma"]
    assert (massachusetts.name, massachusetts.state) == ("MassHealth", "MA")


def test_a_renamed_term_is_seen_at_once_in_this_process():
    vocabulary()
    concern = Concern.objects.get(slug="birth-trauma")
    concern.name = "Traumatic birth"
    concern.save()
    assert vocabulary().by_slug["concerns"]["birth-trauma"].name == "Traumatic birth"


def test_ids_and_names_ignore_unknown_slugs_and_ids():
    words = vocabulary()
    ids = words.ids("concerns", ["birth-trauma", "no-such-concern"])
    assert len(ids) == 1
    assert [t.slug for t in words.named("concerns", [*ids, 32000])] == ["birth-trauma"]
