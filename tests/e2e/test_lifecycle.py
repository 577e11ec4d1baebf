"""The whole listing lifecycle in a browser: sign up, verify, fill in, submit, approval, edits kept apart, approval.

Every provider-facing page it visits is checked with axe-core (WCAG 2.1 A/AA).
"""

import re

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from PIL import Image

from providers.models import Provider
from tests.e2e.conftest import PASSWORD, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def last_link(fragment):
    body = mail.outbox[-1].body
    return next(url for url in re.findall(r"https?://\S+", body) if fragment in url)


def search_url():
    try:
        return reverse("search") + "?near=02139"
    except NoReverseMatch:  # the search page is not there: the public profile is where a listing shows
        return None


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "me.jpg"
    Image.new("RGB", (600, 600), (180, 140, 120)).save(path, format="JPEG")
    return path


def approve_in_admin(page, base, name):
    page.goto(base + "/admin/providers/provider/")
    page.get_by_role("link", name=name, exact=True).click()
    page.get_by_role("link", name="Approve", exact=True).click()
    page.get_by_role("button", name="Approve").click()
    assert "approved" in page.locator(".messagelist").inner_text()


def test_a_provider_is_listed_and_keeps_the_listing_current(site, founder_page, settings, live_server, photo):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = live_server.url
    mail.outbox = []
    page, base = site, site.base_url

    # Sign up from the "For providers" page.
    page.goto(base + "/for-providers/")
    page.get_by_role("link", name="Create your listing").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    page.wait_for_url("**/accounts/signup/sent/")
    assert "Check your email" in page.content()
    assert_accessible(page)

    # Verify with the link from the email, then log in.
    page.goto(last_link("/accounts/verify/"))
    assert_accessible(page)
    page.get_by_role("button", name="Yes, confirm my email address").click()
    assert "is confirmed" in page.content()
    page.get_by_label("Email address").fill("rosa@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/listing/")

    # Fill in the listing, with a photo.
    page.get_by_role("link", name="Create my listing").click()
    assert_accessible(page)
    page.get_by_label("Your name, as families will see it").fill("Rosa Delgado")
    page.get_by_label("Headline").fill("Gentle support after a hard birth")
    page.get_by_label("A short bio").fill("I help parents after birth trauma.\n\nSessions go at your pace.")
    page.get_by_label("How you practise trauma-informed care").fill("I ask before anything; you can pause.")
    for term in ["Therapist", "Birth trauma", "Consent before any touch or exam", "In person", "Self-pay"]:
        page.get_by_label(term, exact=True).check()
    page.get_by_label("Choose a photo").set_input_files(photo)
    page.get_by_label("City").fill("Cambridge")
    page.get_by_label("State", exact=True).select_option("MA")
    page.get_by_label("ZIP code").fill("02139")
    page.locator(".save-bar").get_by_role("button", name="Save my draft").click()
    page.wait_for_url("**/listing/")
    assert "Your listing is saved" in page.content()
    assert "ready for review" in page.content()

    page.get_by_role("link", name="Preview").click()
    assert "Gentle support after a hard birth" in page.content()
    assert page.locator("img.profile-photo").count() == 1
    assert_accessible(page)
    page.get_by_role("link", name="Back to my listing").click()
    page.get_by_role("button", name="Submit for review").click()
    assert "Pending review" in page.content()
    assert_accessible(page)

    # A founder approves it in the admin.
    founder_page.goto(base + "/admin/")
    assert "1</strong> new listing" in founder_page.content()
    approve_in_admin(founder_page, base, "Rosa Delgado")
    assert mail.outbox[-1].subject == "Your listing is published"

    # Families find it.
    listing = Provider.objects.get(display_name="Rosa Delgado")
    if search_url():
        page.goto(base + search_url())
        assert "Rosa Delgado" in page.content()
    page.goto(base + listing.get_absolute_url())
    assert "Gentle support after a hard birth" in page.content()

    # The provider edits the headline: the live page keeps the approved one.
    page.goto(base + "/listing/")
    assert "Published" in page.content()
    page.get_by_role("link", name="Edit my listing").click()
    page.get_by_label("Headline").fill("Warm, unhurried care after birth")
    page.locator(".save-bar").get_by_role("button", name="Send my edits for review").click()
    page.wait_for_url("**/listing/")
    assert "Your edits waiting for review" in page.content()
    assert_accessible(page)
    page.goto(base + listing.get_absolute_url())
    assert "Gentle support after a hard birth" in page.content()
    assert "Warm, unhurried care" not in page.content()
    assert_accessible(page)

    # The founder sees the comparison and approves: the new headline is live.
    founder_page.goto(base + f"/admin/providers/provider/{listing.pk}/change/")
    assert "Warm, unhurried care after birth" in founder_page.locator(".edits-comparison").inner_text()
    approve_in_admin(founder_page, base, "Rosa Delgado")
    page.goto(base + listing.get_absolute_url())
    assert "Warm, unhurried care after birth" in page.content()
    assert "Gentle support after a hard birth" not in page.content()


def test_provider_pages_work_on_a_phone_and_errors_are_accessible(site, photo):
    from providers.tokens import availability_token
    from tests.providers.factories import OwnedPublishedProviderFactory

    listing = OwnedPublishedProviderFactory(owner__email="phone@example.org", owner__password=PASSWORD)
    page, base = site, site.base_url
    page.set_viewport_size({"width": 390, "height": 844})

    def check(path=None):
        if path:
            page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url
        assert_accessible(page)

    # A wrong password, then the right one.
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email address").fill("phone@example.org")
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Log in").click()
    assert "match an account" in page.content()
    check()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/listing/")
    check()

    # The listing form with errors keeps what was typed and says what is wrong, where.
    page.goto(base + "/listing/edit/")
    page.get_by_label("Headline").fill("Still here after the error")
    page.get_by_label("ZIP code").first.fill("00000")
    page.get_by_label("Choose a photo").set_input_files(photo)
    page.locator(".save-bar").get_by_role("button").click()
    assert "find this ZIP code" in page.content()
    assert page.get_by_label("Headline").input_value() == "Still here after the error"
    check()

    for path in ["/accounts/", "/accounts/email/", "/accounts/password/", "/accounts/delete/", "/listing/preview/"]:
        check(path)
    check(f"/providers/{listing.slug}/report/")
    check(f"/listing/availability/{availability_token(listing, True)}/")
    page.get_by_role("button", name="Yes, I am accepting new clients").click()
    assert "Thank you!" in page.content()
    check()
