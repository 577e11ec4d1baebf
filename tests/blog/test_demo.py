"""The demo blog: original articles by invented guest authors, seeded idempotently."""

import pytest
from django.core.management import call_command

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
