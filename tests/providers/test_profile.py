"""The public profile page: everything a family needs to decide, nothing private, only for published listings."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from providers.models import Provider
from tests.clock import days_ago
from tests.providers.factories import OfficeFactory, PublishedProviderFactory, terms

pytestmark = pytest.mark.django_db

PRIVATE_EMAIL = "dana.private.inbox@example.net"
LICENSE_NUMBER = "LIC-8675309"


def full_listing(**overrides):
    fields = {
        "display_name": "Dana Whitfield",
        "pronouns": "she/her",
        "credentials": "LICSW, PMH-C",
        "headline": "Gentle, unhurried support after a difficult birth",
        "types": terms("types", "therapist", "doula"),
        "concerns": terms("concerns", "birth-trauma", "pregnancy-loss"),
        "modalities": terms("modalities", "emdr"),
        "populations": terms("populations", "lgbtq"),
        "languages": terms("languages", "en", "es"),
        "payments": terms("payments", "sliding-scale", "medicaid"),
        "plans": terms("plans", "aetna"),
        "practices": terms("practices", "consent-before-touch", "virtual-first-visit"),
        "formats": terms("formats", "in-person", "telehealth"),
        "licensed_states": ["MA", "NY"],
        "fee_min": 120,
        "fee_max": 180,
        "free_consultation": True,
        "bio": "I have walked beside parents for twelve years.\n\nSessions are paced by you.",
        "approach": "I ask before anything, and you can pause at any time.",
        "trainings": "EMDR Basic Training\nPSI certificate in perinatal mental health",
        "website": "https://www.whitfield-care.example/",
        "booking_url": "https://booking.example/dana",
        "phone": "(617) 555-0100",
        "contact_email": PRIVATE_EMAIL,
        "license_type": "LICSW",
        "license_number": LICENSE_NUMBER,
        "license_state": "MA",
        "license_verified_at": timezone.now(),
        "office__street": "10 Example Street",
        "office__show_street": True,
        "office__name": "Central Square office",
    }
    return PublishedProviderFactory(**{**fields, **overrides})


def page(client, provider, query=""):
    response = client.get(provider.get_absolute_url() + query)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_a_published_listing_has_a_public_page(client):
    provider = PublishedProviderFactory()
    assert client.get(f"/providers/{provider.slug}/").status_code == 200


@pytest.mark.parametrize("status", [s for s in Provider.Status.values if s != Provider.Status.PUBLISHED])
def test_every_unpublished_listing_is_not_found(client, status):
    provider = PublishedProviderFactory(status=status)
    assert client.get(provider.get_absolute_url()).status_code == 404


def test_a_bare_listing_still_reads_well(client):
    provider = PublishedProviderFactory(
        display_name="Sam Lee",
        credentials="",
        headline="",
        bio="",
        approach="",
        types=[],
        concerns=[],
        modalities=[],
        languages=[],
        payments=[],
        practices=[],
        formats=[],
        licensed_states=[],
        fee_min=None,
        fee_max=None,
        availability_confirmed_at=None,
        office=False,
    )
    html = page(client, provider)
    assert "<title>Sam Lee · " in html
    assert "Fees are not listed" in html
    assert "Where and how" not in html
    assert "Availability never confirmed" in html
    assert json_ld(html)["name"] == "Sam Lee"


def test_head_requests_are_answered(client):
    assert client.head(PublishedProviderFactory().get_absolute_url()).status_code == 200


def test_an_unknown_slug_is_not_found(client):
    assert client.get("/providers/nobody-here/").status_code == 404


def test_the_profile_shows_everything_a_family_needs(client):
    html = page(client, full_listing())
    for text in [
        "Dana Whitfield",
        "she/her",
        "LICSW, PMH-C",
        "Therapist, Doula",
        "Gentle, unhurried support after a difficult birth",
        "Taking new clients",
        "confirmed today",
        "In person",
        "Telehealth (video)",
        "Central Square office",
        "10 Example Street",
        "Cambridge, MA 02139",
        "Telehealth in</strong> Massachusetts (MA), New York (NY)",
        "Birth trauma",
        "Pregnancy loss",
        "EMDR",
        "LGBTQ+ parents",
        "Consent before any touch or exam",
        "Asks before every touch, explains first, and stops when asked.",  # the practice's description
        "Virtual first visit",
        "$120–$180 per session",
        "Free consultation",
        "English",
        "Spanish",
        "EMDR Basic Training<br>PSI certificate in perinatal mental health",
        "I ask before anything, and you can pause at any time.",
        'href="tel:6175550100"',
        "License verified",
    ]:
        assert text in html, text
    # Bio paragraphs kept as paragraphs.
    assert "<p>I have walked beside parents for twelve years.</p>" in html
    assert "<p>Sessions are paced by you.</p>" in html


def test_payment_methods_and_insurance_plans_are_listed_separately(client):
    html = page(client, full_listing())
    ways_to_pay = html.index("Ways to pay")
    plans = html.index("Insurance plans (in network)")
    assert ways_to_pay < html.index("Medicaid") < html.index("Sliding scale") < plans < html.index("Aetna")


def test_outside_links_are_marked_noopener_nofollow(client):
    html = page(client, full_listing())
    assert '<a href="https://booking.example/dana" rel="noopener nofollow">' in html
    assert '<a href="https://www.whitfield-care.example/" rel="noopener nofollow">' in html


def test_a_link_that_is_not_a_web_address_is_never_rendered(client):
    provider = full_listing(website="javascript:alert(1)")  # bypasses clean(), as a bad import could
    assert "javascript:" not in page(client, provider)


def test_the_street_is_shown_only_when_the_provider_chose_to_show_it(client):
    provider = full_listing(office__street="5 Quiet Lane", office__show_street=False)
    html = page(client, provider)
    assert "5 Quiet Lane" not in html
    assert "Cambridge, MA 02139" in html


def test_nothing_private_ever_reaches_the_html(client):
    html = page(client, full_listing())
    assert PRIVATE_EMAIL not in html
    assert LICENSE_NUMBER not in html


def test_the_license_badge_needs_a_verified_license(client):
    assert "License verified" not in page(client, full_listing(license_verified_at=None))


@pytest.mark.parametrize(
    ("accepting", "confirmed_days_ago", "expected"),
    [
        (True, 0, '<span class="status-ok">Taking new clients</span> <span class="muted">· confirmed today'),
        (True, 1, "confirmed yesterday"),
        (True, 12, "confirmed 12 days ago"),
        (False, 3, '<span>Not taking new clients right now</span> <span class="muted">· confirmed 3 days ago'),
    ],
)
def test_availability_says_when_it_was_last_confirmed(client, accepting, confirmed_days_ago, expected):
    when = days_ago(confirmed_days_ago)
    provider = full_listing(accepting_new_clients=accepting, availability_confirmed_at=when)
    html = page(client, provider)
    assert expected in html
    assert "Availability not confirmed" not in html and "It may have changed since" not in html


@pytest.mark.parametrize(
    ("confirmed_days_ago", "label"),
    [(200, "Availability not confirmed for 200 days"), (None, "Availability never confirmed")],
)
def test_stale_availability_is_marked(client, confirmed_days_ago, label):
    when = None if confirmed_days_ago is None else days_ago(confirmed_days_ago)
    html = page(client, full_listing(availability_confirmed_at=when))
    assert f'<span class="status-warn">{label}</span>' in html
    assert "It may have changed since; a message is the surest way to check." in html


@pytest.mark.parametrize(
    ("fee_min", "fee_max", "expected"),
    [(120, 180, "$120–$180 per session"), (90, None, "From $90 per session"), (150, 150, "$150 per session")],
)
def test_fees_are_stated_plainly(client, fee_min, fee_max, expected):
    assert expected in page(client, full_listing(fee_min=fee_min, fee_max=fee_max))


def test_no_fees_listed_invites_the_family_to_ask(client):
    html = page(client, full_listing(fee_min=None, fee_max=None, free_consultation=False))
    assert "Fees are not listed" in html


def test_text_the_provider_wrote_is_shown_as_text_never_as_html(client):
    provider = full_listing(bio="Hello <b>there</b>\n\n<script>alert(1)</script>")
    html = page(client, provider)
    assert "<b>there</b>" not in html
    assert "&lt;b&gt;there&lt;/b&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_without_a_photo_the_initials_stand_in(client):
    html = page(client, full_listing())
    assert '<div class="avatar" aria-hidden="true"><span>DW</span></div>' in html
    assert '<img class="profile-photo' not in html


def test_with_a_photo_the_480px_square_is_shown_with_size_and_alt_text(client):
    provider = full_listing()
    buffer = io.BytesIO()
    Image.new("RGB", (600, 600), (200, 120, 90)).save(buffer, "JPEG")
    provider.set_photo(SimpleUploadedFile("me.jpg", buffer.getvalue(), content_type="image/jpeg"))
    provider.save()
    html = page(client, provider)
    assert f'src="{provider.photo.url}"' in html
    assert 'width="480" height="480"' in html
    assert 'alt="Photo of Dana Whitfield"' in html
    assert 'class="avatar"' not in html


def test_title_description_and_canonical_url(client, settings):
    provider = full_listing()
    html = page(client, provider, "?back=near%3D02139")
    assert "<title>Dana Whitfield, LICSW, PMH-C · Therapist, Doula in Cambridge, MA · " in html
    assert '<meta name="description" content="Gentle, unhurried support after a difficult birth">' in html
    assert f'<link rel="canonical" href="{settings.SITE_URL}/providers/{provider.slug}/">' in html


def test_structured_data_describes_the_provider_with_public_facts_only(client, settings):
    provider = full_listing(office__show_street=False)
    data = json_ld(page(client, provider))
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Dana Whitfield"
    assert data["description"] == "Gentle, unhurried support after a difficult birth"
    assert data["telephone"] == "(617) 555-0100"
    assert data["address"]["addressLocality"] == "Cambridge"
    assert data["address"]["addressRegion"] == "MA"
    assert "streetAddress" not in data["address"]
    assert data["url"] == f"{settings.SITE_URL}/providers/{provider.slug}/"
    flat = json.dumps(data)
    assert PRIVATE_EMAIL not in flat and LICENSE_NUMBER not in flat


def test_structured_data_leaves_out_a_phone_that_is_not_public(client):
    assert "telephone" not in json_ld(page(client, full_listing(phone="")))


def test_structured_data_cannot_be_broken_out_of_by_a_headline(client):
    provider = full_listing(headline="Care </script><script>alert(1)</script> & more")
    html = page(client, provider)
    assert "<script>alert(1)</script>" not in html
    assert json_ld(html)["description"] == "Care </script><script>alert(1)</script> & more"


def test_back_to_results_keeps_the_familys_search(client):
    provider = full_listing()
    html = page(client, provider, "?back=near%3D02139%26concern%3Dbirth-trauma%26radius%3D25")
    assert '<a href="/search/?near=02139&amp;concern=birth-trauma&amp;radius=25">' in html
    # The contact form carries it along, so the confirmation page can lead back too.
    assert "contact/?back=near%3D02139%26concern%3Dbirth-trauma%26radius%3D25" in html


def test_back_to_results_without_a_search_goes_to_the_search_page(client):
    assert '<a href="/search/"><span aria-hidden="true">←</span> Back to results</a>' in page(client, full_listing())


@pytest.mark.parametrize(
    "back",
    [
        "https%3A%2F%2Fevil.example%2F",
        "https://evil.example/",
        "%2F%2Fevil.example%2Fpath",
        "%2Fadmin%2F",
        "javascript%3Aalert(1)",
        "%5C%5Cevil.example",
    ],
)
def test_back_to_results_refuses_anything_but_a_query_string(client, back):
    html = page(client, full_listing(), f"?back={back}")
    assert '<a href="/search/"><span aria-hidden="true">←</span> Back to results</a>' in html
    assert "evil.example" not in html
    assert "javascript" not in html


def test_the_profile_uses_a_small_fixed_number_of_queries(client, django_assert_max_num_queries):
    provider = full_listing()
    OfficeFactory(provider=provider, zip_code="10001")
    with django_assert_max_num_queries(6):
        page(client, provider)


def test_the_page_has_nothing_a_strict_content_security_policy_would_block(client):
    provider = full_listing()
    for url in [provider.get_absolute_url(), f"/providers/{provider.slug}/contact/"]:
        html = client.get(url).content.decode()
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"\son[a-z]+=", html), "event-handler attribute"
        scripts = re.findall(r"<script([^>]*)>", html)
        assert all('type="application/ld+json"' in attrs or "src=" in attrs for attrs in scripts), scripts


def test_the_offices_heading_counts_the_offices(client):
    provider = full_listing()
    assert "<h3>Office</h3>" in page(client, provider) and "<h3>Offices</h3>" not in page(client, provider)
    OfficeFactory(provider=provider, zip_code="02115", name="Fenway office")
    html = page(client, provider)
    assert "<h3>Offices</h3>" in html and "<h3>Office</h3>" not in html
