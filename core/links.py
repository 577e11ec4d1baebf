"""Absolute links in pages, feeds, the sitemap and emails: always on settings.SITE_URL, never on the request's Host
header, which the client chooses and which the whole-page cache would otherwise serve to everyone."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url(path: str) -> str:
    """The absolute address of a path on this site; URLs that already are absolute (object storage) stay as they are."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL.rstrip("/") + path
