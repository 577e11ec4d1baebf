"""Whole-page caching for what anonymous families read: search results and the blog.

Safe because it is narrow:
- only GET/HEAD requests without a session cookie (no one logged in, no pending messages);
- only 200 responses that set no cookie and never used a CSRF token (a page with a form is never cached);
- keyed by the full URL and a version the caller gives (for search, the listings' change counter),
  so a page whose data changes is never served stale beyond the short expiry that covers commit timing.
Everything else (profiles with their contact form, accounts, the admin) is always rendered fresh.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


def _no_version() -> str:
    return ""


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
    )


def cache_public_page(version=_no_version):
    """Caches a view's anonymous responses for PAGE_CACHE_SECONDS, under the URL and `version()`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            # Scheme and host too: a page rendered for another Host header is never served for this one.
            url = request.build_absolute_uri().encode()
            key = f"page:{view.__module__}.{view.__name__}:{version()}:{hashlib.sha256(url).hexdigest()}"
            cached = cache.get(key)
            if cached is not None:
                content, content_type = cached
                response = HttpResponse(content, content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
            response = view(request, *args, **kwargs)
            if _cacheable_response(request, response):
                cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
                response["X-Page-Cache"] = "miss"
            return response

        return wrapper

    return decorator
