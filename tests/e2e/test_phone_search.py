"""The search page on a phone (390x844) and a desktop (1280x800): results come first after filtering, the filters
that are on show as removable chips, the quick exit stays in reach, and a keyboard reaches the results at once."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.e2e.conftest import assert_accessible
from tests.e2e.test_home import NEUTRAL_SITE, _fake_neutral_site
from tests.e2e.test_search import directory, result_names  # noqa: F401  (the fixture: 28 listings, two pages)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SHOW_RESULTS = re.compile(r"^Show [\d,]+ results?$")


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def screen(request, site):
    site.set_viewport_size(request.param)
    return site


def query(page):
    return parse_qs(urlsplit(page.url).query)


def is_on_first_screen(page, locator):
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"]


def is_phone(page):
    return page.viewport_size["width"] < 600


@pytest.mark.usefixtures("directory")
def test_after_two_filters_and_show_results_the_first_result_is_on_the_first_screen_with_chips(screen):
    page = screen
    page.goto(page.base_url + "/search/?near=02139")
    panel = page.locator("#search-filter-panel")
    assert panel.evaluate("details => details.open") == (not is_phone(page))  # beside the results when there is room
    if is_phone(page):
        page.get_by_text("Filters", exact=True).click()
    page.get_by_label("Birth trauma").check()
    page.wait_for_function("document.title.startsWith('26 providers')")  # the count in the title, updated in place
    page.get_by_label("Spanish").check()
    apply = page.get_by_role("button", name=SHOW_RESULTS)
    page.wait_for_function("document.getElementById('filters-apply').textContent === 'Show 25 results'")
    page.get_by_label("Spanish").scroll_into_view_if_needed()
    assert is_on_first_screen(page, apply)  # sticky: in reach however long the list of filters

    apply.click()
    page.wait_for_load_state()
    assert query(page)["concern"] == ["birth-trauma"] and query(page)["language"] == ["es"]
    assert page.evaluate("window.scrollY") == 0
    assert is_on_first_screen(page, page.locator(".result-name").first)
    assert panel.evaluate("details => details.open") == (not is_phone(page))
    assert page.get_by_text("Filters (2 on)").is_visible()
    chips = page.locator(".chip-list")
    assert chips.get_by_role("link", name="Remove filter: Birth trauma").is_visible()
    assert chips.get_by_role("link", name="Remove filter: Spanish").is_visible()
    assert chips.get_by_role("link", name="Clear all filters").is_visible()
    assert is_on_first_screen(page, chips)
    assert page.title().startswith("25 providers within 25 miles of Cambridge, MA 02139")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    assert_accessible(page)


@pytest.mark.usefixtures("directory")
def test_a_chip_removes_its_filter_and_clear_all_keeps_the_place_and_words(site):
    site.set_viewport_size(PHONE)
    site.goto(site.base_url + "/search/?near=02139&q=provider&concern=birth-trauma&language=es&accepting=1&sort=name")
    chips = site.locator(".chip").evaluate_all("chips => chips.map(chip => chip.textContent)")
    # In the filter form's order; each names its value ("×" is hidden from screen readers, the "Remove" shown to them).
    assert chips == [
        "Remove filter: Taking new clients×",
        "Remove filter: Birth trauma×",
        "Remove filter: Spanish×",
        "Clear all filters",
    ]

    site.get_by_role("link", name="Remove filter: Spanish").click()
    site.wait_for_url(lambda url: "language" not in url)
    assert query(site) == {
        "q": ["provider"],
        "near": ["02139"],
        "concern": ["birth-trauma"],
        "accepting": ["1"],
        "sort": ["name"],
    }
    assert site.get_by_role("status").inner_text().startswith("25 providers matching “provider”")
    assert not site.get_by_label("Spanish").is_checked() and site.get_by_label("Birth trauma").is_checked()

    site.get_by_role("link", name="Clear all filters").click()
    site.wait_for_url(lambda url: "concern" not in url)
    assert query(site) == {"q": ["provider"], "near": ["02139"], "sort": ["name"]}
    assert site.locator(".chip-list").count() == 0
    assert site.get_by_text("Filters", exact=True).is_visible()  # no count when none is on


@pytest.mark.usefixtures("directory")
def test_the_quick_exit_is_in_view_at_the_bottom_of_a_long_results_page(screen):
    page = screen
    page.goto(page.base_url + "/search/?near=02139")
    assert len(result_names(page)) == 20
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_function("window.scrollY > 1000")
    exit_link = page.get_by_role("link", name="Leave this site")
    assert is_on_first_screen(page, exit_link)
    box = exit_link.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('[data-quick-exit]') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top  # nothing covers it: one tap


@pytest.mark.usefixtures("directory")
def test_after_a_filtered_reload_the_keyboard_reaches_the_first_result_within_five_tabs(screen):
    page = screen
    page.goto(page.base_url + "/search/?near=02139&concern=birth-trauma&language=es")
    page.reload()
    assert page.title().startswith("25 providers within 25 miles of Cambridge, MA 02139")
    first_result = result_names(page)[0]
    tabs = 0
    while tabs < 5:
        page.keyboard.press("Tab")
        tabs += 1
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == "Skip to results":
            page.keyboard.press("Enter")
        elif focused == first_result:
            break
    assert focused == first_result, f"after {tabs} Tabs focus is on {focused!r}"
    assert is_on_first_screen(page, page.locator(":focus"))


@pytest.mark.usefixtures("directory")
def test_title_names_the_page_of_results(site):
    site.goto(site.base_url + "/search/?near=02139&page=2")
    expected = "27 providers within 25 miles of Cambridge, MA 02139 or by telehealth in Massachusetts, page 2 · "
    assert site.title().startswith(expected)


@pytest.mark.usefixtures("directory")
def test_without_javascript_a_phone_shows_results_first_and_chips_are_plain_links(live_server, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + "/search/?near=02139&concern=birth-trauma&language=es")
    assert not page.locator("#search-filter-panel").evaluate("details => details.open")
    assert is_on_first_screen(page, page.locator(".result-name").first)
    assert page.title().startswith("25 providers")

    page.get_by_text("Filters (2 on)").click()
    page.get_by_label("Spanish").uncheck()
    page.get_by_role("button", name=SHOW_RESULTS).click()  # says the count of the page it was served with
    page.wait_for_url(lambda url: "language" not in url)
    assert page.get_by_role("status").inner_text().startswith("26 providers")

    page.get_by_role("link", name="Remove filter: Birth trauma").click()
    page.wait_for_url(lambda url: "concern" not in url)
    assert query(page) == {"near": ["02139"]}
    assert page.get_by_role("status").inner_text().startswith("27 providers")

    link = page.get_by_role("link", name="Leave this site")
    assert "Escape" not in (link.get_attribute("title") or "")  # no shortcut without JavaScript, so none promised
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert is_on_first_screen(page, link)
    context.close()


# The contrast of each focused element's outline with the background around it (the outline sits 2px outside).
FOCUS_CONTRASTS = """selector => {
  const rgb = color => (color.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const linear = [r, g, b].map(c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  };
  const backgroundAround = element => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || color[3] > 0) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const shown = Array.from(document.querySelectorAll(selector)).filter(element => element.checkVisibility());
  return shown.map(element => {
    element.focus();
    const style = getComputedStyle(element);
    const name = element.className + " " + element.textContent.trim().slice(0, 30);
    if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return [name, 0];
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(backgroundAround(element))];
    return [name, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}"""
FOCUSABLE = (
    ".quick-exit, .site-nav a, .search-submit, #search-filter-panel > summary, .chip, .result-name a, .pagination a,"
    " .crisis-callout a, .site-footer a"
)


@pytest.mark.usefixtures("directory")
def test_focus_rings_reach_three_to_one_on_every_background(screen):
    page = screen
    for url in ["/search/?near=02139&concern=birth-trauma&language=es", "/search/?near=02139&q=suicidal"]:
        page.goto(page.base_url + url)
        page.keyboard.press("Tab")  # the keyboard is in use, so focus shows as it would to its user
        contrasts = page.evaluate(FOCUS_CONTRASTS, FOCUSABLE)
        assert len([name for name, _ in contrasts if "988" in name]) >= 1  # the crisis links are among them
        low = [(name, round(ratio, 2)) for name, ratio in contrasts if ratio < 3]
        assert not low, f"focus rings under 3:1 on {url}: {low}"


def test_escape_twice_within_a_second_leaves_and_only_then_is_it_promised(live_server, page):
    _fake_neutral_site(page)
    page.goto(live_server.url + "/search/?near=02139")
    link = page.get_by_role("link", name="Leave this site")
    assert "Pressing Escape twice also works." in link.get_attribute("title")
    assert link.evaluate("link => link.getAttribute('aria-describedby')")  # said to screen readers too
    page.get_by_label("ZIP code or city").fill("a place being typed")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1100)
    page.keyboard.press("Escape")  # two presses over a second apart (closing suggestions, say): the page stays
    page.wait_for_timeout(200)
    assert page.url.startswith(live_server.url)
    assert page.get_by_label("ZIP code or city").input_value() == "a place being typed"
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL_SITE)
