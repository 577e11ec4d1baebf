"""Anonymous search, profile and blog pages are served from the cache until what they show changes."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client

from core.pagecache import cache_public_page
from tests.blog.factories import PublishedPostFactory
from tests.providers.factories import PublishedProviderFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_a_repeated_anonymous_search_is_served_from_the_cache(client, django_assert_max_num_queries):
    PublishedProviderFactory(display_name="Avery Cached")
    first = client.get("/search/?q=Avery")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the change counter and the cache lookup
        second = client.get("/search/?q=Avery")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_pages_are_kept_in_their_own_small_cache_apart_from_rate_limit_counts(client, settings):
    PublishedProviderFactory(display_name="Avery Cached")
    client.get("/search/?q=Avery")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_page_cache")
        assert cursor.fetchone() == (1,)
        cursor.execute("SELECT count(*) FROM django_cache WHERE cache_key LIKE '%%page%%'")
        assert cursor.fetchone() == (0,)
    assert settings.CACHES["pages"]["OPTIONS"]["MAX_ENTRIES"] <= 20_000  # each write counts the table's rows


def test_a_listing_change_is_never_served_stale(client):
    provider = PublishedProviderFactory(display_name="Avery Cached", accepting_new_clients=True)
    assert "Avery Cached" in client.get("/search/?q=Avery").content.decode()
    provider.status = provider.Status.SUSPENDED
    provider.save()
    response = client.get("/search/?q=Avery")
    assert response["X-Page-Cache"] == "miss"
    assert "Avery Cached" not in response.content.decode()


def test_different_searches_are_cached_apart(client):
    PublishedProviderFactory(display_name="Avery Cached")
    client.get("/search/?q=Avery")
    assert client.get("/search/?q=Nobody")["X-Page-Cache"] == "miss"


def test_signed_in_people_always_get_a_fresh_page(client):
    client.force_login(VerifiedUserFactory())
    client.get("/search/")
    response = client.get("/search/")
    assert "X-Page-Cache" not in response


def form_token(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', response.content.decode()).group(1)


def test_a_profile_is_cached_and_each_visitor_gets_their_own_form_token(django_assert_max_num_queries):
    provider = PublishedProviderFactory(display_name="Avery Cached")
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = first_visitor.get(provider.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the change counter and the cache lookup
        second = second_visitor.get(provider.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    assert "Avery Cached" in second.content.decode()
    assert "csrftoken" in second.cookies
    assert form_token(second) != form_token(first)
    # The token put back is the second visitor's own: their message is accepted (errors shown, not refused).
    sent = second_visitor.post(
        f"/providers/{provider.slug}/contact/", {"csrfmiddlewaretoken": form_token(second), "name": ""}
    )
    assert sent.status_code == 200
    assert "Please tell us your name" in sent.content.decode()


def test_a_profile_reached_from_a_search_is_rendered_fresh(client):
    provider = PublishedProviderFactory()
    url = f"{provider.get_absolute_url()}?back=near%3D02139"
    client.get(url)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert 'href="/search/?near=02139"' in response.content.decode()


def test_a_suspended_listing_leaves_the_cached_profile_at_once(client):
    provider = PublishedProviderFactory()
    assert client.get(provider.get_absolute_url())["X-Page-Cache"] == "miss"
    provider.status = provider.Status.SUSPENDED
    provider.save()
    assert client.get(provider.get_absolute_url()).status_code == 404


def _page_with(template):
    def view(request):
        return HttpResponse(Template(template).render(RequestContext(request)))

    return view


@pytest.mark.parametrize(
    ("template", "forms", "cached"),
    [
        ("<form>{% csrf_token %}</form>", False, False),  # a form only where the view says it may be
        ("<form>{% csrf_token %}</form>", True, True),
        ("<script>const token = '{{ csrf_token }}';</script>", True, False),  # a token outside its input
        ("<form>{% csrf_token %}</form><p>{{ csrf_token }}</p>", True, False),
        ("<p>No form</p>", False, True),
    ],
)
def test_a_visitors_token_is_never_kept_in_the_cache(rf, template, forms, cached):
    view = cache_public_page(forms=forms)(_page_with(template))
    view(rf.get("/page/"))
    assert (view(rf.get("/page/")).get("X-Page-Cache") == "hit") is cached


def test_blog_pages_are_cached_for_anonymous_readers(client):
    post = PublishedPostFactory()
    client.get(post.get_absolute_url())
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    assert client.get("/blog/")["X-Page-Cache"] == "miss"


@pytest.mark.parametrize("url", ["/", "/about/", "/for-providers/", "/es/", "/es/about/"])
def test_pages_without_listings_are_cached_for_anonymous_readers(client, url):
    first = client.get(url)
    second = client.get(url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content


def test_the_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/search/")
    assert "X-Page-Cache" not in client.get("/search/")


def test_a_request_for_another_host_never_changes_what_later_readers_get(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
    settings.SITE_URL = "https://directory.example"
    post = PublishedPostFactory()
    for url in [post.get_absolute_url(), "/blog/"]:
        client.get(url, HTTP_HOST="evil.example")
        html = client.get(url).content.decode()
        assert "evil.example" not in html, url
        assert f'<link rel="canonical" href="https://directory.example{url}">' in html, url


def test_pages_for_different_hosts_are_cached_apart(client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    post = PublishedPostFactory()
    client.get(post.get_absolute_url(), HTTP_HOST="other.example")
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "miss"
