"""Where a family is: offices within the radius (nearest first) and telehealth licensed in their state."""

import pytest

from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db

IN_PERSON = ["in-person"]
TELEHEALTH = ["telehealth"]


@pytest.fixture
def around_cambridge(listing):
    """Offices at known distances from Cambridge, MA 02139, and telehealth providers elsewhere."""
    listing("Near Nora", zips=["02139"], formats=IN_PERSON, licensed_states=["MA"])  # 0 mi
    listing("Boston Bea", zips=["02115"], formats=IN_PERSON, licensed_states=["MA"])  # 1.6 mi
    listing("Newton Nia", zips=["02458"], formats=IN_PERSON, licensed_states=["MA"])  # 4.3 mi
    listing("Framingham Fay", zips=["01701"], formats=IN_PERSON, licensed_states=["MA"])  # 17 mi
    listing("Worcester Wren", zips=["01608"], formats=IN_PERSON, licensed_states=["MA"])  # 36 mi
    listing("Tele Tova", zips=["10001"], formats=TELEHEALTH, licensed_states=["NY", "MA"])  # NYC, licensed in MA
    listing("Tele Tess", zips=["10001"], formats=TELEHEALTH, licensed_states=["NY"])  # not licensed in MA
    listing("Austin Ada", zips=["78701"], formats=["in-person", "telehealth"], licensed_states=["TX", "MA"])


def test_near_a_zip_shows_offices_within_the_radius_and_telehealth_licensed_in_the_state(client, around_cambridge):
    response = client.get("/search/", {"near": "02139"})
    found = names(response)
    assert set(found) == {"Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay", "Tele Tova", "Austin Ada"}
    # Nearest first; telehealth-only listings (no office in range) after the in-person ones.
    assert found[:4] == ["Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay"]
    page = html(response)
    assert "within 25 miles of Cambridge, MA 02139 or by telehealth in Massachusetts" in page
    assert "Less than 0.1 mi away" in page and "1.6 mi away" in page and "4.3 mi away" in page
    assert "Telehealth in MA" in page


@pytest.mark.parametrize(
    ("radius", "expected"),
    [
        ("5", {"Near Nora", "Boston Bea", "Newton Nia"}),
        ("10", {"Near Nora", "Boston Bea", "Newton Nia"}),
        ("25", {"Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay"}),
        ("50", {"Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay", "Worcester Wren"}),
    ],
)
def test_radius_limits_in_person_results(client, around_cambridge, radius, expected):
    response = client.get("/search/", {"near": "02139", "radius": radius, "format": "in-person"})
    assert set(names(response)) == expected


def test_format_telehealth_shows_only_providers_licensed_in_the_family_state(client, around_cambridge):
    response = client.get("/search/", {"near": "02139", "format": "telehealth"})
    assert set(names(response)) == {"Tele Tova", "Austin Ada"}
    assert "available by telehealth in Massachusetts" in html(response)


def test_format_in_person_shows_only_offices_within_the_radius(client, around_cambridge):
    response = client.get("/search/", {"near": "02139", "format": "in-person"})
    assert set(names(response)) == {"Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay"}


def test_telehealth_state_comes_from_a_city_and_state(client, around_cambridge):
    response = client.get("/search/", {"near": "Austin, TX", "format": "telehealth"})
    assert names(response) == ["Austin Ada"]
    assert "Telehealth in TX" in html(response)


def test_sort_by_distance_orders_by_nearest_office(client, listing):
    listing("Far Fran", zips=["01701"], formats=IN_PERSON)
    listing("Close Cleo", zips=["02115"], formats=IN_PERSON)
    listing("Closest Cy", zips=["02139"], formats=IN_PERSON)
    response = client.get("/search/", {"near": "02139", "sort": "distance"})
    assert names(response) == ["Closest Cy", "Close Cleo", "Far Fran"]


def test_a_provider_with_several_offices_appears_once_at_the_nearest(client, listing):
    listing("Two Offices", zips=["01701", "02138"], formats=IN_PERSON)  # 17 mi and 1.4 mi
    listing("One Office", zips=["02458"], formats=IN_PERSON)  # 4.3 mi
    response = client.get("/search/", {"near": "02139", "sort": "distance"})
    assert names(response) == ["Two Offices", "One Office"]
    card = response.context["cards"][0]
    assert card.distance == "1.4 mi away"
    assert card.where == "Cambridge, MA"


def test_without_a_location_results_are_nationwide_and_the_page_says_so(client, around_cambridge):
    response = client.get("/search/")
    assert len(names(response)) == 8
    assert "Showing providers nationwide" in html(response)


@pytest.mark.parametrize("query", [{}, {"concern": "birth-trauma"}, {"sort": "name", "page": "1"}])
def test_nationwide_cards_give_no_distance(client, listing, query):
    listing("Nationwide Nell", zips=["02139"], concerns=["birth-trauma"])
    response = client.get("/search/", query)
    assert [card.distance for card in response.context["cards"]] == [""]
    assert "mi away" not in html(response)


def test_a_listing_here_by_telehealth_only_gives_no_distance_but_its_state(client, listing):
    listing("Office Olive", zips=["02139"], formats=IN_PERSON)
    listing("Remote Rhea", zips=["94110"], formats=["telehealth"], licensed_states=["MA", "CA"])  # San Francisco
    listing("Nowhere Nan", zips=[], formats=["telehealth"], licensed_states=["MA"])  # no office at all
    response = client.get("/search/", {"near": "02139"})
    cards = {card.provider.display_name: card for card in response.context["cards"]}
    assert cards["Office Olive"].distance == "Less than 0.1 mi away"
    for name in ("Remote Rhea", "Nowhere Nan"):
        assert (cards[name].distance, cards[name].remote) == ("", "Telehealth in MA")
    assert html(response).count("mi away") == 1


