import pytest

from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEUTRAL_SITE = "https://www.weather.gov/"


def test_home_page_shows_crisis_resources_and_is_accessible(site):
    site.goto(site.base_url + "/")
    footer = site.locator("footer")
    assert "988" in footer.inner_text()
    assert "1-833-852-6262" in footer.inner_text()
    assert "1-800-944-4773" in footer.inner_text()
    assert "911" in footer.inner_text()
    assert site.get_by_label("ZIP code or city").is_visible()
    assert_accessible(site)


def test_home_page_is_accessible_on_a_phone(site):
    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(site.base_url + "/")
    assert site.get_by_role("link", name="Leave this site").is_visible()
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert site.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(site)


def _fake_neutral_site(page):
    page.route(
        NEUTRAL_SITE + "**",
        lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"),
    )


def test_quick_exit_replaces_the_page_so_back_does_not_return(live_server, page):
    _fake_neutral_site(page)
    page.goto(live_server.url + "/about/")
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(NEUTRAL_SITE)
    page.go_back()
    # The home page was replaced in the history: back lands on the page before it, not on the home page.
    assert page.url.rstrip("/") != live_server.url


def test_quick_exit_works_from_the_keyboard(live_server, page):
    _fake_neutral_site(page)
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # site name
    page.keyboard.press("Tab")  # quick exit
    assert page.evaluate("document.activeElement.textContent.trim()") == "Leave this site"
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL_SITE)


def test_quick_exit_works_without_javascript(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _fake_neutral_site(page)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Leave this site").click()
    page.wait_for_url(NEUTRAL_SITE)
    context.close()


def test_not_found_page_is_friendly_and_accessible(site):
    response = site.goto(site.base_url + "/no-such-page/")
    assert response.status == 404
    assert "couldn't find that page" in site.content()
    assert_accessible(site)
