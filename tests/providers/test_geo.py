import pytest
from django.db import connection

from providers import geo
from providers.places import CityName, ZipCode
from providers.states import STATE_NAMES

pytestmark = pytest.mark.django_db


def mean_position(zips):
    rows = list(zips.order_by("zip_code").values_list("latitude", "longitude"))
    return sum(r[0] for r in rows) / len(rows), sum(r[1] for r in rows) / len(rows)


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
    assert place == geo.lookup_zip(" 02139 ")
    assert place.label == "Cambridge, MA 02139"


@pytest.mark.parametrize("text", ["", "00000", "Nowhere, ZZ", "x" * 200, "'; DROP TABLE x; --"])
def test_unknown_places_resolve_to_nothing(text):
    assert geo.resolve(text) is None


def test_a_misspelt_city_gets_suggestions():
    assert "Boston, MA" in geo.suggest("Bostn, MA")


# Which ZIP codes are places ------------------------------------------------------------------------------------
def test_only_active_zip_codes_in_the_states_dc_and_puerto_rico_are_places():
    assert ZipCode.objects.count() > 40_000
    assert set(ZipCode.objects.values_list("state", flat=True).distinct()) == set(STATE_NAMES)
    assert geo.lookup_zip("01133") is None  # an inactive Springfield, MA code
    assert geo.lookup_zip("00802") is None  # St Thomas, Virgin Islands
    assert not ZipCode.objects.get(zip_code="02112").standard  # a Boston PO box is a place, not a standard one


def test_the_places_are_reference_data_that_flush_leaves_alone():
    # Live-server tests (and `manage.py flush`) empty exactly these tables.
    flushed = connection.introspection.django_table_names(only_existing=True, include_views=False)
    assert ZipCode._meta.db_table not in flushed and CityName._meta.db_table not in flushed
    assert "providers_provider" in flushed


# A city's centre -----------------------------------------------------------------------------------------------
def test_a_city_is_centred_on_its_own_standard_zip_codes():
    place = geo.resolve("Boston, MA")
    boston = ZipCode.objects.filter(city="Boston", state="MA")
    assert boston.filter(standard=False).exists()  # PO boxes, which do not count
    assert (place.latitude, place.longitude) == pytest.approx(mean_position(boston.filter(standard=True)))
    assert (place.label, place.city, place.state, place.zip_code) == ("Boston, MA", "Boston", "MA", "")


def test_a_city_without_standard_zip_codes_falls_back_to_its_others_before_names_it_accepts():
    industry = ZipCode.objects.filter(city__iexact="City of Industry", state="CA")
    assert not industry.filter(standard=True).exists()
    assert CityName.objects.filter(name_key="cityofindustry", state="CA").exists()

    place = geo.resolve("city of industry, California")
    assert (place.latitude, place.longitude) == pytest.approx(mean_position(industry))


def test_a_name_that_zip_codes_only_accept_is_centred_on_them_and_keeps_its_own_name():
    assert not ZipCode.objects.filter(city__iexact="Hollywood", state="CA").exists()
    accepting = ZipCode.objects.filter(other_names__name_key="hollywood", other_names__state="CA")

    place = geo.resolve("Hollywood, CA")
    assert (place.label, place.city, place.state) == ("Hollywood, CA", "Hollywood", "CA")
    assert (place.latitude, place.longitude) == pytest.approx(mean_position(accepting))


def test_a_city_is_looked_up_in_its_own_state_only():
    assert geo.resolve("Boston, CA") is None
    assert geo.resolve("Portland, ME").state == "ME"
    assert geo.resolve("Portland, OR").longitude < -120


# Places as people type them ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["Boston", "boston", "BOSTON", "Boston MA", "boston, ma", "Boston, Massachusetts", "boston massachusetts",
     "  Boston ,  MA ", "Boston, MA, USA", "Bostn, MA", "Bostn"],
)  # fmt: skip
def test_a_city_with_or_without_its_state_in_any_case_and_with_a_small_typo(text):
    place = geo.resolve(text)
    assert (place.label, place.state) == ("Boston, MA", "MA")


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Cambridge", "Cambridge, MA"),  # thirteen states have one: the largest
        ("cambridge", "Cambridge, MA"),
        ("Cambrige, MA", "Cambridge, MA"),
        ("Cambridge, OH", "Cambridge, OH"),
        ("Brooklyn", "Brooklyn, NY"),
        ("Manhattan", "Manhattan, NY"),  # a borough no ZIP code is named after
        ("Queens", "Queens, NY"),
        ("Harlem", "Harlem, NY"),
        ("The Bronx", "Bronx, NY"),
        ("Manhattan KS", "Manhattan, KS"),
        ("St. Louis", "Saint Louis, MO"),
        ("saint louis mo", "Saint Louis, MO"),
        ("Winston-Salem", "Winston Salem, NC"),
        ("Washington, D.C.", "Washington, DC"),
        ("New York", "New York, NY"),
        ("Kansas City Kansas", "Kansas City, KS"),
        ("Fort Washington", "Fort Washington, MD"),  # ends in a state's name, yet a place
        ("Philadephia", "Philadelphia, PA"),
        ("Brookyln", "Brooklyn, NY"),
    ],
)
def test_places_as_people_type_them(text, label):
    assert geo.resolve(text).label == label


