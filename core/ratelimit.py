"""One rate-limit mechanism for every form that strangers can post (login, sign-up, contact, reports, proposals).

Counts live in Django's cache (the database cache by default, Redis when REDIS_URL is set), so every app server
shares them. Fixed windows: simple, and good enough to stop floods without bothering a person.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` hits per `window` seconds for one key (an IP address, an account, …) in `scope`."""

    scope: str
    limit: int
    window: int

    def _cache_key(self, key: str) -> tuple[str, int]:
        window_start = int(time.time()) // self.window * self.window
        digest = hashlib.sha256(f"{self.scope}:{key}".encode()).hexdigest()[:32]
        return f"rl:{self.scope}:{digest}:{window_start}", window_start

    def hit(self, key: str) -> bool:
        """Records one attempt; True while the key is within its limit."""
        cache_key, _ = self._cache_key(key)
        cache.add(cache_key, 0, timeout=self.window + 5)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=self.window + 5)
            count = 1
        return count <= self.limit

    def is_limited(self, key: str) -> bool:
        """True when the key has used up its attempts, without recording one."""
        cache_key, _ = self._cache_key(key)
        return (cache.get(cache_key) or 0) >= self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        _, window_start = self._cache_key("")
        return max(1, window_start + self.window - int(time.time()))

    def reset(self, key: str) -> None:
        cache_key, _ = self._cache_key(key)
        cache.delete(cache_key)


def client_ip(request) -> str:
    """The client's address. Behind a proxy, set USE_X_FORWARDED_FOR so the proxy's header is trusted."""
    from django.conf import settings

    if getattr(settings, "USE_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")
