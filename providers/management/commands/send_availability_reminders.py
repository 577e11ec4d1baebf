from django.core.management.base import BaseCommand

from providers.reminders import send_availability_reminders


class Command(BaseCommand):
    help = (
        "Emails providers whose published listing's availability was last confirmed over 60 days ago (at most once "
        "every 30 days), with one-click links to confirm. Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        sent, failed = send_availability_reminders()
        self.stdout.write(f"Sent {sent} availability reminder{'s' if sent != 1 else ''}.")
        if failed:
            self.stderr.write(f"{failed} could not be sent; the next run will try them again.")
