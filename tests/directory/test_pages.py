import pytest
from django.db import DatabaseError

pytestmark = pytest.mark.django_db


def test_home_page_has_search_form_navigation_and_crisis_resources(client):
    html = client.get("/").content.decode()
    for text in [
        "Find a provider",
        "Blog",
        "For providers",
        "About",
        "Skip to main content",
        "Leave this site",
    ]:
        assert text in html
    for number in ["988", "1-833-852-6262", "1-833-TLC-MAMA", "1-800-944-4773", "911"]:
        assert number in html
    assert 'name="near"' in html
    assert "<title>Trauma-Informed Maternal Health Directory</title>" in html


def test_site_name_comes_from_settings(client, settings):
    settings.SITE_NAME = "Test Directory"
    assert "<title>Test Directory</title>" in client.get("/").content.decode()


@pytest.mark.parametrize("url", ["/about/", "/for-providers/", "/blog/"])
def test_static_pages_answer(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "988" in response.content.decode()


def test_about_page_credits_geonames(client):
    html = client.get("/about/").content.decode()
    assert "GeoNames" in html and "Creative Commons Attribution 4.0" in html


def test_unknown_page_is_a_friendly_404(client, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "couldn't find that page" in response.content.decode()


def test_server_error_page_renders_without_the_database(client, settings):
    from directory.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "988" in response.content.decode()


def test_pages_load_nothing_from_other_origins(client):
    html = client.get("/").content.decode()
    import re

    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    # Links to the page in another language (rel="alternate") name an address; the browser loads nothing from them.
    loaded = re.findall(r'<(?:script|link(?! rel="alternate")|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources
    assert all(s.startswith("/") for s in loaded), loaded


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
