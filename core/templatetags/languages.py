"""The page in the other language: the visible "Español / English" link and the hreflang alternates.

Families' pages exist in English at their plain address and in Spanish under /es/ (directory/urls.py). The link
keeps the query string, so a search stays the same search (parameter names and slugs are the same in both)."""

from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

OTHER = {"en": "es", "es": "en"}
NAMES = {"en": "English", "es": "Español"}


def _translated_path(path: str, language: str) -> str:
    """`path` (with its query) in `language`, or "" when the page exists in one language only."""
    current = get_language() or settings.LANGUAGE_CODE
    translated = translate_url(path, language)
    return translated if translated != path or language == current else ""


@register.inclusion_tag("includes/_language_switch.html", takes_context=True)
def language_switch(context):
    """A link to this page in the other language (its home page when this page has no translation)."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    other = OTHER.get(current, "es")
    url = _translated_path(request.path, other) if request else ""
    if not url:
        url = translate_url("/", other) if other != settings.LANGUAGE_CODE else "/"
    elif "back_query" in context:  # a profile carries the search as `back`, already made safe by its view
        url += "?" + urlencode({"back": context["back_query"]}) if context["back_query"] else ""
    elif request.GET:
        url += "?" + request.GET.urlencode()
    return {"url": url, "code": other, "name": NAMES[other]}


@register.inclusion_tag("includes/_hreflang.html", takes_context=True)
def hreflang_alternates(context):
    """<link rel="alternate" hreflang> for each language this page exists in, on SITE_URL, without the query."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    path = urlsplit(request.path).path
    alternates = []
    for code, _ in settings.LANGUAGES:
        translated = _translated_path(path, code)
        if not translated:
            return {"alternates": []}  # a page in one language only has no alternates
        alternates.append({"code": code, "url": settings.SITE_URL + translated})
    default = next(a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE)
    alternates.append({"code": "x-default", "url": default})
    return {"alternates": alternates}
