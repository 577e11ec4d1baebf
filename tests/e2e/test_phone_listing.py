"""A provider's listing form on a phone (390x844) and a desktop (1280x800): sections to jump between, a save always
in reach, questions whose wrapped titles no border cuts."""

import re

import pytest

from tests.e2e.conftest import PASSWORD, assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def open_listing_form(site, size, **listing):
    """The listing form of a provider with a published listing (`listing`: its fields) who has just logged in."""
    from tests.providers.factories import OwnedPublishedProviderFactory

    OwnedPublishedProviderFactory(owner__email="mara@example.org", owner__password=PASSWORD, **listing)
    site.set_viewport_size(size)
    site.goto(site.base_url + "/accounts/login/")
    site.get_by_label("Email address").fill("mara@example.org")
    site.get_by_label("Password").fill(PASSWORD)
    site.get_by_role("button", name="Log in").click()
    site.wait_for_url("**/listing/")
    site.goto(site.base_url + "/listing/edit/")
    return site


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def listing_form(request, site):
    """The listing form at the screen size."""
    return open_listing_form(site, request.param)


def in_view(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def below_the_sticky_bar(page, locator):
    """Not hidden under the bar at the top of the screen (the quick exit's)."""
    bar = page.locator(".site-header").bounding_box()
    return locator.bounding_box()["y"] >= bar["y"] + bar["height"]


def test_a_provider_jumps_between_sections_with_a_save_always_in_reach(listing_form):
    page = listing_form
    save = page.locator(".save-bar").get_by_role("button", name="Send my edits for review")
    assert in_view(page, save)  # from the first screen on

    page.get_by_role("navigation", name="Sections of your listing").get_by_role("link", name="Fees and payment").click()
    heading = page.get_by_role("heading", name="Fees and payment")
    assert in_view(page, heading) and below_the_sticky_bar(page, heading)
    assert in_view(page, save)
    assert in_view(page, page.get_by_role("link", name="Leave this site"))

    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    assert in_view(page, save)
    if page.viewport_size["width"] < 600:  # beside the form on a desktop, so only a phone needs the way back
        page.locator(".save-bar").get_by_role("link", name="Sections of your listing").click()
        sections = page.get_by_role("navigation", name="Sections of your listing")
        assert in_view(page, sections.get_by_role("link", name="About you"))
    else:
        assert in_view(page, page.get_by_role("navigation", name="Sections of your listing"))
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)


def test_every_question_title_sits_inside_its_group_and_wraps_cleanly(listing_form):
    page = listing_form
    legends = page.locator(".listing-form legend").evaluate_all(
        """legends => legends.map(legend => {
          const group = legend.parentElement.getBoundingClientRect();
          const title = legend.getBoundingClientRect();
          const border = parseFloat(getComputedStyle(legend.parentElement).borderTopWidth);
          const lines = Math.round(title.height / parseFloat(getComputedStyle(legend).lineHeight));
          return {text: legend.textContent.trim(), lines, inside: title.top >= group.top + border,
                  fits: title.right <= group.right + 0.5};
        })"""
    )
    assert len(legends) >= 8
    # Not drawn across the group's top border (which cut a wrapped title in two), and never wider than the screen.
    assert [legend for legend in legends if not (legend["inside"] and legend["fits"])] == []
    if page.viewport_size["width"] < 600:
        assert any(legend["lines"] >= 2 for legend in legends)  # some do wrap on a phone: the case that matters


def test_the_save_bar_sends_the_form_from_anywhere(listing_form):
    page = listing_form
    page.get_by_label("Headline").fill("Calm, practical support after a hard birth")
    page.get_by_role("navigation", name="Sections of your listing").get_by_role("link", name="Contact").click()
    page.locator(".save-bar").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/listing/(#contact)?$"))  # saved (a redirect keeps the section's anchor)
    page.goto(page.base_url + "/listing/edit/")
    assert page.get_by_label("Headline").input_value() == "Calm, practical support after a hard birth"


def test_edits_waiting_for_review_keep_their_lines_on_a_phone(site):
    open_listing_form(site, PHONE, trainings="Birth trauma course (2020)\nEMDR (2021)")
    site.get_by_label("Trainings and certifications").fill("Birth trauma course (2020)\nPMH-C (2024)")
    site.locator(".save-bar").get_by_role("button", name="Send my edits for review").click()
    site.wait_for_url("**/listing/")
    live = site.locator('.dashboard__edits td[data-label="Published now"]')
    proposed = site.locator('.dashboard__edits td[data-label="Your edit"]')
    assert live.inner_text() == "Birth trauma course (2020)\nEMDR (2021)"  # one training a line, as written
    assert proposed.inner_text() == "Birth trauma course (2020)\nPMH-C (2024)"
    assert_accessible(site)
