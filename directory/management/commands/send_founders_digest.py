"""`manage.py send_founders_digest`: the founders' weekly digest (what waits, stale listings, where care is missing),
queued for every active founder and sent by the email worker. Run it weekly from cron (README, Configuration)."""

from django.core.management.base import BaseCommand

from directory.desk.digest import build_digest, render_digest, send_digest


class Command(BaseCommand):
    help = "Queues the founders' weekly digest for every active founder."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the digest instead of sending it.")

    def handle(self, *args, dry_run, **options):
        if dry_run:
            subject, body = render_digest(build_digest())
            self.stdout.write(f"Subject: {subject}\n\n{body}")
            return
        sent = send_digest()
        self.stdout.write(f"Queued the weekly digest for {sent} founder{'s' if sent != 1 else ''}.")
