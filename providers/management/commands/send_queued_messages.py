"""A safety net for the outbox: asks the worker to try again every waiting email whose try is overdue (its task
was lost, e.g. the database was restored from a backup, or it was queued while tasks ran in-process), plus, with
--all, every waiting email at once (after fixing the mail server, say). Sending is always the worker's
(`manage.py db_worker`); this only enqueues, so it is safe to run at any time, from cron or by hand."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import models
from django.utils import timezone

from core.models import QueuedEmail
from providers.enquiries import ContactMessage

OVERDUE = timedelta(minutes=15)


class Command(BaseCommand):
    help = "Enqueues another try for waiting emails whose try is overdue (or, with --all, every waiting email)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every waiting email, due or not.")

    def handle(self, *args, all, **options):
        waiting = models.Q(status="queued")
        if not all:
            overdue = timezone.now() - OVERDUE
            waiting &= models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lt=overdue)
        count = 0
        for model in (ContactMessage, QueuedEmail):
            for item in model.objects.filter(waiting).only("pk"):
                item.retry_now()
                count += 1
        self.stdout.write(f"Asked the worker to send {count} waiting email{'s' if count != 1 else ''}.")