def test_an_unknown_place_gets_a_clear_message_and_suggestions_not_an_empty_page(client, around_cambridge):
    response = client.get("/search/", {"near": "Cambrdg, MA"})
    assert response.status_code == 200
    page = html(response)
    assert "We couldn't find “Cambrdg, MA”" in page
    assert 'href="/search/?near=Cambridge%2C+MA"' in page
    assert "Meanwhile, here are providers nationwide" in page
    assert len(names(response)) == 8
    assert 'aria-invalid="true"' in page


def test_an_unknown_zip_suggests_zip_codes_that_start_alike(client):
    response = client.get("/search/", {"near": "99999"})
    page = html(response)
    assert "We couldn't find “99999”" in page
    assert "Did you mean" in page and "Ketchikan, AK 99901" in page


def test_an_unknown_place_without_suggestions_still_explains(client):
    response = client.get("/search/", {"near": "00000"})
    page = html(response)
    assert "We couldn't find “00000”" in page and "Try a five-digit ZIP code" in page
    assert "Did you mean" not in page


# Places as people type them -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("near", "where"),
    [
        ("Boston", "Boston, MA"),
        ("cambridge", "Cambridge, MA"),
        ("Brooklyn", "Brooklyn, NY"),
        ("Boston MA", "Boston, MA"),
        ("Cambrige, MA", "Cambridge, MA"),
        ("boston, ma", "Boston, MA"),
        ("02139-4307", "Cambridge, MA 02139"),
    ],
)
def test_the_places_families_type_are_found(client, around_cambridge, near, where):
    response = client.get("/search/", {"near": near})
    assert response.context["criteria"].place.label == where
    assert f"within 25 miles of {where}" in html(response)
    assert "We couldn't find" not in html(response) or near == "Cambrige, MA"


def test_an_ambiguous_name_uses_the_largest_place_says_so_and_offers_the_others_by_size(client, around_cambridge):
    response = client.get("/search/", {"near": "Cambridge", "format": "in-person"})
    page = html(response)
    assert "Several places are called “Cambridge”" in page and "<strong>Cambridge, MA</strong>, the largest" in page
    alternatives = [link.label for link in response.context["place_alternatives"]]
    assert alternatives == ["Cambridge, MD", "Cambridge, OH", "Cambridge, MN", "Cambridge, IL"]
    assert 'href="/search/?near=Cambridge%2C+MD&amp;format=in-person"' in page  # one tap, the filters kept
    assert set(names(response)) == {"Near Nora", "Boston Bea", "Newton Nia", "Framingham Fay"}


def test_a_typo_is_read_as_the_closest_place_and_the_page_says_so(client, around_cambridge):
    page = html(client.get("/search/", {"near": "Cambrige, MA"}))
    assert "We couldn't find “Cambrige, MA” exactly, so we're showing <strong>Cambridge, MA</strong>" in page


def test_a_place_with_its_state_needs_no_explaining(client, around_cambridge):
    response = client.get("/search/", {"near": "Cambridge, MA"})
    assert response.context["place_alternatives"] == []
    assert "Several places" not in html(response)


def test_a_street_address_is_searched_by_its_place_and_the_street_leaves_the_address_bar(client, around_cambridge):
    response = client.get("/search/", {"near": "12 Oak Ave, Apt 3, Cambridge, MA", "format": "in-person"})
    assert response.status_code == 302
    assert response["Location"] == "/search/?near=Cambridge%2C+MA&format=in-person"
    found = client.get(response["Location"])
    assert "Near Nora" in names(found)
    assert "Oak" not in html(found)  # not in the form, the links or a shared address
    spanish = client.get("/es/search/", {"near": "12 Oak Ave Cambridge MA"})
    assert spanish["Location"] == "/es/search/?near=Cambridge+MA"


def test_a_place_without_a_street_is_searched_as_typed(client, around_cambridge):
    assert client.get("/search/", {"near": "02139"}).status_code == 200
    assert client.get("/search/", {"near": "  Cambridge,   MA "}).status_code == 200


@pytest.mark.parametrize(
    ("asked", "location"),
    [
        ({"q": "therapist near me"}, "/search/?q=therapist"),  # "near me" matched nobody's listing
        ({"q": "near me"}, "/search/"),
        ({"near": "Near me", "concern": "birth-trauma"}, "/search/?concern=birth-trauma"),
        ({"q": "doula in Austin, TX"}, "/search/?q=doula&near=Austin%2C+TX"),
        ({"q": "EMDR near 02139", "format": "telehealth"}, "/search/?q=EMDR&format=telehealth&near=02139"),
        ({"q": "postpartum therapist in boston"}, "/search/?q=postpartum+therapist&near=boston"),
    ],
)
def test_a_place_typed_with_the_words_moves_to_the_place_box(client, around_cambridge, asked, location):
    response = client.get("/search/", asked)
    assert response.status_code == 302
    assert response["Location"] == location


@pytest.mark.parametrize(
    "asked",
    [
        {"q": "therapist in English"},  # a language, though English, IN is a place
        {"q": "support in pregnancy"},
        {"q": "therapist near Cambrige"},  # a guess a typo away is not moved
        {"q": "doula in Austin, TX", "near": "02139"},  # the place box already says where
    ],
)
def test_words_that_do_not_end_in_a_place_stay_as_typed(client, around_cambridge, asked):
    assert client.get("/search/", asked).status_code == 200


def test_a_place_moved_from_the_words_finds_the_listings_there(client, around_cambridge):
    response = client.get("/search/", {"q": "in person care near Cambridge, MA"}, follow=True)
    assert response.context["criteria"].near == "Cambridge, MA"
    assert response.context["criteria"].q == "in person care"
