"""/sitemap.xml lists what families may find and nothing else; /robots.txt keeps crawlers out of private areas."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from tests.blog.factories import DraftPostFactory, PublishedPostFactory, ScheduledPostFactory, TopicFactory
from tests.providers.factories import PendingProviderFactory, ProviderFactory, PublishedProviderFactory

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text.removeprefix(settings.SITE_URL) for loc in root.findall(".//sm:loc", NS)}


def test_sitemap_lists_published_listings_posts_topics_and_static_pages_only():
    from django.test import Client

    live = PublishedProviderFactory(display_name="Live Listing")
    draft = ProviderFactory(display_name="Draft Listing")
    pending = PendingProviderFactory(display_name="Pending Listing")
    topic_with_posts, empty_topic = TopicFactory(slug="bonding"), TopicFactory(slug="nothing-yet")
    post = PublishedPostFactory(slug="live-post")
    post.topics.add(topic_with_posts)
    draft_post, scheduled_post = DraftPostFactory(slug="draft-post"), ScheduledPostFactory(slug="future-post")
    draft_post.topics.add(empty_topic)
    scheduled_post.topics.add(empty_topic)

    paths = sitemap_paths(Client())

    assert live.get_absolute_url() in paths
    assert post.get_absolute_url() in paths
    assert topic_with_posts.get_absolute_url() in paths
    assert {"/", "/search/", "/about/", "/for-providers/", "/blog/"} <= paths
    for hidden in (draft, pending):
        assert hidden.get_absolute_url() not in paths
    for hidden in (draft_post, scheduled_post, empty_topic):
        assert hidden.get_absolute_url() not in paths
    assert not any(p.startswith(("/admin", "/accounts", "/listing")) for p in paths)


def test_sitemap_never_contains_private_fields(client):
    provider = PublishedProviderFactory(license_number="LIC-998877")
    body = client.get("/sitemap.xml").content.decode()
    assert provider.contact_email not in body
    assert "LIC-998877" not in body


def test_robots_txt_disallows_account_pages_and_points_at_the_sitemap(client, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /accounts/" in lines
    assert "Disallow: /listing/" in lines
    assert f"Sitemap: {settings.SITE_URL}/sitemap.xml" in lines


def test_robots_txt_never_reveals_a_moved_admin(client, settings):
    settings.ADMIN_URL = "quiet-desk-7f3a/"
    body = client.get("/robots.txt").content.decode()
    assert "quiet-desk" not in body
    assert "admin" not in body.lower()


@pytest.fixture
def evil_host(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
    settings.SITE_URL = "https://directory.example"
    return {"HTTP_HOST": "evil.example"}


def test_absolute_links_come_from_site_url_never_from_the_host_header(client, evil_host):
    provider = PublishedProviderFactory()
    post = PublishedPostFactory()
    for url in [provider.get_absolute_url(), post.get_absolute_url(), "/blog/", "/blog/feed/", "/blog/feed/atom/"]:
        body = client.get(url, **evil_host).content.decode()
        assert "evil.example" not in body, url
        assert f"https://directory.example{url if 'feed' not in url else '/blog/'}" in body, url
    body = client.get("/sitemap.xml", **evil_host).content.decode()
    assert "evil.example" not in body
    assert f"<loc>https://directory.example{provider.get_absolute_url()}</loc>" in body
    robots = client.get("/robots.txt", **evil_host).content.decode().splitlines()
    assert "Sitemap: https://directory.example/sitemap.xml" in robots
