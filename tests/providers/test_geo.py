import pytest

from providers import geo


@pytest.mark.parametrize(
    "text, latitude, longitude",
    [
        ("Los Angeles, CA", 34.0522, -118.2437),
        ("Indianapolis, IN", 39.7684, -86.1581),
        ("boston, massachusetts", 42.3601, -71.0589),
        ("Des Moines, IA", 41.5868, -93.6250),
    ],
)
def test_a_city_resolves_near_its_real_centre(text, latitude, longitude):
    place = geo.resolve(text)
    assert place is not None
    assert geo.miles_between(place.latitude, place.longitude, latitude, longitude) < 10


def test_a_zip_code_resolves_to_its_own_coordinates():
    place = geo.resolve("02139-4307")
    assert (place.city, place.state, place.zip_code) == ("Cambridge", "MA", "02139")


@pytest.mark.parametrize("text", ["", "00000", "Nowhere, ZZ", "x" * 200, "'; DROP TABLE x; --"])
def test_unknown_places_resolve_to_nothing(text):
    assert geo.resolve(text) is None


def test_a_misspelt_city_gets_suggestions():
    assert "Boston, MA" in geo.suggest("Bostn, MA")
