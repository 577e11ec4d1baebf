from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from providers.founders import (
    DEMO_FOUNDER_EMAIL,
    DEMO_FOUNDER_PASSWORD,
    FOUNDERS_GROUP,
    create_founder,
    make_founder,
)


class Command(BaseCommand):
    help = (
        "Creates the demo founder account for local development (never with DEBUG off): staff in the Founders "
        "group, never a superuser, as createfounder makes founders."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo founder is for development only (DEBUG is off).")
        existing = get_user_model().objects.filter(email__iexact=DEMO_FOUNDER_EMAIL).first()
        if existing is None:
            create_founder(DEMO_FOUNDER_EMAIL, DEMO_FOUNDER_PASSWORD)
            self.stdout.write(f"Created the demo founder {DEMO_FOUNDER_EMAIL} (staff, in the {FOUNDERS_GROUP} group)")
        elif make_founder(existing):
            # Earlier versions made the demo founder a superuser.
            self.stdout.write(f"Made {DEMO_FOUNDER_EMAIL} a founder in the {FOUNDERS_GROUP} group, not a superuser")
