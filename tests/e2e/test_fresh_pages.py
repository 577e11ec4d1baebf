"""Freshness and pending edits in a browser: the amber availability on cards and profiles, and the changed words
marked for the provider and the founder, all axe-clean at phone and desktop widths."""

import os

import pytest

from providers.pending import PendingChange, office_dicts
from tests.clock import days_ago
from tests.directory.conftest import make_listing
from tests.e2e.conftest import PASSWORD, assert_accessible
from tests.providers.factories import OwnedPublishedProviderFactory, VerifiedUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
SHOTS = os.environ.get("FRESH_SHOTS", "")  # a folder: save screenshots there for a human look


def shot(page, name):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}-{page.viewport_size['width']}.png", full_page=True)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_cards_and_profiles_tell_the_same_freshness(site, viewport):
    site.set_viewport_size(viewport)
    make_listing("Ada Fresh", confirmed_days_ago=3)
    amber = make_listing("Bea Unconfirmed", confirmed_days_ago=114)
    site.goto(site.base_url + "/search/?near=02139&sort=name")
    cards = site.locator(".result-availability")
    assert cards.nth(0).inner_text() == "Taking new clients · confirmed 3 days ago"
    assert cards.nth(1).inner_text() == "Availability not confirmed for 114 days · last said: taking new clients"
    assert_accessible(site)
    shot(site, "results")
    site.goto(site.base_url + amber.get_absolute_url())
    facts = site.locator(".fact-card").first.inner_text()
    assert "Availability not confirmed for 114 days · last said: taking new clients" in facts
    assert "It may have changed since" in facts
    assert_accessible(site)
    shot(site, "profile")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_provider_sees_only_the_changed_words_marked(browser, live_server, viewport):
    owner = VerifiedUserFactory(email="dana@example.org", password=PASSWORD)
    listing = OwnedPublishedProviderFactory(owner=owner, headline="Gentle support after a hard birth")
    PendingChange.stage(
        listing,
        values={"headline": "Gentle support after a difficult birth", "bio": listing.bio.replace("\n", "\r\n")},
        offices=office_dicts(listing.offices.all()),
        by=owner,
    )
    listing.confirm_availability(True, when=days_ago(95))
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("dana@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/listing/")
    rows = page.locator(".comparison tbody tr")
    assert rows.count() == 1  # the bio came back with CRLF: not a change
    assert page.locator(".comparison del").all_inner_texts() == ["hard"]
    assert page.locator(".comparison ins").all_inner_texts() == ["difficult"]
    assert "Availability not confirmed for 95 days" in page.locator(".dashboard__availability").inner_text()
    assert_accessible(page)
    shot(page, "dashboard")
    context.close()


def test_the_founder_sees_the_changed_words_marked(founder_page, live_server):
    listing = OwnedPublishedProviderFactory(headline="Gentle support after a hard birth")
    PendingChange.stage(
        listing,
        values={
            "headline": "Gentle support after a difficult birth, at your pace",
            "bio": "A new first line.\n\n" + listing.bio,
        },
        offices=office_dicts(listing.offices.all()),
        by=listing.owner,
    )
    founder_page.goto(f"{live_server.url}/admin/providers/provider/{listing.pk}/change/")
    table = founder_page.locator(".edits-comparison")
    assert table.locator("tbody tr").count() == 2
    # Words are compared with their punctuation: "birth" became "birth,".
    assert table.locator("ins").all_inner_texts() == ["difficult birth, at your pace", "A new first line."]
    assert table.locator("del").all_inner_texts() == ["hard birth"]
    shot(founder_page, "admin-review")