def test_zip_plus_four_however_written_and_a_city_followed_by_its_zip():
    for text in ["02139-4307", "02139 4307", "021394307", "Cambridge, MA 02139"]:
        assert geo.resolve(text).label == "Cambridge, MA 02139"


def test_a_borough_is_centred_where_it_is():
    queens = geo.resolve("Queens")
    assert geo.miles_between(queens.latitude, queens.longitude, 40.68, -73.84) < 3
    manhattan = geo.resolve("manhattan, new york")
    assert geo.miles_between(manhattan.latitude, manhattan.longitude, 40.78, -73.97) < 3


def test_an_ambiguous_name_is_its_largest_place_and_names_the_others_largest_first():
    place = geo.resolve("Cambridge")
    assert place.reading == geo.LARGEST
    assert place.alternatives == ("Cambridge, MD", "Cambridge, OH", "Cambridge, MN", "Cambridge, IL")
    springfield = geo.resolve("Springfield")
    assert springfield.label == "Springfield, MO"
    assert springfield.alternatives[:2] == ("Springfield, MA", "Springfield, IL")


def test_a_name_with_its_state_is_not_ambiguous():
    place = geo.resolve("Cambridge, MA")
    assert (place.reading, place.alternatives) == ("", ())


def test_a_typo_is_read_as_the_closest_name_and_says_so():
    place = geo.resolve("Cambrige, MA")
    assert (place.label, place.reading) == ("Cambridge, MA", geo.CLOSEST)
    anywhere = geo.resolve("Cambrige")
    assert (anywhere.label, anywhere.reading) == ("Cambridge, MA", geo.CLOSEST)
    assert anywhere.alternatives[0] == "Cambridge, MD"


@pytest.mark.parametrize("text", ["Bost", "Xqzvbn", "Nowhere, ZZ", "Camxxxdge", "02139 and more"])
def test_words_too_far_from_any_name_are_not_guessed(text):
    assert geo.resolve(text) is None


# What people call places, and whole states --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("NYC", "New York, NY"), ("nyc, ny", "New York, NY"), ("LA", "Los Angeles, CA"), ("SF", "San Francisco, CA"),
        ("DC", "Washington, DC"), ("D.C.", "Washington, DC"), ("Philly", "Philadelphia, PA"),
        ("Vegas", "Las Vegas, NV"),  # not Vega, TX, a letter away
        ("Twin Cities", "Minneapolis, MN"),  # not Tri Cities, WA
        ("St. Pete", "Saint Petersburg, FL"), ("NOLA", "New Orleans, LA"),
    ],
)  # fmt: skip
def test_the_names_people_call_big_cities(text, label):
    place = geo.resolve(text)
    assert (place.label, place.reading, place.statewide) == (label, "", False)


def test_every_nickname_names_a_place_in_its_state():
    for key, (name_key, state) in geo.NICKNAMES.items():
        assert ZipCode.objects.filter(name_key=name_key, state=state).exists(), key


def test_a_nickname_with_another_state_is_that_state_s_place():
    assert geo.resolve("Vegas, TX").label == "Vega, TX"  # Las Vegas is in Nevada: the words are read as typed
    assert geo.resolve("LA, CA").label == "Los Angeles, CA"


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Texas", "TX"), ("TX", "TX"), ("tx", "TX"), ("texas, USA", "TX"), ("the state of Ohio", "OH"),
        ("Massachusetts", "MA"), ("Florida", "FL"),  # not Florida, Puerto Rico
        ("California", "CA"),  # not California, MD
        ("Puerto Rico", "PR"), ("New York State", "NY"), ("Washington State", "WA"),
    ],
)  # fmt: skip
def test_a_state_alone_is_the_whole_state(text, state):
    place = geo.resolve(text)
    assert (place.state, place.statewide, place.has_centre, place.zip_code) == (state, True, False, "")


@pytest.mark.parametrize(
    ("typed", "state", "others"),
    [
        ("Californa", "CA", ("California, MD",)),  # a town a typo away is offered, not chosen
        ("Tennesee", "TN", ("Tennessee, IL",)),
        ("Massachusets", "MA", ()),
        ("Pensylvania", "PA", ()),
        ("West Virgina", "WV", ()),
    ],
)
def test_a_state_s_name_with_a_typo_is_the_state_and_says_so(typed, state, others):
    place = geo.resolve(typed)
    assert (place.state, place.statewide, place.reading, place.alternatives) == (state, True, geo.CLOSEST, others)


def test_a_place_named_as_typed_wins_over_a_state_a_typo_away():
    assert geo.resolve("Maize").label == "Maize, KS"  # not Maine
    assert geo.resolve("Texs") is None  # too short to guess


