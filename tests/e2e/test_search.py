"""The search page in a real browser: a family's search with and without JavaScript, and axe-core checks."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.directory.conftest import make_listing
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory():
    """25 Spanish-speaking birth-trauma listings around Cambridge (two pages), and a few that don't match."""
    for n in range(25):
        make_listing(
            f"Provider {n:02d}",
            zips=["02139" if n % 2 else "02115"],
            concerns=["birth-trauma", "postpartum-depression"],
            languages=["en", "es"],
        )
    make_listing("English Only", zips=["02139"], concerns=["birth-trauma"], languages=["en"])
    make_listing("Other Concern", zips=["02139"], concerns=["infertility"], languages=["es"])
    make_listing("Far Away", zips=["78701"], concerns=["birth-trauma"], languages=["es"], licensed_states=["TX"])


def result_names(page):
    return page.locator(".result-name a").all_inner_texts()


def test_without_javascript_a_family_filters_pages_opens_a_profile_and_comes_back(live_server, browser, directory):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_label("ZIP code or city").fill("02139")
    page.get_by_role("button", name="Find a provider").click()
    page.wait_for_url("**/search/?near=02139**")
    assert "within 25 miles of Cambridge, MA 02139" in page.get_by_role("status").inner_text()

    page.locator("#search-filter-panel > summary").click()  # the filters are folded until opened
    page.get_by_label("Birth trauma").check()
    page.get_by_label("Spanish").check()
    page.get_by_role("button", name="Show 27 results").click()  # the count the page was served with
    page.wait_for_url("**concern=birth-trauma**")
    assert page.get_by_role("status").inner_text().startswith("25 providers")
    assert "Other Concern" not in result_names(page) and "English Only" not in result_names(page)

    page.get_by_role("link", name="Next page").click()
    page.wait_for_url("**page=2**")
    second_page = result_names(page)
    assert len(second_page) == 5
    results_url = page.url

    page.get_by_role("link", name=second_page[0]).click()
    page.wait_for_url("**/providers/**")
    assert page.get_by_role("heading", level=1).inner_text() == second_page[0]
    page.get_by_role("link", name="Back to results").click()
    page.wait_for_url("**/search/**")
    assert parse_qs(urlsplit(page.url).query) == parse_qs(urlsplit(results_url).query)
    assert result_names(page) == second_page
    assert page.get_by_label("Spanish").is_checked() and page.get_by_label("Birth trauma").is_checked()
    assert page.locator('.pagination [aria-current="page"]').inner_text().strip().endswith("2")
    context.close()


def test_with_javascript_changing_a_filter_updates_results_and_address_in_place(site, directory):
    site.goto(site.base_url + "/search/?near=02139&sort=name")
    assert result_names(site)[0] == "English Only"
    spanish = site.get_by_label("Spanish")  # the filters open by themselves on a wide screen
    spanish.check()
    site.wait_for_url("**language=es**")
    site.wait_for_function("document.querySelector('.result-name a').textContent !== 'English Only'")
    assert "English Only" not in result_names(site)
    assert site.get_by_role("status").inner_text().startswith("26 providers")
    assert site.evaluate("document.activeElement.id") == "f-language-es"  # focus stays where the family is
    assert site.evaluate("window.history.length") == 2  # the address was replaced, not a new page loaded
    assert_accessible(site)


def test_search_page_is_accessible_with_results_on_a_phone(site, directory):
    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(site.base_url + "/search/?near=02139&q=provider")
    assert len(result_names(site)) == 20
    assert site.evaluate("document.documentElement.scrollWidth") <= 390
    assert not site.locator("#search-filter-panel").evaluate("details => details.open")  # folded on phones
    assert_accessible(site)


def test_search_page_is_accessible_with_no_results_and_every_way_out_finds_someone(site, directory):
    site.goto(site.base_url + "/search/?near=02139&concern=nicu&language=es")
    assert site.get_by_role("heading", name="No providers match this search yet").is_visible()
    ways = site.locator(".ways-out a")
    assert ways.count() >= 1
    assert_accessible(site)
    for href in [ways.nth(i).get_attribute("href") for i in range(ways.count())]:
        site.goto(site.base_url + href)
        assert result_names(site), href


def test_crisis_words_show_help_first_and_the_providers_who_help(site, directory):
    site.goto(site.base_url + "/search/?near=02139&q=suicidal")
    assert site.get_by_role("heading", name="You don't have to go through this alone").is_visible()
    assert result_names(site)  # never a dead end
    assert_accessible(site)
    site.goto(site.base_url + "/search/?q=intrusive+thoughts")
    callout = site.locator(".crisis-callout")
    assert "common" in callout.inner_text() and "988" not in callout.inner_text()
    assert result_names(site)
    assert_accessible(site)
