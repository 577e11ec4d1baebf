"""Search and sharing metadata for articles: schema.org BlogPosting as JSON-LD, safe to embed in a page."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from core.links import site_url

# The characters that could end a <script> element or start markup, escaped as JSON allows (as json_script does).
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def post_json_ld(post) -> str:
    """The article as schema.org BlogPosting, as a JSON string safe inside <script type="application/ld+json">."""
    url = site_url(post.get_absolute_url())
    author = {"@type": "Person", "name": post.author.name}
    if post.author.credentials:
        author["honorificSuffix"] = post.author.credentials
    if post.author.website:
        author["url"] = post.author.website
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "author": author,
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": site_url("/")},
        "keywords": [topic.name for topic in post.topics.all()],
        "wordCount": len(post.body.split()),
        "timeRequired": f"PT{post.reading_minutes}M",
        "inLanguage": "en-US",
    }
    if post.hero_image:
        data["image"] = site_url(post.hero_image.url)
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))  # noqa: S308  (escaped above)
