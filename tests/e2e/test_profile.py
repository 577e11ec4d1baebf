import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from providers.enquiries import ContactMessage
from tests.e2e.conftest import assert_accessible
from tests.providers.factories import PublishedProviderFactory, terms

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def listing(**fields):
    return PublishedProviderFactory(
        display_name="Dana Whitfield",
        contact_email="dana.private@example.net",
        practices=terms("practices", "consent-before-touch", "support-person-welcome"),
        payments=terms("payments", "sliding-scale", "aetna"),
        licensed_states=["MA", "NY"],
        phone="(617) 555-0100",
        website="https://www.whitfield-care.example/",
        **fields,
    )


def serve_media(page, base_url):
    """live_server does not serve uploads (DEBUG is off): answer /media/ from MEDIA_ROOT so photos really load."""

    def fulfil(route):
        relative = route.request.url.split("/media/", 1)[1]
        route.fulfill(body=(Path(settings.MEDIA_ROOT) / relative).read_bytes(), content_type="image/webp")

    page.route(base_url + "/media/**", fulfil)


def send_a_message(site, text):
    site.get_by_label("Your name").fill("Jamie")
    site.get_by_label("Your email").fill("jamie.parent@example.org")
    site.get_by_label("Message", exact=True).fill(text)
    site.get_by_role("button", name="Send message").click()


def test_a_family_reads_a_profile_with_a_photo_and_sends_a_message(site, mailoutbox):
    cache.clear()  # rate-limit counters from earlier runs
    provider = listing()
    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), (170, 120, 100)).save(buffer, "JPEG")
    provider.set_photo(SimpleUploadedFile("me.jpg", buffer.getvalue(), content_type="image/jpeg"))
    provider.save()
    serve_media(site, site.base_url)

    site.goto(site.base_url + provider.get_absolute_url() + "?back=near%3D02139")
    assert site.get_by_role("heading", level=1).inner_text() == "Dana Whitfield"
    photo = site.get_by_role("img", name="Photo of Dana Whitfield")
    assert photo.evaluate("img => img.complete && img.naturalWidth") == 480
    assert site.get_by_text("Consent before any touch or exam").is_visible()
    assert site.get_by_role("link", name="Back to results").get_attribute("href") == "/search/?near=02139"
    assert_accessible(site)

    site.get_by_role("link", name="Send a private message").click()
    send_a_message(site, "Hello, I need support after a hard birth. Evenings suit me.")

    site.wait_for_url("**/contact/sent/?back=near%3D02139")
    assert site.get_by_role("heading", level=1).inner_text() == "Your message is on its way to Dana Whitfield"
    assert site.locator(".crisis-callout").get_by_role("link", name="988").is_visible()
    assert site.get_by_role("link", name="Go back to your results").get_attribute("href") == "/search/?near=02139"
    assert_accessible(site)

    [email] = mailoutbox
    assert email.to == ["dana.private@example.net"]
    assert ContactMessage.objects.get().status == ContactMessage.Status.SENT


def test_a_profile_served_from_the_page_cache_takes_a_familys_message(site, browser, settings, mailoutbox):
    settings.PAGE_CACHE_SECONDS = 60
    for each in caches.all():
        each.clear()
    provider = listing()
    first_visitor = browser.new_context().new_page()
    assert first_visitor.goto(site.base_url + provider.get_absolute_url()).headers["x-page-cache"] == "miss"
    first_visitor.context.close()

    response = site.goto(site.base_url + provider.get_absolute_url())
    assert response.headers["x-page-cache"] == "hit"  # with this visitor's own form token put back
    send_a_message(site, "Hello, are you seeing new clients in the spring?")

    site.wait_for_url("**/contact/sent/")
    assert site.get_by_role("heading", level=1).inner_text() == "Your message is on its way to Dana Whitfield"
    [email] = mailoutbox
    assert "are you seeing new clients in the spring?" in email.body


def test_a_profile_without_a_photo_fits_a_phone_and_is_accessible(site):
    provider = listing(photo="")
    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(site.base_url + provider.get_absolute_url())
    assert site.locator(".avatar").inner_text() == "DW"
    assert site.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    assert_accessible(site)


def test_the_contact_forms_error_state_is_clear_and_accessible(site):
    cache.clear()
    provider = listing()
    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(site.base_url + provider.get_absolute_url())
    assert_accessible(site)
    site.get_by_label("Your name").fill("Jamie")
    site.get_by_label("Your email").fill("jamie-at-example")
    site.get_by_label("Message", exact=True).fill("Is there a waiting list?")
    site.get_by_role("button", name="Send message").click()

    site.wait_for_url("**/contact/")
    alert = site.get_by_role("alert")
    assert "Please enter an email address like name@example.com" in alert.inner_text()
    assert site.get_by_label("Message", exact=True).input_value() == "Is there a waiting list?"  # nothing typed is lost
    assert site.get_by_label("Your email").get_attribute("aria-invalid") == "true"
    assert site.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(site)
    assert ContactMessage.objects.count() == 0
