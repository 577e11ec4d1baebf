"""`manage.py seed_demo`: a deterministic, realistic demo directory that never touches real data."""

import hashlib
import io
import random
import re
import sys

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from providers import geo
from providers.demo import loading, text
from providers.demo.metros import METROS, NEIGHBOURS
from providers.demo.places import Places
from providers.models import Office, Provider, vocabulary
from providers.states import STATE_CODES
from providers.users import User
from tests.providers.factories import PublishedProviderFactory, UserFactory

pytestmark = pytest.mark.django_db

SMALL = 40  # published listings in most tests: enough for every kind of provider, quick to seed


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def term_slugs(provider, field):
    return sorted(term.slug for term in provider.terms(field))


def digest(providers):
    """A fingerprint of everything a listing shows, by slug and term slug (not database ids)."""
    lines = []
    for p in providers.order_by("slug").prefetch_related("offices"):
        offices = sorted((o.street, o.city, o.state, o.zip_code) for o in p.offices.all())
        terms = [term_slugs(p, field) for field in ("types", "concerns", "modalities", "languages", "payments")]
        lines.append(
            repr(
                (p.slug, p.display_name, p.status, p.credentials, p.headline, p.bio, p.approach, p.trainings)
                + (p.licensed_states, p.fee_min, p.fee_max, p.phone, p.website, terms, offices)
            )
        )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def wipe():
    Provider.objects.all().delete()
    User.objects.all().delete()


# What a seeded directory looks like -----------------------------------------------------------------------------
def test_seeds_published_listings_plus_a_few_drafts_and_pending_reviews_with_their_accounts():
    summary = seed("--providers", str(SMALL))

    counts = {status: Provider.objects.filter(status=status).count() for status in Provider.Status.values}
    assert counts == {"published": SMALL, "draft": 2, "pending": 2, "changes_requested": 0, "rejected": 0,
                      "suspended": 0}  # fmt: skip
    unpublished = Provider.objects.exclude(status=Provider.Status.PUBLISHED)
    assert not unpublished.filter(owner__isnull=True).exists()
    assert all(re.fullmatch(r"provider\d+@example\.org", p.owner.email) for p in unpublished)
    assert User.objects.count() == 3 + 4  # the first three published listings have accounts too
    pending = list(Provider.objects.filter(status=Provider.Status.PENDING))  # (the desk's demo adds edits waiting)
    assert len(pending) == 2 and all(p.submitted_at for p in pending)
    assert all(p.events.get().get_action_display() == "Submitted for review" for p in pending)
    assert all(p.events.get().actor == p.owner for p in pending)
    assert summary.count("\n") == 1
    assert re.match(r"Seeded 40 published listings, 2 drafts and 2 pending review \(\d+ offices.* in \d+\.\d s\.$",
                    summary)  # fmt: skip


def test_demo_accounts_can_log_in_with_the_printed_password(client):
    seed("--providers", "5")

    assert client.login(email="provider1@example.org", password=loading.DEMO_PROVIDER_PASSWORD)
    assert User.objects.get(email="provider1@example.org").email_verified


def test_every_published_listing_is_complete_and_findable():
    seed("--providers", str(SMALL))

    for p in Provider.objects.published().prefetch_related("offices"):
        for field in ("types", "concerns", "payments", "formats", "languages", "populations", "practices"):
            assert p.terms(field), f"{p} has no {field}"
        assert p.offices.exists() or p.licensed_states, f"{p} can be found neither nearby nor by telehealth"
        assert all((p.headline, p.bio, p.approach, p.trainings)), f"{p} has empty text"
        assert len(p.headline) <= 160
        assert p.search_document
        assert p.availability_confirmed_at is not None
        assert re.fullmatch(r"provider\d+@example\.org", p.contact_email)
        assert not p.phone or re.fullmatch(r"\(\d{3}\) 555-01\d\d", p.phone), "only the fictional 555-01xx range"
        assert not p.website or re.fullmatch(r"https://[a-z0-9-]+\.example\.(org|com|net)/", p.website)
        assert p.fee_min is None or p.fee_min <= p.fee_max


def test_listing_text_is_varied():
    seed("--providers", str(SMALL))

    published = Provider.objects.published()
    for field in ("bio", "approach"):
        assert len(set(published.values_list(field, flat=True))) == SMALL, f"two listings share a {field}"
    assert len(set(published.values_list("headline", flat=True))) >= SMALL // 3
    bios = " ".join(published.values_list("bio", flat=True))
    assert "lorem" not in bios.lower()
    assert not re.search(r"\ba [aeio]", bios), "a/an before a vowel"
    assert "{" not in bios and "}" not in bios, "an unfilled placeholder"


