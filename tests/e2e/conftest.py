"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against live_server."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # bypass_csp lets the axe-core script be injected into pages served under a strict CSP.
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "bypass_csp": True}


@pytest.fixture
def site(live_server, page):
    """The live site in a browser page, failing the test if any request leaves the site's own origin."""
    origin = urlsplit(live_server.url)
    foreign = []

    def check(request):
        url = urlsplit(request.url)
        if url.scheme in {"http", "https"} and url.netloc != origin.netloc:
            foreign.append(request.url)

    page.on("request", check)
    page.base_url = live_server.url
    yield page
    assert not foreign, f"requests to other origins: {foreign}"


PASSWORD = "gentle rivers 42"


@pytest.fixture
def founder_page(browser, live_server):
    """A browser page logged in as a founder, on the admin's index."""
    from tests.providers.factories import ModeratorFactory

    ModeratorFactory(email="founder@example.org", password=PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("founder@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()


_axe = Axe()


def assert_accessible(page):
    """Fails with a readable list on any WCAG 2.1 A/AA violation axe-core finds on the current page."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    violations = results.response["violations"]
    details = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in violations]
    assert not violations, "accessibility violations:\n" + "\n".join(details)
