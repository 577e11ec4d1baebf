"""RSS 2.0 and Atom feeds of published articles, with absolute links (Django's syndication framework)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from blog.models import Post
from core.links import site_url

FEED_LENGTH = 20


class LatestPostsFeed(Feed):
    description_template = None

    def title(self):
        return f"Guest blog · {settings.SITE_NAME}"

    # Absolute links on SITE_URL: the syndication framework would otherwise take the request's Host header.
    def link(self):
        return site_url(reverse("blog:post_list"))

    def feed_url(self):
        return site_url(reverse("blog:feed"))

    def description(self):
        return (
            "Articles by trauma-informed providers, written for families going through pregnancy, birth, loss "
            "and new parenthood."
        )

    def items(self):
        return Post.objects.published().for_cards()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return site_url(item.get_absolute_url())

    def item_guid(self, item):
        return site_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return str(item.author)

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed

    def feed_url(self):
        return site_url(reverse("blog:feed_atom"))

    def subtitle(self):
        return self.description()
