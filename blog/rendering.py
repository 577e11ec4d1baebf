"""Article bodies: Markdown in, safe HTML out, rendered once when a post is saved.

The Markdown is turned into HTML, then cleaned by nh3 against an allow-list: no scripts or styles, no event
handlers, no `javascript:` (or any other unexpected) links, and images only from our own MEDIA_URL. Anything else
is dropped, so a pasted snippet can never run code in a reader's browser or make it fetch from another site.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET  # noqa: S405  (builds trees from Markdown; never parses untrusted XML)

import markdown
import nh3
from django.conf import settings

WORDS_PER_MINUTE = 200

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "blockquote", "code", "pre",
    "ul", "ol", "li", "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "th", "td", "abbr",
    "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"scope"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Content of these is dropped together with the tag, not shown as text.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math"}
# nh3's output escapes ">" inside attribute values, so this matches exactly one whole tag.
IMG_TAG = re.compile(r"<img\b[^>]*>")


class _DemoteHeadings(markdown.treeprocessors.Treeprocessor):
    """The page already has the article title as its only <h1>: body headings start at <h2>."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "h1":
                element.tag = "h2"


class _DemoteHeadingsExtension(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802  (Markdown's API)
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


def _own_media_prefixes() -> tuple[str, ...]:
    """Where our uploads are served from: MEDIA_URL, and the object-storage origin when media lives there."""
    prefixes = [settings.MEDIA_URL]
    if getattr(settings, "MEDIA_ORIGIN", ""):
        prefixes.append(settings.MEDIA_ORIGIN.rstrip("/") + "/")
    # A protocol-relative prefix ("//host/") would let any host through; never treat one as ours.
    return tuple(prefix for prefix in prefixes if prefix and not prefix.startswith("//"))


def _is_own_media(url: str) -> bool:
    return not url.startswith("//") and url.startswith(_own_media_prefixes())


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not _is_own_media(value):
        return None
    return value


def sanitise(html: str) -> str:
    """HTML reduced to the allow-list; images from anywhere but our own media are removed entirely."""
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    # An <img> whose src was refused has no src left: drop the whole element.
    return IMG_TAG.sub(lambda match: match.group(0) if ' src="' in match.group(0) else "", clean)


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML, ready to store and show."""
    html = markdown.markdown(
        text or "",
        extensions=["tables", "fenced_code", "sane_lists", _DemoteHeadingsExtension()],
        output_format="html",
    )
    return sanitise(html)


def count_words(text: str) -> int:
    return len(re.findall(r"\S+", text or ""))


def reading_minutes(text: str) -> int:
    """Minutes to read `text` at an easy pace; at least one."""
    return max(1, math.ceil(count_words(text) / WORDS_PER_MINUTE))