def test_modalities_fit_the_kind_of_provider():
    seed("--providers", "120")

    for p in Provider.objects.all():
        types, modalities = set(term_slugs(p, "types")), set(term_slugs(p, "modalities"))
        if "medication-management" in modalities:
            assert "psychiatric-prescriber" in types
        if types <= {"doula", "midwife", "lactation-consultant", "pelvic-floor-pt", "obstetrician"}:
            assert not modalities, f"{p} ({types}) lists therapy modalities"
        if "home-visits" in term_slugs(p, "formats"):
            assert types & {"doula", "midwife", "lactation-consultant", "pelvic-floor-pt", "childbirth-educator"}


def test_offices_are_at_real_zip_codes_with_their_own_coordinates():
    seed("--providers", str(SMALL))

    offices = Office.objects.all()
    assert offices.count() >= SMALL * 0.8
    for office in offices:
        place = geo.lookup_zip(office.zip_code)
        assert place is not None, office.zip_code
        assert (office.state, office.latitude, office.longitude) == (place.state, place.latitude, place.longitude)
        assert 17.5 < office.latitude < 71.5 and -179 < office.longitude < -65  # the states, DC and Puerto Rico


def test_the_first_listings_cover_every_state_dc_and_puerto_rico():
    seed("--providers", str(len(STATE_CODES)))

    states = set(Office.objects.filter(provider__status=Provider.Status.PUBLISHED).values_list("state", flat=True))
    assert states == set(STATE_CODES)


def test_some_listings_are_not_taking_clients_and_some_are_not_recently_confirmed():
    seed("--providers", "100")

    published = Provider.objects.published()
    assert 8 <= published.filter(accepting_new_clients=False).count() <= 35
    assert 5 <= published.stale().count() <= 30
    assert published.fresh().count() >= 60


def test_mostly_english_with_spanish_and_other_languages():
    seed("--providers", "120")

    speakers = {slug: Provider.objects.filter(languages__contains=vocabulary().ids("languages", [slug])).count()
                for slug in ("en", "es")}  # fmt: skip
    assert speakers["en"] >= 110
    assert 5 <= speakers["es"] <= 50


def test_photos_are_webp_squares_without_metadata():
    seed("--providers", str(SMALL))

    with_photos = Provider.objects.exclude(photo="")
    assert SMALL * 0.4 <= with_photos.count() <= SMALL * 0.8
    for provider in with_photos:
        for field, size in ((provider.photo, 480), (provider.photo_small, 160)):
            with Image.open(field.path) as image:
                assert (image.format, image.size) == ("WEBP", (size, size))
                assert not image.getexif()
                assert not {"exif", "xmp", "icc_profile"} & set(image.info)
        assert (provider.photo_width, provider.photo_height) == (480, 480)


# Deterministic --------------------------------------------------------------------------------------------------
def test_the_same_seed_gives_the_same_directory_and_another_seed_a_different_one():
    seed("--providers", "25")
    first = digest(Provider.objects.all())
    wipe()
    seed("--providers", "25")
    assert digest(Provider.objects.all()) == first

    wipe()
    seed("--providers", "25", "--seed", "7")
    assert digest(Provider.objects.all()) != first


def test_a_smaller_directory_is_the_beginning_of_a_larger_one():
    first_ten = [f"provider{n}@example.org" for n in range(1, 11)]
    seed("--providers", "10")
    small = digest(Provider.objects.filter(contact_email__in=first_ten))
    wipe()
    seed("--providers", "30")
    assert digest(Provider.objects.filter(contact_email__in=first_ten)) == small


# Safety: real data is never touched -----------------------------------------------------------------------------
def test_refuses_a_database_with_a_listing_it_did_not_create():
    PublishedProviderFactory(display_name="Dana Whitfield")

    with pytest.raises(CommandError, match="--force"):
        seed("--providers", "5")
    assert Provider.objects.count() == 1


def test_refuses_a_database_with_an_account_it_did_not_create():
    UserFactory(email="someone@example.net")

    with pytest.raises(CommandError, match="1 accounts"):
        seed("--providers", "5")
    assert not Provider.objects.exists()


def test_a_demo_address_owning_a_real_listing_is_real_data_and_survives_force():
    owner = UserFactory(email="provider2@example.org")
    real = PublishedProviderFactory(owner=owner, contact_email="dana@clinic.example.net", display_name="Real Person")
    assert loading.real_providers().get() == real

    with pytest.raises(CommandError):
        seed("--providers", "5")
    seed("--providers", "5", "--force")
    seed("--providers", "5", "--force")
    assert Provider.objects.filter(pk=real.pk, owner=owner).exists()
    assert Provider.objects.get(contact_email="provider2@example.org").owner is None  # never linked to demo data


def test_the_development_founder_is_not_real_data(settings):
    settings.DEBUG = True
    call_command("ensure_demo_founder", stdout=io.StringIO())

    seed("--providers", "5")
    assert Provider.objects.count() == 5 + 4


