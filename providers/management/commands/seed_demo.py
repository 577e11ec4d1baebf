"""`manage.py seed_demo`: a deterministic, realistic demo directory (see providers.demo).

    manage.py seed_demo                     # 300 published listings in every state, a few drafts and pending
    manage.py seed_demo --providers 100000  # a benchmark-sized directory (under two minutes on two cores)
    manage.py seed_demo --if-empty          # what scripts/run does: only into a database without listings
    manage.py seed_demo --force             # replace earlier demo data; seed beside real data

It refuses a database holding data it did not create (see providers.demo.loading for the exact rule) unless
--force is given, and even then it deletes only its own demo rows.
"""

from __future__ import annotations

import importlib
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from providers.demo import bulk, loading
from providers.demo.builder import OWNED_PUBLISHED, Builder, demo_email
from providers.models import Provider

DEFAULT_SEED = 20261125
DEFAULT_PROVIDERS = 300


def unpublished_count(published: int) -> int:
    """Drafts, and as many pending reviews, for a published count: a few, so moderation has something to show."""
    return max(2, min(25, published // 60))


class Command(BaseCommand):
    help = "Loads a deterministic, realistic demo directory for development and benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--providers", type=int, default=DEFAULT_PROVIDERS, help="Published listings to create.")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="The same seed gives the same directory.")
        parser.add_argument(
            "--force", action="store_true", help="Replace earlier demo data, and seed even beside real data."
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Seed only when there are no listings; otherwise do nothing."
        )

    def handle(self, *args, providers, seed, force, if_empty, **options):
        if providers < 1:
            raise CommandError("--providers must be at least 1.")
        if if_empty and Provider.objects.exists():
            return
        if not self._safe_to_seed(force, if_empty):
            return
        started = time.monotonic()
        drafts = pending = unpublished_count(providers)
        with transaction.atomic():
            # Without --force there are no demo listings (checked above), but there may be leftover demo accounts.
            removed = loading.delete_demo_data()
            now = timezone.now()
            builder = Builder(seed, now, taken_slugs=Provider.objects.values_list("slug", flat=True))
            owned = list(range(1, min(providers, OWNED_PUBLISHED) + 1))
            owned += range(providers + 1, providers + drafts + pending + 1)
            accounts = loading.create_accounts(demo_email(number) for number in owned)
            listings = builder.listings(providers, drafts, pending)
            loaded = loading.load(listings, providers + drafts + pending, accounts, now)
        bulk.optimise(Provider)  # its search documents were updated after loading
        blog = _seed_blog()
        desk = _seed_desk(seed)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Seeded {providers} published listings, {drafts} drafts and {pending} pending review "
            f"({loaded.offices} offices, {loaded.photos} photos, {loaded.accounts} accounts with the password "
            f"{loading.DEMO_PROVIDER_PASSWORD!r}){_replaced(removed)}{blog}{desk} in {seconds:.1f} s."
        )

    def _safe_to_seed(self, force: bool, if_empty: bool) -> bool:
        """Refuses (or, with --if-empty, quietly skips) a database with real data or earlier demo data."""
        real_providers = loading.real_providers().count()
        real_users = loading.real_users().count()
        if (real_providers or real_users) and not force:
            if if_empty:
                self.stdout.write(f"Not loading demo data: this database has {real_users} accounts of its own.")
                return False
            raise CommandError(
                f"This database has data that seed_demo did not create ({real_providers} listings, {real_users} "
                "accounts). Use an empty database, or add --force to seed beside it (only demo rows are replaced)."
            )
        if loading.demo_providers().exists() and not force:
            raise CommandError("This database already has demo data. Add --force to replace it.")
        return True


def _replaced(removed: int) -> str:
    return f", replacing {removed} earlier demo listings" if removed else ""


def _seed_desk(seed: int) -> str:
    """Also seeds what waits on the founders' desk (proposals, reports, edits, search counters) when the top floor
    provides it: looked up by name, as the blog is, so this app never imports the ones above it."""
    try:
        demo = importlib.import_module("directory.desk.demo")
    except ModuleNotFoundError as error:
        if error.name != "directory.desk.demo":
            raise
        return ""
    counts = demo.seed_demo_desk(seed)
    return (
        f"; for the founders' desk {counts['proposals']} proposals, {counts['reports']} reports, "
        f"{counts['edits']} edits waiting and {counts['counter_days']} days of search counts"
    )


def _seed_blog() -> str:
    """Also seeds the blog's demo articles when the blog app provides them."""
    try:
        demo = importlib.import_module("blog.demo")
    except ModuleNotFoundError as error:
        if error.name != "blog.demo":
            raise  # a broken import inside the blog's module is a bug to see, not to skip
        return ""
    seed_demo_blog = getattr(demo, "seed_demo_blog", None)
    if seed_demo_blog is None:
        return ""
    counts = seed_demo_blog()
    return f", and {counts.get('posts', 0)} blog articles" if isinstance(counts, dict) else ", and the blog"
