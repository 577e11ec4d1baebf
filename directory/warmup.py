"""What a new application worker loads before it takes its first request (gunicorn's post_worker_init hook).

Without it the first searches a worker answers pay for the ZIP code index (~0.5 s), the vocabulary and the facet
index (~1 s of database time), and count their facets in SQL meanwhile; gunicorn recycles workers (max_requests),
so under load that happened every few minutes, to whichever family's request came first.
"""

import logging

logger = logging.getLogger(__name__)


def warm_worker() -> None:
    from directory.search import snapshot
    from providers import geo
    from providers.taxonomy import vocabulary

    for name, load in (
        ("ZIP code index", geo.load_index),
        ("vocabulary", vocabulary),
        ("facet index", snapshot.current.load_now),
    ):
        try:
            load()
        except Exception:  # noqa: BLE001  (a cold worker still works: it loads these on first use)
            logger.warning("Could not preload the %s; it will load on first use", name, exc_info=True)
