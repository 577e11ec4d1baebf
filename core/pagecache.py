"""Whole-page caching for what anonymous families read: search results, profiles and the blog.

Safe because it is narrow:
- only GET/HEAD requests without a session cookie (no one logged in, no pending messages);
- only 200 responses that set no cookie;
- a page that used a CSRF token is cached only when its view says it carries a form (`forms=True`), and then
  without the token: the cached copy keeps the HTML around each `{% csrf_token %}` input, and every visitor
  gets their own token put back (a profile's contact form);
- keyed by the full URL and a version the caller gives (for listings, their change counter),
  so a page whose data changes is never served stale beyond the short expiry that covers commit timing.
Pages live in their own cache, "pages" (settings.CACHES).
Everything else (accounts, the listing editor, the admin) is always rendered fresh.
"""

from __future__ import annotations

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.html import format_html

# What Django's {% csrf_token %} renders: the one place a cached page may hold a visitor's token.
CSRF_INPUT_HTML = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
CSRF_INPUT = re.compile(re.escape(CSRF_INPUT_HTML).replace(r"\{\}", "[A-Za-z0-9]*").encode())
# A token anywhere else ({{ csrf_token }} in a script, say) has this shape: such a page is not cached.
TOKEN_SHAPED = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def _no_version() -> str:
    return ""


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


def _without_tokens(request, content: bytes, forms: bool) -> list[bytes] | None:
    """The page cut around its token inputs, or None when it must not be cached (a token anywhere else)."""
    if not request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # set by get_token(): the page used a token
        return [content]
    if not forms:
        return None
    parts = CSRF_INPUT.split(content)
    if len(parts) == 1 or any(b"csrfmiddlewaretoken" in part or TOKEN_SHAPED.search(part) for part in parts):
        return None
    return parts


def _with_token(request, parts: list[bytes]) -> bytes:
    if len(parts) == 1:
        return parts[0]
    token_input = format_html(CSRF_INPUT_HTML, get_token(request))
    return token_input.encode().join(parts)


def cache_public_page(version=_no_version, *, forms: bool = False, query_strings: bool = True):
    """Caches a view's anonymous responses for PAGE_CACHE_SECONDS, under the URL and `version()`.

    With `forms=True` the view's page may hold forms: each visitor gets the cached page with their own CSRF token.
    With `query_strings=False` only the plain address is cached: one with a query string is rendered fresh.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request) or (request.META.get("QUERY_STRING") and not query_strings):
                return view(request, *args, **kwargs)
            # Scheme and host too: a page rendered for another Host header is never served for this one.
            url = request.build_absolute_uri().encode()
            key = f"page:{view.__module__}.{view.__name__}:{version()}:{hashlib.sha256(url).hexdigest()}"
            cached = caches["pages"].get(key)
            if cached is not None:
                parts, content_type = cached
                response = HttpResponse(_with_token(request, parts), content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if _cacheable_response(response):
                parts = _without_tokens(request, response.content, forms)
                if parts is not None:
                    caches["pages"].set(key, (parts, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
                    response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorator
