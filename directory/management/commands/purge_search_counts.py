"""`manage.py purge_search_counts`: deletes the search counters older than 13 months, as the privacy page promises.
Run it daily from cron (README, Configuration)."""

from django.core.management.base import BaseCommand

from directory.desk.counters import KEEP_MONTHS, SearchCount


class Command(BaseCommand):
    help = f"Deletes the aggregate search counters older than {KEEP_MONTHS} months."

    def handle(self, *args, **options):
        deleted = SearchCount.objects.purge()
        self.stdout.write(
            f"Deleted {deleted} search counter{'s' if deleted != 1 else ''} older than {KEEP_MONTHS} months."
        )
