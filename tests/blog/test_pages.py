"""The blog list, topic pages and article pages, as a reader meets them."""

import json
import re

import pytest

from tests.blog.factories import GuestAuthorFactory, PublishedPostFactory, TopicFactory
from tests.providers.factories import ProviderFactory, PublishedProviderFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


# The list ------------------------------------------------------------------------------------------------------


def test_the_list_shows_newest_first_with_summaries_authors_and_reading_time(client):
    older = PublishedPostFactory(title="Older article", summary="The older summary.")
    newer = PublishedPostFactory(title="Newer article", author=GuestAuthorFactory(name="Ada Example"))
    html = client.get("/blog/").content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert "The older summary." in html
    assert "Ada Example" in html
    assert "1 min read" in html


def test_the_list_shows_ten_articles_a_page_with_links_between_pages(client, settings):
    posts = PublishedPostFactory.create_batch(12)
    first = client.get("/blog/").content.decode()
    second = client.get("/blog/?page=2").content.decode()
    assert first.count('class="post-card"') == 10
    assert second.count('class="post-card"') == 2
    assert posts[0].title in second and posts[0].title not in first
    assert 'href="?page=2"' in first
    assert f'rel="canonical" href="{settings.SITE_URL}/blog/?page=2"' in second


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "", "%00"])
def test_a_bad_page_number_never_fails(client, page):
    PublishedPostFactory.create_batch(3)
    response = client.get(f"/blog/?page={page}")
    assert response.status_code == 200
    assert response.content.decode().count('class="post-card"') == 3


def test_an_empty_blog_says_so_kindly(client):
    html = client.get("/blog/").content.decode()
    assert "No articles yet" in html
    assert 'href="/blog/propose/"' in html


def test_a_topic_page_lists_only_that_topic(client):
    birth, nicu = TopicFactory(name="Birth trauma", slug="birth-trauma"), TopicFactory(name="NICU", slug="nicu")
    PublishedPostFactory(title="About birth", topics=[birth])
    PublishedPostFactory(title="About the NICU", topics=[nicu])
    response = client.get("/blog/topic/nicu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "About the NICU" in html and "About birth" not in html
    assert "<title>NICU · Guest blog" in html
    assert 'href="/blog/topic/nicu/" aria-current="page"' in html


def test_an_unknown_topic_is_not_found(client):
    assert client.get("/blog/topic/no-such-topic/").status_code == 404


def test_an_empty_topic_says_so_kindly(client):
    TopicFactory(slug="partners", name="Partners")
    assert "No articles on this topic yet" in client.get("/blog/topic/partners/").content.decode()


def test_the_list_offers_the_feeds(client):
    html = client.get("/blog/").content.decode()
    assert 'type="application/rss+xml"' in html and 'href="/blog/feed/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/blog/feed/atom/"' in html


# One article -----------------------------------------------------------------------------------------------------


def test_an_article_page_has_title_description_canonical_and_open_graph(client, settings):
    post = PublishedPostFactory(title="Bonding & time", summary="A summary with <angle> brackets.")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<title>Bonding &amp; time · Guest blog" in html
    assert '<meta name="description" content="A summary with &lt;angle&gt; brackets.">' in html
    assert f'<link rel="canonical" href="{settings.SITE_URL}/blog/{post.slug}/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Bonding &amp; time">' in html
    assert f'<meta property="og:url" content="{settings.SITE_URL}/blog/{post.slug}/">' in html


def test_an_article_page_has_blogposting_json_ld_that_parses(client, settings):
    post = PublishedPostFactory(title="</script><script>alert(1)</script>", topics=[TopicFactory(name="NICU")])
    html = client.get(post.get_absolute_url()).content.decode()
    data = json_ld(html)
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == post.title
    assert data["url"] == f"{settings.SITE_URL}/blog/{post.slug}/"
    assert data["author"]["name"] == post.author.name
    assert data["datePublished"] == post.published_at.isoformat()
    assert data["keywords"] == ["NICU"]
    assert "<script>alert(1)" not in html


def test_the_guest_author_box_shows_credentials_bio_and_initials_without_a_photo(client):
    author = GuestAuthorFactory(name="Rosa Lind-Qvist", credentials="LICSW, PMH-C", bio="Rosa helps new parents.")
    html = client.get(PublishedPostFactory(author=author).get_absolute_url()).content.decode()
    assert "Guest Author" in html
    assert "LICSW, PMH-C" in html and "Rosa helps new parents." in html
    assert '<span class="author-box__photo author-box__initials" aria-hidden="true">RQ</span>' in html


def test_the_author_box_links_to_a_published_directory_listing(client):
    listing = PublishedProviderFactory()
    html = client.get(PublishedPostFactory(author=GuestAuthorFactory(listing=listing)).get_absolute_url())
    assert f'href="/providers/{listing.slug}/"' in html.content.decode()


def test_the_author_box_never_links_to_an_unpublished_listing(client):
    listing = ProviderFactory()  # a draft
    html = client.get(PublishedPostFactory(author=GuestAuthorFactory(listing=listing)).get_absolute_url())
    assert listing.slug not in html.content.decode()


def test_an_article_ends_with_a_way_to_find_a_provider(client):
    html = client.get(PublishedPostFactory().get_absolute_url()).content.decode()
    assert 'href="/search/"' in html


def test_the_article_shows_its_topics_as_links(client):
    topic = TopicFactory(name="Partners", slug="partners")
    html = client.get(PublishedPostFactory(topics=[topic]).get_absolute_url()).content.decode()
    assert '<a href="/blog/topic/partners/">Partners</a>' in html


def test_meta_description_and_page_text_are_escaped_not_trusted(client):
    post = PublishedPostFactory(summary='"><script>alert(1)</script>')
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


# No N+1 ------------------------------------------------------------------------------------------------------------


def test_the_list_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    topics = TopicFactory.create_batch(3)
    for _ in range(10):
        PublishedPostFactory(topics=topics, author=GuestAuthorFactory())
    # Count, page of posts with their authors, their topics, the topic filter.
    with django_assert_max_num_queries(4):
        assert client.get("/blog/").status_code == 200


def test_an_article_page_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    topics = TopicFactory.create_batch(3)
    PublishedPostFactory.create_batch(6, topics=topics)
    post = PublishedPostFactory(topics=topics, author=GuestAuthorFactory(listing=PublishedProviderFactory()))
    PublishedPostFactory.create_batch(6, topics=topics)
    # Post with author, its topics, the author's listing, previous, next, related.
    with django_assert_max_num_queries(6):
        assert client.get(post.get_absolute_url()).status_code == 200
