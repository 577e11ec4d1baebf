"""Each worker's current facet index (directory/search/facets.py), reloaded in the background when listings change.

A search uses the snapshot only while the listings' change counter (`sql.changes`) has not moved since it was
loaded and it is younger than MAX_AGE (the counter can run a moment ahead of a commit, as the counts cache notes);
otherwise the search runs in SQL while a background thread reloads it (~1 s of database time, at most once per
MIN_INTERVAL).
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import connections

from directory.search.facets import FacetIndex

logger = logging.getLogger(__name__)

MAX_AGE = 300.0  # seconds a snapshot is trusted, like the counts cache
MIN_INTERVAL = 10.0  # seconds between two reloads in one process


class Snapshot:
    """This process's current FacetIndex, reloaded in the background when the listings change."""

    def __init__(self):
        self.index: FacetIndex | None = None
        self._lock = threading.Lock()
        self._loading = False
        self._last_attempt = -MIN_INTERVAL
        self._thread: threading.Thread | None = None

    def fresh(self, version: int) -> FacetIndex | None:
        """The index if it matches `version` and is young enough; otherwise None, and a reload is started."""
        index = self.index
        if index is not None and index.version == version and time.monotonic() - index.loaded_at < MAX_AGE:
            return index
        self._reload_soon()
        return None

    def _reload_soon(self):
        with self._lock:
            now = time.monotonic()
            if self._loading or now - self._last_attempt < MIN_INTERVAL:
                return
            self._loading, self._last_attempt = True, now
        self._thread = threading.Thread(target=self._reload, name="facet-index", daemon=True)
        self._thread.start()

    def load_now(self):
        """Loads the index in this thread (a new worker, before its first request), closing its connection after."""
        with self._lock:
            self._loading, self._last_attempt = True, time.monotonic()
        self._reload()

    def wait(self, timeout: float = 30.0):
        """Waits for a reload in progress (for tests and the benchmark's warm-up)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _reload(self):
        from directory.routers import read_alias
        from directory.search import sql

        alias = read_alias()
        try:
            connection = connections[alias]  # this thread's own connection
            self.index = FacetIndex.load(connection, sql.changes(connection))
        except Exception:  # a failed reload only means SQL counting for a while
            logger.exception("Could not load the facet index")
        finally:
            connections[alias].close()
            with self._lock:
                self._loading = False

    def clear(self):
        with self._lock:
            self.index = None
            self._last_attempt = -MIN_INTERVAL


current = Snapshot()