def test_leftover_demo_accounts_are_replaced_and_linked_again():
    seed("--providers", "5")
    Provider.objects.all().delete()  # the listings go, their demo accounts stay

    seed("--providers", "5")
    assert Provider.objects.get(contact_email="provider6@example.org").owner.email == "provider6@example.org"
    assert User.objects.count() == 3 + 4


def test_refuses_to_seed_twice_without_force():
    seed("--providers", "5")

    with pytest.raises(CommandError, match="already has demo data"):
        seed("--providers", "5")


def test_force_replaces_demo_data_without_duplicates(django_capture_on_commit_callbacks):
    seed("--providers", "20")
    slugs = set(Provider.objects.values_list("slug", flat=True))
    old_photo = Provider.objects.exclude(photo="").first().photo

    with django_capture_on_commit_callbacks(execute=True):
        summary = seed("--providers", "20", "--force")

    assert "replacing 24 earlier demo listings" in summary
    assert set(Provider.objects.values_list("slug", flat=True)) == slugs
    assert Provider.objects.count() == 24
    assert User.objects.count() == 3 + 4
    assert not old_photo.storage.exists(old_photo.name)


def test_force_beside_real_data_keeps_it_and_avoids_its_slugs():
    seed("--providers", "1")
    first_slug = Provider.objects.get(contact_email="provider1@example.org").slug
    wipe()
    real = PublishedProviderFactory(slug=first_slug, display_name="Someone Real")
    real_user = UserFactory(email="someone@example.net")

    seed("--providers", "5", "--force")

    assert Provider.objects.filter(pk=real.pk, slug=first_slug).exists()
    assert User.objects.filter(pk=real_user.pk).exists()
    assert Provider.objects.get(contact_email="provider1@example.org").slug == f"{first_slug}-2"


def test_if_empty_seeds_an_empty_database():
    seed("--providers", "5", "--if-empty")

    assert Provider.objects.published().count() == 5


def test_if_empty_does_nothing_when_there_are_listings():
    PublishedProviderFactory()

    assert seed("--providers", "5", "--if-empty") == ""
    assert Provider.objects.count() == 1

    wipe()
    seed("--providers", "5")
    assert seed("--providers", "5", "--if-empty") == ""
    assert Provider.objects.count() == 9


def test_if_empty_skips_a_database_with_real_accounts_without_failing():
    UserFactory(email="someone@example.net")

    assert "Not loading demo data" in seed("--if-empty")
    assert not Provider.objects.exists()


# The blog's demo articles ---------------------------------------------------------------------------------------
def test_seeds_the_blog_when_it_offers_demo_articles(monkeypatch):
    calls = []
    fake = type(sys)("blog.demo")
    fake.seed_demo_blog = lambda: calls.append(1) or {"posts": 3}
    monkeypatch.setitem(sys.modules, "blog.demo", fake)

    assert "and 3 blog articles" in seed("--providers", "3")
    assert calls == [1]


def test_seeds_without_the_blog_when_it_has_no_demo_articles(monkeypatch):
    monkeypatch.setitem(sys.modules, "blog.demo", None)  # importing it now raises ImportError

    assert "blog" not in seed("--providers", "3")
    assert Provider.objects.published().count() == 3


# The data behind it ---------------------------------------------------------------------------------------------
def test_every_state_has_a_metro_area_and_every_metro_area_has_zip_codes():
    places = Places()
    assert {metro.state for metro in METROS} == set(STATE_CODES)
    for metro in METROS:
        assert places.around(metro), f"no ZIP codes around {metro.city}, {metro.state}"


def test_neighbouring_states_are_mutual():
    assert set(NEIGHBOURS) == set(STATE_CODES)
    for state, neighbours in NEIGHBOURS.items():
        for other in neighbours:
            assert state in NEIGHBOURS[other], f"{state} borders {other} but not the other way round"


def test_writing_says_an_before_a_vowel_and_fills_every_placeholder():
    facts = text.Facts(
        voice="ob", role="obstetrician", name="Ana Ruiz", first_name="Ana", city="Tucson", years=9,
        credentials="MD, FACOG", concerns=["birth-trauma", "high-risk-pregnancy"], modalities=[],
        practices=["consent-before-touch"], formats=["in-person"], other_languages=["Spanish"], speaks_english=True,
        licensed_state_names=["Arizona"], free_consultation=False,
    )  # fmt: skip
    bios = [text.compose(random.Random(n), facts)["bio"] for n in range(60)]

    assert any("an obstetrician" in bio for bio in bios)
    assert not any(re.search(r"\ba [aeiou]", bio) or "{" in bio for bio in bios)
    assert all("Sessions are available in English and Spanish." in bio for bio in bios)


def test_every_published_demo_profile_renders_and_unpublished_ones_stay_private(client):
    seed("--providers", "15")

    for provider in Provider.objects.all():
        response = client.get(provider.get_absolute_url())
        if provider.is_published:
            assert response.status_code == 200
            assert provider.display_name in response.content.decode()
        else:
            assert response.status_code == 404
