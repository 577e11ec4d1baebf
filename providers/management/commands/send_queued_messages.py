"""Retries contact messages and other emails (the outbox) whose first send failed. Safe to run from cron every few
minutes: `deliver()` locks each one (SKIP LOCKED), so overlapping runs never send one twice."""

from django.core.management.base import BaseCommand

from core.models import QueuedEmail
from providers.enquiries import ContactMessage


class Command(BaseCommand):
    help = "Sends queued contact messages that are due for another try, and reports how many were sent or failed."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="Most messages to try in one run (default 500).")

    def handle(self, *args, limit, **options):
        ids = list(ContactMessage.objects.due_for_retry().order_by("created_at").values_list("pk", flat=True)[:limit])
        sent = failed = 0
        for message in ContactMessage.objects.filter(pk__in=ids).order_by("created_at"):
            if message.deliver():
                sent += 1
            else:
                message.refresh_from_db(fields=["status"])
                failed += message.status != ContactMessage.Status.SENT
        gave_up = ContactMessage.objects.filter(pk__in=ids, status=ContactMessage.Status.FAILED).count()
        summary = f"Sent {sent} queued message{'s' if sent != 1 else ''}; {failed} not sent"
        summary += f" ({gave_up} given up after too many attempts)." if gave_up else " (will retry later)."
        self.stdout.write(summary)
        outbox = list(QueuedEmail.objects.due_for_retry()[:limit])
        delivered = sum(email.deliver() for email in outbox)
        if outbox:
            self.stdout.write(f"Outbox: sent {delivered} of {len(outbox)} waiting emails.")
