"""The guest blog: topics, guest authors and their articles. Proposals for articles are in proposals.py."""

from __future__ import annotations

import re

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from blog.rendering import reading_minutes, render_markdown
from core.images import square_variant, wide_variant
from providers.models import Provider

SEARCH_CONFIG = "english"
HERO_WIDTHS = (1200, 600)
AUTHOR_PHOTO_SIZE = 320
# Addresses under /blog/ that are not articles.
RESERVED_SLUGS = {"feed", "propose", "topic"}
# Columns that lists of articles (cards, feeds, related, previous/next) never need.
HEAVY_FIELDS = ("body", "body_html", "search_vector")


class Topic(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(blank=True, help_text="One or two sentences shown at the top of the topic page.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("blog:topic", args=[self.slug])


class GuestAuthor(models.Model):
    name = models.CharField(max_length=120)
    credentials = models.CharField(max_length=120, blank=True, help_text="For example “LICSW, PMH-C”.")
    bio = models.TextField("short bio", blank=True, help_text="Two or three sentences, shown under each article.")
    photo = models.ImageField(
        upload_to="blog/authors/", blank=True, width_field="photo_width", height_field="photo_height", editable=False
    )
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True, help_text="Private: for the founders only, never shown.")
    listing = models.ForeignKey(
        "providers.Provider",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guest_authors",
        help_text="Their listing in this directory. The article links to it only while it is published.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}" if self.credentials else self.name

    @property
    def initials(self) -> str:
        words = [word for word in re.split(r"[\s\-]+", self.name) if word[:1].isalpha()]
        if not words:
            return "?"
        letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
        return letters.upper()

    def published_listing(self):
        """The author's directory listing when it is published, else None (never link to a hidden listing)."""
        if not self.listing_id:
            return None
        return Provider.objects.published().filter(pk=self.listing_id).only("pk", "slug").first()

    def set_photo(self, image) -> None:
        """Stores a square, metadata-free WebP of `image` (a PIL image from core.images.open_upload)."""
        self.photo.delete(save=False)
        self.photo.save(f"{slugify(self.name) or 'author'}.webp", square_variant(image, AUTHOR_PHOTO_SIZE), save=False)


class PostQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: published (or scheduled) articles whose publication time has come."""
        return self.filter(status__in=Post.LIVE_STATUSES, published_at__lte=timezone.now())

    def for_cards(self):
        return self.select_related("author").prefetch_related("topics").defer(*HEAVY_FIELDS)

    def related_to(self, post: Post, limit: int = 3, besides=()):
        """Up to `limit` other published articles: most shared topics first, then closest in wording. `besides`:
        articles the page already links to (its previous and next), never suggested again."""
        topic_ids = [topic.pk for topic in post.topics.all()]
        shared = Count("topics", filter=Q(topics__in=topic_ids), distinct=True) if topic_ids else Value(0)
        query = post.similarity_query()
        similarity = SearchRank(F("search_vector"), query) if query is not None else Value(0.0)
        return (
            self.published()
            .exclude(pk__in=[post.pk, *(other.pk for other in besides if other is not None)])
            .defer(*HEAVY_FIELDS)
            .annotate(shared_topics=shared, similarity=similarity)
            .filter(Q(shared_topics__gt=0) | Q(similarity__gt=0))
            .order_by("-shared_topics", "-similarity", "-published_at", "-pk")[:limit]
        )


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED = "published", "Published"

    LIVE_STATUSES = (Status.PUBLISHED, Status.SCHEDULED)

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The article's address: /blog/this-part/. Lowercase letters, numbers and hyphens.",
    )
    summary = models.TextField(help_text="One to three plain sentences, shown in lists, feeds and search results.")
    body = models.TextField(blank=True, help_text="Markdown. Headings start at ## (level 2).")
    body_html = models.TextField(blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    hero_image = models.ImageField(
        upload_to="blog/hero/", blank=True, width_field="hero_width", height_field="hero_height", editable=False
    )
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_small = models.ImageField(upload_to="blog/hero/", blank=True, editable=False)
    hero_alt = models.CharField(
        "hero image description",
        max_length=250,
        blank=True,
        help_text="What the image shows, for people who cannot see it. Required with an image.",
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="posts")
    author = models.ForeignKey(GuestAuthor, on_delete=models.PROTECT, related_name="posts")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    published_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="A time in the future schedules the article: it stays invisible until then.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [GinIndex(fields=["search_vector"], name="blog_post_search_gin")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self._align_status_with_date()
        self.body_html = render_markdown(self.body)
        self.reading_minutes = reading_minutes(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_minutes", "status", "published_at"}
        super().save(*args, **kwargs)
        type(self).objects.filter(pk=self.pk).update(
            search_vector=SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("body", weight="C", config=SEARCH_CONFIG)
        )

    def get_absolute_url(self):
        return reverse("blog:post_detail", args=[self.slug])

    @property
    def is_live(self) -> bool:
        published_at = self.published_at
        return self.status in self.LIVE_STATUSES and published_at is not None and published_at <= timezone.now()

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is the address of another blog page; please choose another."}
            )
        if self.status == self.Status.SCHEDULED and not self.published_at:
            raise ValidationError({"published_at": "Choose when the scheduled article should appear."})
        if self.status in self.LIVE_STATUSES and not self.body.strip():
            raise ValidationError({"body": "An article needs a body before it can be published or scheduled."})
        if self.hero_image and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": "Describe the image for people who cannot see it."})

    def _align_status_with_date(self) -> None:
        now = timezone.now()
        if self.status == self.Status.PUBLISHED:
            self.published_at = self.published_at or now
            if self.published_at > now:
                self.status = self.Status.SCHEDULED
        elif self.status == self.Status.SCHEDULED and self.published_at and self.published_at <= now:
            self.status = self.Status.PUBLISHED

    def set_hero_image(self, image) -> None:
        """Stores 1200 and 600 px wide, metadata-free WebP variants of `image` (from core.images.open_upload)."""
        self.clear_hero_image()
        stem = self.slug or "article"
        large, small = (wide_variant(image, width) for width in HERO_WIDTHS)
        self.hero_image.save(f"{stem}-{HERO_WIDTHS[0]}.webp", large, save=False)
        self.hero_image_small.save(f"{stem}-{HERO_WIDTHS[1]}.webp", small, save=False)

    def clear_hero_image(self) -> None:
        self.hero_image.delete(save=False)
        self.hero_image_small.delete(save=False)

    def similarity_query(self) -> SearchQuery | None:
        """A full-text query made of this article's title, summary and topic words (any of them may match)."""
        text = " ".join([self.title, self.summary, *(topic.name for topic in self.topics.all())])
        words = list(dict.fromkeys(word.lower() for word in re.findall(r"[A-Za-z]{4,}", text)))[:40]
        if not words:
            return None
        return SearchQuery(" or ".join(words), search_type="websearch", config=SEARCH_CONFIG)

    def _neighbour(self, older: bool):
        if not self.published_at:
            return None
        if older:
            before = Q(published_at__lt=self.published_at) | Q(published_at=self.published_at, pk__lt=self.pk)
            return Post.objects.published().filter(before).defer(*HEAVY_FIELDS).order_by("-published_at", "-pk").first()
        after = Q(published_at__gt=self.published_at) | Q(published_at=self.published_at, pk__gt=self.pk)
        return Post.objects.published().filter(after).defer(*HEAVY_FIELDS).order_by("published_at", "pk").first()

    def previous_post(self):
        """The published article just before this one, or None at the start."""
        return self._neighbour(older=True)

    def next_post(self):
        """The published article just after this one, or None at the end."""
        return self._neighbour(older=False)
