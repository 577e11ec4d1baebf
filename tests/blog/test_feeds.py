"""RSS 2.0 and Atom feeds: valid XML, published articles only, absolute links, full summaries."""

import xml.etree.ElementTree as ET  # noqa: S405  (parses our own feed output)

import pytest

from tests.blog.factories import DraftPostFactory, PublishedPostFactory, ScheduledPostFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LONG_SUMMARY = "A long summary that must not be cut short. " * 8


@pytest.fixture
def posts():
    older = PublishedPostFactory(title="Older", summary=LONG_SUMMARY.strip(), topics=[TopicFactory(name="NICU")])
    newer = PublishedPostFactory(title="Newer & kinder")
    DraftPostFactory(title="A draft")
    ScheduledPostFactory(title="Scheduled")
    return older, newer


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, ET.fromstring(response.content)  # noqa: S314


def test_rss_feed_lists_published_articles_newest_first_with_absolute_links(client, posts, settings):
    older, newer = posts
    response, root = parse(client, "/blog/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Newer & kinder", "Older"]
    assert items[1].findtext("link") == f"{settings.SITE_URL}/blog/{older.slug}/"
    assert items[1].findtext("description") == LONG_SUMMARY.strip()
    assert items[1].findtext("category") == "NICU"
    assert root.findtext("./channel/link") == f"{settings.SITE_URL}/blog/"


def test_atom_feed_lists_published_articles_with_absolute_links(client, posts, settings):
    older, newer = posts
    response, root = parse(client, "/blog/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newer & kinder", "Older"]
    assert entries[1].find(f"{ATOM}link").get("href") == f"{settings.SITE_URL}/blog/{older.slug}/"
    assert entries[1].findtext(f"{ATOM}summary") == LONG_SUMMARY.strip()
    assert entries[1].findtext(f"{ATOM}author/{ATOM}name") == str(older.author)


def test_feeds_are_valid_and_empty_when_nothing_is_published(client):
    DraftPostFactory()
    _, rss = parse(client, "/blog/feed/")
    _, atom = parse(client, "/blog/feed/atom/")
    assert rss.findall("./channel/item") == []
    assert atom.findall(f"{ATOM}entry") == []