def test_a_state_s_name_that_is_also_a_great_city_is_the_city_and_offers_the_state():
    new_york = geo.resolve("New York")
    assert (new_york.label, new_york.statewide, new_york.reading) == ("New York, NY", False, geo.LARGEST)
    assert new_york.alternatives[0] == "New York State"
    assert geo.resolve(new_york.alternatives[0]).label == "New York State"
    washington = geo.resolve("Washington")
    assert (washington.label, washington.alternatives[0]) == ("Washington, DC", "Washington State")


def test_a_city_with_a_state_s_name_and_its_own_state_is_the_city():
    assert geo.resolve("Indiana, PA").label == "Indiana, PA"
    assert not geo.resolve("Kansas City").statewide


def test_a_state_alone_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert geo.resolve("Texas").label == "Texas"


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("12 Oak Ave, Somerville, MA", "Somerville, MA"),
        ("12 Oak Ave, Apt 3, Somerville, MA", "Somerville, MA"),
        ("Apt 3, 12 Oak Ave, Somerville, MA", "Somerville, MA"),
        ("#4, 12 Elm St, Austin, TX", "Austin, TX"),
        ("12 Oak Ave Somerville MA", "Somerville MA"),
        ("12 Main Street Apt 4 Boston MA", "Boston MA"),
        ("100 Main St St Louis MO", "St Louis MO"),
        ("1600 Pennsylvania Avenue NW, Washington, DC", "Washington, DC"),
        ("5 Court St Brooklyn NY 11201", "Brooklyn NY 11201"),
    ],
)
def test_the_place_in_a_street_address_is_read_and_the_street_dropped(typed, place):
    assert geo.without_street(typed) == place
    assert geo.resolve(place) is not None


@pytest.mark.parametrize(
    "typed", ["02139", "02139 4307", "Cambridge, MA", "Somerville, Middlesex County, MA", "Boston", "12 Oak Ave"]
)
def test_text_without_a_street_before_a_place_is_left_as_it_is(typed):
    assert geo.without_street(typed) == typed


# Suggestions ---------------------------------------------------------------------------------------------------
def test_digits_suggest_the_first_zip_codes_with_their_first_three():
    assert geo.suggest("0213") == [
        "Boston, MA 02108", "Boston, MA 02109", "Boston, MA 02110", "Boston, MA 02111", "Boston, MA 02112"
    ]  # fmt: skip
    assert geo.suggest("99999", limit=2) == ["Ketchikan, AK 99901", "Meyers Chuck, AK 99903"]
    assert geo.suggest("000") == []
    assert geo.suggest(", MA") == []
    assert geo.suggest("   ") == []


def test_a_state_restricts_city_suggestions_and_without_one_the_largest_places_come_first():
    in_illinois = geo.suggest("Sprngfeld, IL")
    assert in_illinois[0] == "Springfield, IL"
    assert all(label.endswith(", IL") for label in in_illinois)

    anywhere = geo.suggest("Sprngfeld")
    assert anywhere == ["Springfield, MO", "Springfield, MA", "Springfield, IL", "Springfield, OR", "Springfield, OH"]
    assert len(geo.suggest("Sprngfeld", limit=2)) == 2


def test_suggestions_include_names_zip_codes_accept_and_skip_far_fetched_ones():
    assert geo.suggest("Holywod, CA")[0] == "Hollywood, CA"
    assert geo.suggest("Xqzvbn") == []
    assert geo.suggest("Bostn, Nowhere")[0] == "Boston, MA"  # an unknown state: any state, the largest first


# One query each, nothing in memory --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lookup",
    [
        lambda: geo.lookup_zip("02139"),
        lambda: geo.lookup_zip("99999"),
        lambda: geo.resolve("Boston, MA"),
        lambda: geo.resolve("Hollywood, CA"),
        lambda: geo.resolve("Austin, Texas"),
        lambda: geo.resolve("Cambridge"),
        lambda: geo.resolve("Cambrige MA"),
        lambda: geo.resolve("Xqzvbn"),
        lambda: geo.suggest("021"),
        lambda: geo.suggest("Bostn, MA"),
        lambda: geo.suggest("Bostn"),
    ],
)
def test_each_lookup_is_one_query(lookup, django_assert_num_queries):
    with django_assert_num_queries(1):
        lookup()


def test_text_that_cannot_be_a_place_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert geo.resolve("02139 and more") is None
        assert geo.resolve("!!!") is None
        assert geo.suggest("") == []


def test_no_zip_codes_are_kept_in_memory():
    geo.resolve("02139")
    geo.resolve("Boston, MA")
    geo.suggest("Bostn")

    assert not hasattr(geo, "load_index") and not hasattr(geo, "_index")
    for name, value in vars(geo).items():
        if name.startswith("__"):
            continue
        assert not hasattr(value, "cache_info"), f"geo.{name} caches its results"
        if isinstance(value, dict | list | set | frozenset | tuple):
            assert len(value) < 100, f"geo.{name} holds {len(value)} items"
            assert not any(isinstance(item, geo.Place) for item in value), f"geo.{name} holds places"
