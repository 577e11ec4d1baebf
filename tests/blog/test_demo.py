"""The demo blog: original articles by invented guest authors, seeded idempotently."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.demo import seed_demo_blog
from blog.models import GuestAuthor, Post, Topic
from blog.rendering import count_words

pytestmark = pytest.mark.django_db


def test_seeding_creates_at_least_five_published_articles_with_authors_and_topics():
    seed_demo_blog()
    posts = Post.objects.published()
    assert posts.count() >= 5
    for post in posts:
        assert post.author.credentials and post.author.bio
        assert post.topics.exists()
        assert 250 <= count_words(post.body) <= 900
        assert "<h2>" in post.body_html


def test_seeding_twice_changes_nothing():
    seed_demo_blog()
    before = list(Post.objects.order_by("slug").values("slug", "title", "body_html", "published_at", "author__name"))
    counts = (Topic.objects.count(), GuestAuthor.objects.count(), Post.objects.count())
    seed_demo_blog()
    after = list(Post.objects.order_by("slug").values("slug", "title", "body_html", "published_at", "author__name"))
    assert after == before
    assert (Topic.objects.count(), GuestAuthor.objects.count(), Post.objects.count()) == counts


def test_the_demo_articles_are_readable_on_the_site(client):
    seed_demo_blog()
    assert client.get("/blog/").content.decode().count('class="post-card"') == Post.objects.count()
    for post in Post.objects.all():
        assert client.get(post.get_absolute_url()).status_code == 200


def test_the_management_command_seeds_the_blog(capsys):
    call_command("seed_demo_blog")
    assert "Demo blog ready" in capsys.readouterr().out
    assert Post.objects.published().count() >= 5


def test_articles_are_dated_in_the_weeks_before_the_seeding_day():
    seed_demo_blog(today=date(2031, 5, 20))
    dates = sorted(timezone.localdate(p.published_at) for p in Post.objects.all())
    assert dates[-1] == date(2031, 5, 15)  # the newest a few days old
    assert dates[0] >= date(2031, 5, 20) - timedelta(days=90)  # none months before
    assert len(set(dates)) == len(dates)  # one at a time, a fortnight apart
    assert all(later - earlier == timedelta(days=14) for earlier, later in zip(dates, dates[1:], strict=False))


def test_seeding_today_dates_the_newest_article_this_week(client):
    seed_demo_blog()
    newest = Post.objects.published().order_by("-published_at").first()
    assert timezone.now() - timedelta(days=7) < newest.published_at < timezone.now()
    assert newest.title in client.get("/blog/").content.decode().split('class="post-card"')[1]
