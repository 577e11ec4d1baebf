"""A whole state typed alone ("Texas", "MA"): listings with an office anywhere in it and those licensed there for
telehealth, with no distances (a state has no centre to measure from)."""

import pytest

from tests.directory.conftest import html, names

pytestmark = pytest.mark.django_db


@pytest.fixture
def around_texas(listing):
    listing("Houston Hana", zips=["77002"], formats=["in-person"], licensed_states=["TX"], confirmed_days_ago=3)
    listing("El Paso Eve", zips=["79901"], formats=["in-person"], licensed_states=["TX"], confirmed_days_ago=1)
    listing("Tele Tamsin", zips=["10001"], formats=["telehealth"], licensed_states=["NY", "TX"], confirmed_days_ago=5)
    listing("Licensed Lou", zips=["10001"], formats=["in-person"], licensed_states=["TX"])  # no telehealth: no
    listing("Boston Bo", zips=["02139"], formats=["in-person", "telehealth"], licensed_states=["MA"])


@pytest.mark.parametrize("typed", ["Texas", "TX", "texas, USA", "the state of Texas"])
def test_a_state_alone_finds_its_offices_anywhere_and_telehealth_licensed_there(client, around_texas, typed):
    response = client.get("/search/", {"near": typed})
    assert set(names(response)) == {"Houston Hana", "El Paso Eve", "Tele Tamsin"}
    page = html(response)
    assert "3 providers in Texas, in person or by telehealth" in page
    assert "Showing all of Texas" in page
    assert "We couldn" not in page
    assert 'name="radius"' not in page and "Whole state</p>" in page  # no radius to choose


def test_a_state_has_no_distances_and_orders_by_availability_as_nationwide(client, around_texas):
    response = client.get("/search/", {"near": "Texas"})
    assert names(response) == ["El Paso Eve", "Houston Hana", "Tele Tamsin"]  # most recently confirmed first
    page = html(response)
    assert " mi away" not in page
    assert "El Paso, TX" in page and "Telehealth in TX" in page


def test_a_state_with_a_format_means_an_office_in_it_or_a_licence_in_it(client, around_texas):
    in_person = client.get("/search/", {"near": "TX", "format": "in-person"})
    assert set(names(in_person)) == {"Houston Hana", "El Paso Eve"}
    assert "with an office in Texas" in html(in_person)
    remote = client.get("/search/", {"near": "TX", "format": "telehealth"})
    assert names(remote) == ["Tele Tamsin"]
    assert "available by telehealth in Texas" in html(remote)


def test_sorting_a_state_by_distance_explains_it_cannot(client, around_texas):
    response = client.get("/search/", {"near": "Texas", "sort": "distance"})
    assert set(names(response)) == {"Houston Hana", "El Paso Eve", "Tele Tamsin"}
    assert "Sorting by distance needs a ZIP code or city" in html(response)


def test_a_state_with_no_one_offers_no_wider_distance(client, around_texas):
    response = client.get("/search/", {"near": "Wyoming"})
    assert names(response) == []
    assert "Within 50 miles" not in html(response)


def test_a_state_search_takes_as_few_statements_as_a_city_search(client, around_texas, django_assert_max_num_queries):
    client.get("/search/", {"near": "Texas"})  # warm the vocabularies
    with django_assert_max_num_queries(8):
        assert client.get("/search/", {"near": "Texas"}).status_code == 200


def test_the_saved_comparison_near_a_state_shows_no_distance(client, around_texas):
    response = client.get("/saved/", {"p": "houston-hana,tele-tamsin", "near": "Texas"})
    assert response.status_code == 200
    page = html(response)
    assert " mi from " not in page
    assert "Telehealth in Texas" in page


def test_a_state_in_spanish_is_named_in_spanish(client, around_texas):
    page = html(client.get("/es/search/", {"near": "Texas"}))
    assert "3 profesionales en Texas, en persona o por telesalud" in page
    assert "Mostrando todo el estado de Texas" in page


def test_words_and_filters_in_a_state(client, around_texas, listing):
    listing("Dallas Dee", zips=["75201"], formats=["in-person"], concerns=["birth-trauma"], bio="EMDR for birth trauma")
    response = client.get("/search/", {"near": "Texas", "q": "EMDR", "concern": "birth-trauma"})
    assert names(response) == ["Dallas Dee"]
    assert "1 provider matching “EMDR” in Texas, in person or by telehealth" in html(response)
