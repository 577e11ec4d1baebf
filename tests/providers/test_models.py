"""The rules of a provider listing and its offices, as the database and the model enforce them."""

from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from providers.models import STALE_AFTER, Office, Provider
from tests.providers.factories import OfficeFactory, ProviderFactory, PublishedProviderFactory, terms

pytestmark = pytest.mark.django_db


# Slugs ----------------------------------------------------------------------------------------------------------
def test_the_slug_comes_from_the_name():
    assert ProviderFactory(display_name="Dana Whitfield").slug == "dana-whitfield"


def test_slugs_stay_unique_when_names_repeat():
    slugs = [ProviderFactory(display_name="Dana Whitfield").slug for _ in range(3)]
    assert slugs == ["dana-whitfield", "dana-whitfield-2", "dana-whitfield-3"]


def test_accents_are_dropped_from_slugs_and_a_name_without_latin_letters_still_gets_one():
    assert ProviderFactory(display_name="José Núñez").slug == "jose-nunez"
    assert ProviderFactory(display_name="王芳").slug == "provider"


def test_the_slug_does_not_change_when_the_name_does():
    provider = ProviderFactory(display_name="Dana Whitfield")
    provider.display_name = "Dana Whitfield-Ortiz"
    provider.save()
    provider.refresh_from_db()
    assert provider.slug == "dana-whitfield"


def test_the_database_refuses_a_duplicate_slug():
    ProviderFactory(slug="dana")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderFactory(slug="dana")


# Fees and states --------------------------------------------------------------------------------------------------
def test_clean_refuses_a_lowest_fee_above_the_highest():
    provider = ProviderFactory.build(fee_min=200, fee_max=120)
    with pytest.raises(ValidationError) as error:
        provider.clean()
    assert error.value.message_dict == {"fee_max": ["The highest fee must be at least the lowest fee."]}


@pytest.mark.parametrize(("fee_min", "fee_max"), [(120, 180), (150, 150), (None, 180), (90, None), (None, None)])
def test_clean_accepts_sensible_fees(fee_min, fee_max):
    ProviderFactory.build(fee_min=fee_min, fee_max=fee_max).clean()


def test_the_database_refuses_a_lowest_fee_above_the_highest():
    with pytest.raises(IntegrityError, match="provider_fee_min_not_above_max"), transaction.atomic():
        ProviderFactory(fee_min=200, fee_max=120)


def test_the_database_refuses_an_unknown_licensed_state():
    with pytest.raises(IntegrityError, match="provider_licensed_states_valid"), transaction.atomic():
        ProviderFactory(licensed_states=["MA", "ZZ"])


def test_the_database_refuses_an_unknown_license_state():
    with pytest.raises(IntegrityError, match="provider_license_state_valid"), transaction.atomic():
        ProviderFactory(license_state="XX")


def test_clean_refuses_links_that_are_not_web_addresses():
    with pytest.raises(ValidationError):
        ProviderFactory.build(website="javascript:alert(1)").clean()


@pytest.mark.parametrize(
    ("fee_min", "fee_max", "summary"),
    [
        (120, 180, "$120–$180 per session"),
        (150, 150, "$150 per session"),
        (90, None, "From $90 per session"),
        (None, 200, "Up to $200 per session"),
        (1200, 1500, "$1,200–$1,500 per session"),
        (None, None, ""),
    ],
)
def test_fee_summary(fee_min, fee_max, summary):
    assert ProviderFactory.build(fee_min=fee_min, fee_max=fee_max).fee_summary == summary


# Querysets ------------------------------------------------------------------------------------------------------
def test_published_is_only_published_listings():
    live = PublishedProviderFactory()
    for status in Provider.Status.values:
        if status != Provider.Status.PUBLISHED:
            ProviderFactory(status=status)
    assert list(Provider.objects.published()) == [live]


def test_accepting_clients():
    open_ = PublishedProviderFactory(accepting_new_clients=True)
    PublishedProviderFactory(accepting_new_clients=False)
    assert list(Provider.objects.published().accepting_clients()) == [open_]


def test_stale_and_fresh_split_at_the_confirmation_age():
    now = timezone.now()
    fresh = ProviderFactory(availability_confirmed_at=now - STALE_AFTER + timedelta(days=1))
    stale = ProviderFactory(availability_confirmed_at=now - STALE_AFTER - timedelta(days=1))
    never = ProviderFactory(availability_confirmed_at=None)
    assert set(Provider.objects.stale(now)) == {stale, never}
    assert set(Provider.objects.fresh(now)) == {fresh}
    assert (fresh.availability_is_stale, stale.availability_is_stale, never.availability_is_stale) == (
        False,
        True,
        True,
    )


def test_licensed_in():
    ma_ny = ProviderFactory(licensed_states=["MA", "NY"])
    ProviderFactory(licensed_states=["CA"])
    assert list(Provider.objects.licensed_in("NY")) == [ma_ny]
    assert list(Provider.objects.licensed_in("TX")) == []


def test_offering_a_format():
    video = ProviderFactory(formats=terms("formats", "telehealth"))
    ProviderFactory(formats=terms("formats", "in-person"))
    assert list(Provider.objects.offering("telehealth")) == [video]
    assert list(Provider.objects.offering("no-such-format")) == []


# Presentation helpers ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Dana Whitfield", "DW"),
        ("dana", "D"),
        ("Ana-Maria Lopez Soto", "AS"),
        ("Mary-Kate", "MK"),
        ("123 Family Wellness", "FW"),
        ("Érica Núñez", "ÉN"),
        ("!!!", "?"),
    ],
)
def test_initials(name, initials):
    assert Provider(display_name=name).initials == initials


