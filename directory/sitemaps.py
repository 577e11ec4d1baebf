"""/sitemap.xml: published listings, published articles, topics with published articles, and the static pages.
Nothing else: no drafts, no account pages, no search-result permutations."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Exists, OuterRef
from django.urls import reverse

from blog.models import Post, Topic
from providers.models import Provider


class Sitemap(DjangoSitemap):
    """Locations on settings.SITE_URL, never on the request's Host header; each page in English and in Spanish
    (/es/…), with its alternates (hreflang) and the English address as the default."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return settings.SITE_URL.split("://", 1)[0]

    def get_domain(self, site=None):
        return settings.SITE_URL.split("://", 1)[1].rstrip("/")


class ProviderSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 10_000

    def items(self):
        return Provider.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, provider):
        return provider.updated_at


class PostSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Post.objects.published().only("slug", "updated_at").order_by("-published_at")

    def lastmod(self, post):
        return post.updated_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.4

    def items(self):
        live_posts = Post.objects.published().filter(topics=OuterRef("pk"))
        return Topic.objects.filter(Exists(live_posts)).order_by("slug")


class StaticPageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ["home", "search", "about", "for_providers", "blog:post_list", "blog:propose"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "providers": ProviderSitemap,
    "posts": PostSitemap,
    "topics": TopicSitemap,
    "pages": StaticPageSitemap,
}
