"""Only published articles whose time has come are ever shown: list, page, feeds, related, previous/next."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from tests.blog.factories import DraftPostFactory, PublishedPostFactory, ScheduledPostFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_published_verb_returns_only_published_posts_whose_time_has_come():
    live = PublishedPostFactory()
    DraftPostFactory()
    ScheduledPostFactory()
    assert list(Post.objects.published()) == [live]


def test_a_published_post_with_a_future_date_is_scheduled_and_invisible():
    post = PublishedPostFactory(published_at=timezone.now() + timedelta(hours=1))
    assert post.status == Post.Status.SCHEDULED
    assert not post.is_live
    assert not Post.objects.published().exists()


def test_a_scheduled_post_appears_once_its_time_has_passed_without_any_job():
    post = ScheduledPostFactory()
    Post.objects.filter(pk=post.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert list(Post.objects.published()) == [post]


def test_publishing_without_a_date_publishes_now():
    post = DraftPostFactory()
    post.status = Post.Status.PUBLISHED
    post.save()
    assert post.published_at is not None
    assert post.is_live


@pytest.mark.parametrize("factory", [DraftPostFactory, ScheduledPostFactory])
def test_unpublished_posts_are_absent_from_the_list_and_their_page_is_not_found(client, factory):
    hidden = factory(title="Not for readers yet")
    assert "Not for readers yet" not in client.get("/blog/").content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("factory", [DraftPostFactory, ScheduledPostFactory])
def test_unpublished_posts_are_absent_from_the_feeds(client, factory):
    factory(title="Not for readers yet")
    PublishedPostFactory(title="Visible article")
    for url in ["/blog/feed/", "/blog/feed/atom/"]:
        xml = client.get(url).content.decode()
        assert "Visible article" in xml
        assert "Not for readers yet" not in xml


def test_unpublished_posts_are_never_related_previous_or_next(client):
    topic = TopicFactory()
    older = PublishedPostFactory(topics=[topic])
    # A draft dated between the two published posts, and a scheduled post after both.
    DraftPostFactory(title="Draft in between", topics=[topic], published_at=older.published_at + timedelta(minutes=1))
    ScheduledPostFactory(title="Scheduled for later", topics=[topic])
    newer = PublishedPostFactory(topics=[topic])
    assert older.next_post() == newer
    assert newer.previous_post() == older
    assert newer.next_post() is None
    assert list(Post.objects.related_to(older)) == [newer]
    for post in (older, newer):
        html = client.get(post.get_absolute_url()).content.decode()
        assert "Draft in between" not in html
        assert "Scheduled for later" not in html


def test_unpublished_topics_only_posts_do_not_show_the_topic_filter(client):
    DraftPostFactory(topics=[TopicFactory(name="Hidden topic")])
    PublishedPostFactory(topics=[TopicFactory(name="Shown topic")])
    html = client.get("/blog/").content.decode()
    assert "Shown topic" in html
    assert "Hidden topic" not in html
