"""The shortlist in a real browser: a family saves providers from two searches, compares them side by side, shares
the list as a link that opens anywhere (even without JavaScript), prints it on one page, and the quick exit leaves
nothing of it on the device. Without JavaScript no Save button shows."""

import re
from urllib.parse import urlsplit

import pytest

from directory.comparison import MAX_SAVED
from tests.directory.conftest import make_listing
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEUTRAL_SITE = "https://www.weather.gov/"
SAVE_BUTTONS = ".save-toggle"


@pytest.fixture
def directory():
    """Listings around Cambridge, MA: three for birth trauma, two for infertility."""
    for name in ("Dana Whitfield", "Amara Okafor", "Lena Brooks"):
        make_listing(name, zips=["02139"], concerns=["birth-trauma"], languages=["en", "es"])
    for name in ("Rosa Lind", "Mei Tanaka"):
        make_listing(name, zips=["02115"], concerns=["infertility"], formats=["telehealth"], licensed_states=["MA"])


@pytest.fixture
def family(live_server, page, settings):
    """The site in a browser page. Only the quick exit's neutral page may be requested off the site (and is
    answered locally); anything else off the site fails the test."""
    settings.SITE_URL = live_server.url  # share links point at the live server
    allowed = {urlsplit(live_server.url).netloc, urlsplit(NEUTRAL_SITE).netloc}
    foreign = []

    def check(request):
        url = urlsplit(request.url)
        if url.scheme in {"http", "https"} and url.netloc not in allowed:
            foreign.append(request.url)

    page.on("request", check)
    page.route(
        NEUTRAL_SITE + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html")
    )
    page.base_url = live_server.url
    yield page
    assert not foreign, f"requests to other origins: {foreign}"


def save(page, name):
    button = page.get_by_role("button", name=f"Save {name}")
    button.click()
    page.wait_for_function(
        "name => [...document.querySelectorAll('[data-save]')].some("
        "b => b.dataset.saveName === name && b.getAttribute('aria-pressed') === 'true')",
        arg=name,
    )


def stored(page):
    return page.evaluate("window.localStorage.getItem('shortlist')")


def compared(page):
    return page.locator(".compare thead th a:first-child").all_inner_texts()


def test_a_family_saves_from_two_searches_compares_shares_and_leaves_no_trace(family, browser, directory):
    page = family
    page.goto(page.base_url + "/search/?near=02139&concern=birth-trauma")
    assert not page.get_by_role("link", name=re.compile(r"^Saved \(")).is_visible()  # nothing saved yet
    save(page, "Dana Whitfield")
    save(page, "Lena Brooks")
    assert page.get_by_role("link", name="Saved (2)").is_visible()
    assert_accessible(page)

    # A second search: the list carries over, and a profile has its own Save button.
    page.goto(page.base_url + "/search/?near=02139&concern=infertility")
    assert page.get_by_role("link", name="Saved (2)").is_visible()
    page.get_by_role("link", name="Rosa Lind").click()
    page.wait_for_url("**/providers/rosa-lind/**")
    save(page, "Rosa Lind")
    assert page.get_by_role("button", name="Saved Rosa Lind").get_attribute("aria-pressed") == "true"
    assert stored(page) == '["dana-whitfield","lena-brooks","rosa-lind"]'

    # Back on the search page (restored from the browser's cache), Rosa's card shows her as saved.
    page.go_back()
    page.wait_for_url("**/search/**")
    assert page.get_by_role("button", name="Saved Rosa Lind").get_attribute("aria-pressed") == "true"

    page.get_by_role("link", name="Saved (3)").click()
    page.wait_for_url("**/saved/?p=dana-whitfield,lena-brooks,rosa-lind")
    assert compared(page) == ["Dana Whitfield", "Lena Brooks", "Rosa Lind"]
    for row in ("Type", "Offices", "Telehealth", "New clients", "Fees", "Languages"):
        assert page.get_by_role("rowheader", name=row).is_visible()
    assert not page.get_by_role("button", name="Save this list on this device").is_visible()  # it is this list
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls inside its own box
    assert_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The shared link opens the same comparison on another device, with or without JavaScript.
    shared = page.get_by_label("Link to this list").input_value()
    assert shared == page.base_url + "/saved/?p=dana-whitfield,lena-brooks,rosa-lind"
    for javascript in (True, False):
        other = browser.new_context(java_script_enabled=javascript)
        elsewhere = other.new_page()
        elsewhere.goto(shared)
        assert compared(elsewhere) == ["Dana Whitfield", "Lena Brooks", "Rosa Lind"]
        if javascript:  # a family receiving the link can keep it on their own device
            assert not elsewhere.locator("[data-shortlist-nav]").is_visible()  # nothing saved on that device yet
            elsewhere.get_by_role("button", name="Save this list on this device").click()
            assert elsewhere.get_by_role("link", name="Saved (3)").is_visible()
        other.close()

    # Removing one from the comparison takes them off the device's list too.
    page.get_by_role("link", name="Remove Lena Brooks").click()
    page.wait_for_url("**/saved/?p=dana-whitfield,rosa-lind")
    assert compared(page) == ["Dana Whitfield", "Rosa Lind"]
    assert page.get_by_role("link", name="Saved (2)").is_visible()

    # The quick exit leaves nothing behind.
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(NEUTRAL_SITE)
    page.goto(page.base_url + "/saved/")
    assert stored(page) is None
    assert page.get_by_role("heading", name="Nothing saved here yet").is_visible()
    assert not page.locator("[data-shortlist-nav]").is_visible()


def test_without_javascript_no_save_button_shows_and_the_pages_still_work(live_server, browser, directory):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/search/?near=02139")
    assert page.locator(".result-name").count() == 5
    assert page.locator(SAVE_BUTTONS).count() == 5 and not any(
        button.is_visible() for button in page.locator(SAVE_BUTTONS).all()
    )
    assert not page.locator("[data-shortlist-nav]").is_visible()
    page.goto(live_server.url + "/providers/dana-whitfield/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dana Whitfield"
    assert not page.locator(SAVE_BUTTONS).is_visible()
    page.goto(live_server.url + "/saved/")
    assert page.get_by_text("Saving needs JavaScript").is_visible()
    context.close()


def test_a_full_comparison_prints_on_one_landscape_page(family):
    names = [f"Provider {n:02d}" for n in range(MAX_SAVED)]
    for name in names:
        make_listing(
            name,
            zips=["02139", "02115"],
            types=["therapist", "doula"],
            payments=["self-pay", "sliding-scale", "superbill"],
            plans=["aetna", "cigna", "bcbs"],
            languages=["en", "es"],
            formats=["in-person", "telehealth", "phone"],
            licensed_states=["MA", "NY", "CT", "RI", "NH", "VT"],
        )
    page = family
    page.goto(page.base_url + "/saved/?near=02139&p=" + ",".join(f"provider-{n:02d}" for n in range(MAX_SAVED)))
    assert compared(page) == names
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible() and not page.locator(".saved-share").is_visible()
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