@pytest.mark.parametrize(("days", "label"), [(0, "today"), (1, "yesterday"), (2, "2 days ago"), (45, "45 days ago")])
def test_confirmed_ago_counts_calendar_days(days, label):
    today_noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    provider = Provider(availability_confirmed_at=today_noon - timedelta(days=days))
    assert provider.confirmed_ago == label


def test_confirmed_ago_is_empty_when_never_confirmed():
    assert Provider(availability_confirmed_at=None).confirmed_ago == ""


def test_confirm_availability_records_the_answer_and_the_date():
    provider = ProviderFactory(accepting_new_clients=True, availability_confirmed_at=None)
    provider.confirm_availability(False)
    provider.refresh_from_db()
    assert provider.accepting_new_clients is False
    assert timezone.now() - provider.availability_confirmed_at < timedelta(minutes=1)


def test_paragraphs_split_on_blank_lines():
    provider = Provider(bio="First paragraph,\nstill first.\r\n\r\nSecond.\n\n\n\n  \n\nThird.  ")
    assert provider.paragraphs("bio") == ["First paragraph,\nstill first.", "Second.", "Third."]
    assert Provider(bio="").paragraphs("bio") == []


def test_terms_are_named_in_vocabulary_order():
    provider = ProviderFactory.build(concerns=terms("concerns", "infertility", "postpartum-depression"))
    assert [t.name for t in provider.terms("concerns")] == ["Postpartum depression", "Infertility"]


# Offices --------------------------------------------------------------------------------------------------------
def test_an_office_is_located_from_its_zip_code():
    office = Office(provider=ProviderFactory(office=False), city="", state="", zip_code="02139")
    office.clean()
    assert (office.city, office.state) == ("Cambridge", "MA")
    assert office.latitude == pytest.approx(42.36, abs=0.05)
    assert office.longitude == pytest.approx(-71.10, abs=0.05)


def test_saving_an_office_sets_its_coordinates():
    office = OfficeFactory(zip_code="10001")
    office.refresh_from_db()
    assert office.latitude == pytest.approx(40.75, abs=0.05)
    assert office.longitude == pytest.approx(-74.0, abs=0.05)


def test_a_zip_plus_four_is_accepted():
    office = Office(provider=ProviderFactory(office=False), city="Cambridge", state="MA", zip_code="02139-4307")
    office.clean()
    assert office.zip_code == "02139"


@pytest.mark.parametrize("zip_code", ["00000", "9999", "abcde", ""])
def test_an_unknown_zip_code_is_refused(zip_code):
    office = Office(provider=ProviderFactory(office=False), city="Cambridge", state="MA", zip_code=zip_code)
    with pytest.raises(ValidationError) as error:
        office.clean()
    assert "couldn't find this ZIP code" in error.value.message_dict["zip_code"][0]


def test_a_zip_code_in_another_state_is_refused():
    office = Office(provider=ProviderFactory(office=False), city="Boston", state="MA", zip_code="10001")
    with pytest.raises(ValidationError) as error:
        office.clean()
    assert error.value.message_dict["zip_code"] == ["This ZIP code is in NY, not MA."]


def test_the_database_refuses_an_unknown_office_state():
    with pytest.raises(IntegrityError, match="office_state_valid"), transaction.atomic():
        OfficeFactory(state="ZZ")


def test_public_address_hides_the_street_unless_shown():
    hidden = OfficeFactory.build(street="10 Example Street", show_street=False, city="Cambridge", state="MA")
    shown = OfficeFactory.build(street="10 Example Street", show_street=True, city="Cambridge", state="MA")
    assert hidden.public_address == "Cambridge, MA 02139"
    assert shown.public_address == "10 Example Street, Cambridge, MA 02139"


# Search document ------------------------------------------------------------------------------------------------
def search(text, config="simple"):
    return Provider.objects.filter(search_document=SearchQuery(text, config=config))


def test_the_name_carries_the_highest_weight():
    provider = ProviderFactory(display_name="Dana Whitfield")
    provider.refresh_from_db()
    assert "'dana':1A" in provider.search_document
    assert "'whitfield':2A" in provider.search_document


def test_the_offices_city_is_in_the_document_and_follows_changes():
    provider = ProviderFactory(office__zip_code="10001")
    assert list(search("new york")) == [provider]
    provider.offices.get().delete()
    assert list(search("york")) == []
    OfficeFactory(provider=provider, zip_code="78701")
    assert list(search("austin")) == [provider]


def test_accents_do_not_matter_jose_finds_jose_with_an_accent():
    jose = ProviderFactory(display_name="José Álvarez")
    ProviderFactory(display_name="Joseph Smith")
    assert list(search("Jose")) == [jose]
    assert list(search("alvarez")) == [jose]


def test_concerns_and_words_in_the_bio_are_found_with_stemming():
    provider = ProviderFactory(concerns=terms("concerns", "birth-trauma"), bio="I support grieving parents.")
    assert list(search("traumatic birth", config="english_unaccent")) == []  # different stem: not a false hit
    assert list(search("birth trauma", config="english_unaccent")) == [provider]
    assert list(search("grieve", config="english_unaccent")) == [provider]


def test_a_match_in_the_name_ranks_above_a_match_in_the_bio():
    in_bio = ProviderFactory(display_name="Sam Lee", bio="Hope is where we start.")
    in_name = ProviderFactory(display_name="Hope Rivera", bio="Steady support.")
    query = SearchQuery("hope", config="simple")
    ranked = Provider.objects.filter(search_document=query).annotate(rank=SearchRank(F("search_document"), query))
    assert list(ranked.order_by("-rank")) == [in_name, in_bio]
