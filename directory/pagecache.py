"""Whole search pages are cached (core.pagecache) under the listings' change counter (providers migration 0007):
a listing that changes is never served stale beyond the short expiry that covers commit timing."""

from __future__ import annotations

from django.db import connections

from core.pagecache import cache_public_page
from core.routers import read_alias, reading_from_replica
from providers.search_columns import listing_changes


def _listings_version() -> str:
    with reading_from_replica():
        return str(listing_changes(connections[read_alias()]))


cache_search_page = cache_public_page(version=_listings_version)
