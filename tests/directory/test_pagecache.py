"""Anonymous search and blog pages are served from the cache until what they show changes."""

import pytest
from django.core.cache import cache

from tests.blog.factories import PublishedPostFactory
from tests.providers.factories import PublishedProviderFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_a_repeated_anonymous_search_is_served_from_the_cache(client, django_assert_max_num_queries):
    PublishedProviderFactory(display_name="Avery Cached")
    first = client.get("/search/?q=Avery")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(2):  # the change counter and the cache lookup
        second = client.get("/search/?q=Avery")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


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


def test_pages_with_a_form_token_are_never_cached(client):
    provider = PublishedProviderFactory()
    client.get(provider.get_absolute_url())
    assert "X-Page-Cache" not in client.get(provider.get_absolute_url())


def test_blog_pages_are_cached_for_anonymous_readers(client):
    post = PublishedPostFactory()
    client.get(post.get_absolute_url())
    assert client.get(post.get_absolute_url())["X-Page-Cache"] == "hit"
    assert client.get("/blog/")["X-Page-Cache"] == "miss"


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
