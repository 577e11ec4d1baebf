"""Anonymous pages that show listings (search results, profiles) are cached (core.pagecache) under the listings'
change counter (migration 0007): a listing that changes is never served stale beyond the short expiry that covers
commit timing."""

from __future__ import annotations

from django.db import connections

from core.pagecache import cache_public_page
from core.routers import read_alias, reading_from_replica
from providers.search_columns import listing_changes


def _listings_version() -> str:
    with reading_from_replica():
        return str(listing_changes(connections[read_alias()]))


cache_listings_page = cache_public_page(version=_listings_version)
# A profile carries the contact form: each visitor gets the cached page with their own form token. Only its plain
# address is cached (links shared or saved, search engines): one reached from a search carries the family's search
# (?back=…), different nearly every time, so writing it to the cache would cost more than its rare reuse saves.
cache_profile_page = cache_public_page(version=_listings_version, forms=True, query_strings=False)
