"""En español in a real browser: a family searches, filters, opens a profile and sends a message entirely in
Spanish, the pages pass axe on a phone and a desktop, and the language link keeps the search after filters change in
place."""

import pytest

from providers.enquiries import ContactMessage
from tests.directory.conftest import make_listing
from tests.e2e.conftest import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def directory():
    make_listing(
        "Dana Whitfield",
        zips=["02139"],
        concerns=["birth-trauma"],
        languages=["en", "es"],
        formats=["in-person", "telehealth"],
        licensed_states=["MA"],
    )
    make_listing("English Only", zips=["02139"], concerns=["birth-trauma"], languages=["en"])
    make_listing("Other Concern", zips=["02139"], concerns=["infertility"], languages=["es"])


def test_a_family_searches_filters_opens_a_profile_and_writes_in_spanish(live_server, browser, directory):
    # Without JavaScript, so every step is a plain link or form (axe runs in the test below, which needs scripts).
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_label("Código postal o ciudad").fill("02139")
    page.get_by_role("button", name="Buscar un profesional").click()
    page.wait_for_url("**/es/search/?near=02139**")
    assert "a menos de 25 millas de Cambridge, MA 02139" in page.get_by_role("status").inner_text()

    page.locator("#search-filter-panel > summary").click()
    page.get_by_label("Trauma del parto").check()
    page.get_by_label("Español").check()
    page.locator("#filters-apply").click()
    page.wait_for_url("**concern=birth-trauma**")
    assert page.get_by_role("status").inner_text().startswith("1 profesional")
    assert page.locator(".result-spanish").inner_text() == "Atiende en español"

    page.get_by_role("link", name="Dana Whitfield").click()
    page.wait_for_url("**/es/providers/dana-whitfield/**")
    assert page.get_by_role("heading", level=2, name="Puede ayudar con").is_visible()
    page.get_by_label("Su nombre").fill("Lucía")
    page.get_by_label("Su correo electrónico").fill("lucia@example.org")
    page.get_by_label("Mensaje", exact=True).fill("Hola, tuve un parto difícil y busco a alguien con quien hablar.")
    page.get_by_role("button", name="Enviar mensaje").click()
    page.wait_for_url("**/es/providers/dana-whitfield/contact/sent/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Su mensaje va en camino a Dana Whitfield"
    assert ContactMessage.objects.get().language == "es"

    page.get_by_role("link", name="Vuelva a sus resultados").click()
    page.wait_for_url("**/es/search/?**concern=birth-trauma**")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1280"])
@pytest.mark.parametrize(
    "path",
    [
        "/es/",
        "/es/search/?near=02139&concern=birth-trauma",
        "/es/search/?q=no%20puedo%20m%C3%A1s&near=02139",
        "/es/search/?near=02139&concern=infertility&type=midwife",
        "/es/providers/dana-whitfield/",
        "/es/about/",
        "/es/blog/",
        "/es/no-such-page/",
    ],
)
def test_spanish_pages_are_accessible_on_a_phone_and_a_desktop(site, directory, viewport, path):
    site.set_viewport_size(viewport)
    site.goto(site.base_url + path)
    assert site.locator("html").get_attribute("lang") == "es"
    assert_accessible(site)


def test_the_language_link_follows_filters_changed_in_place(site, directory):
    site.goto(site.base_url + "/es/search/?near=02139")
    site.get_by_label("Español").check()  # search.js updates the results and the address in place
    site.wait_for_url("**language=es**")
    site.get_by_role("link", name="English").click()
    site.wait_for_url("**/search/?**language=es**")
    assert "/es/" not in site.url
    assert site.locator("html").get_attribute("lang") == "en"
    assert site.get_by_label("Spanish").is_checked()
