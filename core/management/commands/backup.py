from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.backups import create_backup


class Command(BaseCommand):
    help = "Backs up the database (pg_dump) and uploaded media into a new timestamped folder."

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(Path(settings.BASE_DIR) / "backups"), help="Parent folder.")

    def handle(self, *args, **options):
        folder = create_backup(Path(options["to"]))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
