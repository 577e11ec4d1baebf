"""Free text: full-text search on the weighted document, accent-insensitive, tolerant of typos in names. (Words that
signal a crisis are not a text filter: test_search_crisis.py.)"""

import pytest

from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db


def test_a_name_match_ranks_above_a_bio_mention(client, listing):
    listing("Maria Lopez", bio="I trained with Dana Whitfield's team in Boston and loved every minute.")
    listing("Dana Whitfield", bio="Warm support for new parents.")
    listing("Unrelated Una", bio="Nothing to see here.")
    response = client.get("/search/", {"q": "Whitfield"})
    assert names(response) == ["Dana Whitfield", "Maria Lopez"]


def test_near_a_place_a_name_match_still_ranks_above_a_bio_mention(client, listing):
    listing(
        "Maria Lopez", bio="I trained with Dana Whitfield's team in Boston and loved every minute.", zips=("02139",)
    )
    listing("Dana Whitfield", bio="Warm support for new parents.", zips=("02115",))  # a little further away
    listing("Whitney Field", zips=("10001",), licensed_states=["NY"])  # a similar name, too far
    response = client.get("/search/", {"q": "Whitfield", "near": "02139"})
    assert names(response) == ["Dana Whitfield", "Maria Lopez"]


def test_near_a_place_a_misspelt_name_still_outranks_a_closer_bio_mention(client, listing):
    listing("Carla Near", bio="I trained in the Whitfeld method.", zips=("02139",))  # matches, ranks 0 (bio)
    listing("Dana Whitfield", zips=("02115",))  # a little further away, found by her name
    response = client.get("/search/", {"q": "Whitfeld", "near": "02139"})
    assert names(response) == ["Dana Whitfield", "Carla Near"]


def test_a_concern_outranks_a_passing_mention_in_the_bio(client, listing):
    listing("Bio Bo", concerns=["infertility"], bio="Some clients come after birth trauma, among many other things.")
    listing("Concern Cai", concerns=["birth-trauma"], bio="Parents after a hard birth.")
    response = client.get("/search/", {"q": "birth trauma"})
    assert names(response) == ["Concern Cai", "Bio Bo"]


def test_bio_only_mentions_match_but_do_not_add_to_the_rank(client, listing):
    # Ranking reads the small A/B-weight document (directory/migrations/0009): mentioning the words more often
    # in the bio does not lift a listing; bio-only matches follow the ranked ones, in name order.
    listing("Zed Many", bio="Hyperemesis care, hyperemesis recovery, hyperemesis everything: hyperemesis.")
    listing("Amy Once", bio="Some hyperemesis work.")
    listing("Head Hana", headline="Hyperemesis support")
    listing("Unrelated Una", bio="Nothing to see here.")
    assert names(client.get("/search/", {"q": "hyperemesis"})) == ["Head Hana", "Amy Once", "Zed Many"]


@pytest.mark.parametrize("typo", ["Whitfeld", "whitfeild", "Witfield", "dana whitfeld"])
def test_small_typos_in_a_name_still_find_it(client, listing, typo):
    listing("Dana Whitfield")
    listing("Someone Else")
    assert names(client.get("/search/", {"q": typo})) == ["Dana Whitfield"]


@pytest.mark.parametrize("query", ["Renee Dubois", "renée", "RENEE", "Dubois"])
def test_search_ignores_accents_and_case(client, listing, query):
    listing("Renée Dubois")
    assert names(client.get("/search/", {"q": query})) == ["Renée Dubois"]


def test_words_are_stemmed_so_plurals_match(client, listing):
    listing("Grace Doula", types=["doula"], headline="Birth and postpartum support")
    assert names(client.get("/search/", {"q": "doulas"})) == ["Grace Doula"]


def test_words_match_the_headline_and_modalities(client, listing):
    listing("Emdr Emma", modalities=["emdr"])
    listing("Cbt Carl", modalities=["cbt"])
    assert names(client.get("/search/", {"q": "EMDR"})) == ["Emdr Emma"]


def test_free_text_combines_with_filters_and_place(client, listing):
    listing("Near Match", concerns=["birth-trauma"], languages=["es"], zips=["02139"])
    listing("Near Other Language", concerns=["birth-trauma"], languages=["en"], zips=["02139"])
    listing("Far Match", concerns=["birth-trauma"], languages=["es"], zips=["78701"], licensed_states=["TX"])
    response = client.get("/search/", {"q": "birth trauma", "near": "02139", "language": "es"})
    assert names(response) == ["Near Match"]
    assert "1 provider matching “birth trauma” within 25 miles" in html(response)


def test_words_that_match_nothing_give_the_no_results_message(client, listing):
    listing("Dana Whitfield")
    response = client.get("/search/", {"q": "xylophone"})
    assert names(response) == []
    page = html(response)
    assert "No providers match this search yet" in page
    assert 'Without the words “xylophone”: <span class="way-count">1</span>' in page


@pytest.mark.parametrize("sort", ["relevance", "name", "recently-confirmed"])
def test_the_pages_of_a_words_only_search_list_each_match_once_stale_ones_last(client, listing, sort):
    for n in range(30):
        bio = "Birth trauma support. " * (n % 4 + 1)
        listing(f"Person {n:02d}", bio=bio, confirmed_days_ago=[1, 30, 200, None][n % 4])
    listing("Trauma Whitfield", bio="Kind.")
    # Close to the words by name and matching them in the bio too: found twice, listed once.
    listing("Birth Trauma Collective", bio="Birth trauma support.", confirmed_days_ago=200)
    pages = [client.get("/search/", {"q": "birth trauma", "sort": sort, "page": page}) for page in (1, 2)]
    found = [card.provider for response in pages for card in response.context["cards"]]
    assert pages[0].context["outcome"].total == len(found) == 32
    assert len({p.pk for p in found}) == 32
    stale = [p.availability_is_stale for p in found]
    assert stale == sorted(stale)  # every listing confirmed lately comes before every stale one
