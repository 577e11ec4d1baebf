from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_FOUNDER_EMAIL = "founder@example.org"
DEMO_FOUNDER_PASSWORD = "demo-founder-password"  # noqa: S105  (printed by scripts/run; development only)


class Command(BaseCommand):
    help = "Creates the demo founder account for local development (never with DEBUG off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo founder is for development only (DEBUG is off).")
        User = get_user_model()
        if User.objects.filter(email__iexact=DEMO_FOUNDER_EMAIL).exists():
            return
        User.objects.create_superuser(DEMO_FOUNDER_EMAIL, DEMO_FOUNDER_PASSWORD)
        self.stdout.write(f"Created the demo founder {DEMO_FOUNDER_EMAIL}")
