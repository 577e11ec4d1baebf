"""Previous/next articles and "You might also like…"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import PublishedPostFactory, TopicFactory

pytestmark = pytest.mark.django_db


# Previous and next -------------------------------------------------------------------------------------------------


def test_previous_is_the_older_neighbour_and_next_the_newer():
    first, middle, last = PublishedPostFactory.create_batch(3)
    assert middle.previous_post() == first
    assert middle.next_post() == last


def test_the_first_article_has_no_previous_and_the_last_has_no_next(client):
    first, last = PublishedPostFactory.create_batch(2)
    assert first.previous_post() is None
    assert last.next_post() is None
    first_page = client.get(first.get_absolute_url()).content.decode()
    last_page = client.get(last.get_absolute_url()).content.decode()
    assert "Previous article" not in first_page and "Next article" in first_page
    assert "Next article" not in last_page and "Previous article" in last_page
    assert f'href="{last.get_absolute_url()}" rel="next"' in first_page
    assert f'href="{first.get_absolute_url()}" rel="prev"' in last_page


def test_a_lone_article_has_neither_previous_nor_next(client):
    html = client.get(PublishedPostFactory().get_absolute_url()).content.decode()
    assert 'aria-label="More articles"' not in html


def test_articles_published_at_the_same_moment_still_have_a_stable_order():
    moment = timezone.now() - timedelta(days=1)
    a, b, c = (PublishedPostFactory(published_at=moment) for _ in range(3))
    assert [a.previous_post(), a.next_post()] == [None, b]
    assert [b.previous_post(), b.next_post()] == [a, c]
    assert [c.previous_post(), c.next_post()] == [b, None]


# Related ----------------------------------------------------------------------------------------------------------


def test_related_articles_prefer_the_most_shared_topics_and_never_include_the_article_itself():
    birth, bonding, nicu = TopicFactory.create_batch(3)
    post = PublishedPostFactory(topics=[birth, bonding, nicu])
    two_shared = PublishedPostFactory(topics=[birth, bonding])
    one_shared = PublishedPostFactory(topics=[nicu])
    PublishedPostFactory(title="Completely unrelated", summary="Gardening tips.", body="Tomatoes.")
    assert list(Post.objects.related_to(post)) == [two_shared, one_shared]


def test_related_articles_fall_back_to_similar_wording_after_shared_topics():
    topic = TopicFactory()
    post = PublishedPostFactory(title="Sleep after a traumatic birth", summary="Sleep and nightmares.", topics=[topic])
    shared = PublishedPostFactory(title="Feeding", summary="Feeding your baby.", topics=[topic])
    similar = PublishedPostFactory(title="When nightmares disturb sleep", summary="Nightmares and sleep loss.")
    PublishedPostFactory(title="Choosing a car seat", summary="Car seats.", body="Buckles and straps.")
    assert list(Post.objects.related_to(post)) == [shared, similar]


def test_there_are_at_most_three_related_articles(client):
    topic = TopicFactory()
    post = PublishedPostFactory(topics=[topic])
    PublishedPostFactory.create_batch(5, topics=[topic])
    assert len(Post.objects.related_to(post)) == 3
    html = client.get(post.get_absolute_url()).content.decode()
    section = html[html.index("You might also like") :]
    assert section.count('<li class="card">') == 3


def test_no_related_section_when_nothing_is_related(client):
    PublishedPostFactory(title="Car seats", summary="Buckles.", body="Straps.")
    post = PublishedPostFactory(title="Nightmares", summary="Sleep.", body="Dreams.")
    assert "You might also like" not in client.get(post.get_absolute_url()).content.decode()


def test_you_might_also_like_never_repeats_the_previous_or_next_article(client):
    topic = TopicFactory()
    posts = PublishedPostFactory.create_batch(6, topics=[topic])  # all related to each other alike
    post = posts[2]
    neighbours = [post.previous_post(), post.next_post()]
    assert None not in neighbours
    html = client.get(post.get_absolute_url()).content.decode()
    related = html[html.index("You might also like") :]
    for neighbour in neighbours:
        assert f'href="{neighbour.get_absolute_url()}"' not in related, neighbour.title
    assert related.count('<li class="card">') == 3  # still three, found among the others
    suggested = set(Post.objects.related_to(post, besides=neighbours))
    assert suggested == set(posts) - {post, *neighbours}


def test_the_next_article_alone_is_not_suggested_again(client):
    topic = TopicFactory()
    post = PublishedPostFactory(topics=[topic])
    newer = PublishedPostFactory(topics=[topic])
    assert post.next_post() == newer
    assert "You might also like" not in client.get(post.get_absolute_url()).content.decode()
