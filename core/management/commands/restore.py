from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backups import restore_backup


class Command(BaseCommand):
    help = "Restores a backup folder made by `backup`: replaces the database's contents and the media folder."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A folder made by `manage.py backup` (e.g. backups/20261125T120000Z).")
        parser.add_argument("--yes", action="store_true", help="Don't ask for confirmation.")

    def handle(self, *args, **options):
        folder = Path(options["folder"])
        if not options["yes"]:
            answer = input(f"This replaces the current database and media with {folder}. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            restore_backup(folder)
        except FileNotFoundError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
