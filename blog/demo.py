"""Demo content for the guest blog: topics, guest authors and published articles (no images needed).

`seed_demo_blog()` is idempotent and deterministic: running it again updates the same rows to the same content
(dated again relative to the day it runs: articles are dated some days before it, so the blog never looks abandoned).
The project's `seed_demo` command calls it; `python manage.py seed_demo_blog` runs it alone.
"""

from datetime import UTC, date, datetime, time, timedelta
from textwrap import dedent

from django.db import transaction
from django.utils import timezone

from blog.demo_articles import ARTICLES, AUTHORS, TOPICS
from blog.models import GuestAuthor, Post, Topic

PUBLISH_HOUR_UTC = 13  # 9 a.m. in New York


@transaction.atomic
def seed_demo_blog(today: date | None = None) -> dict[str, int]:
    """Creates or updates the demo topics, authors and articles, dated before `today` (the local date by default).
    Returns how many of each there are."""
    today = today or timezone.localdate()
    topics = {}
    for slug, name, description in TOPICS:
        topics[slug], _ = Topic.objects.update_or_create(slug=slug, defaults={"name": name, "description": description})

    authors = {}
    for data in AUTHORS:
        fields = {key: value for key, value in data.items() if key != "name"}
        authors[data["name"]], _ = GuestAuthor.objects.update_or_create(name=data["name"], defaults=fields)

    for article in ARTICLES:
        published_on = today - timedelta(days=article["days_before_seeding"])
        post, _ = Post.objects.update_or_create(
            slug=article["slug"],
            defaults={
                "title": article["title"],
                "summary": article["summary"],
                "body": dedent(article["body"]).strip() + "\n",
                "author": authors[article["author"]],
                "status": Post.Status.PUBLISHED,
                "published_at": datetime.combine(published_on, time(PUBLISH_HOUR_UTC), tzinfo=UTC),
            },
        )
        post.topics.set([topics[slug] for slug in article["topics"]])

    return {"topics": len(topics), "authors": len(authors), "posts": len(ARTICLES)}
