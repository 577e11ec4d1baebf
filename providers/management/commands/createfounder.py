"""createfounder EMAIL: a founder is staff in the Founders group, never a superuser."""

import getpass
import os

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from providers.founders import FOUNDERS_GROUP, create_founder
from providers.users import User, normalize_login


class Command(BaseCommand):
    help = (
        "Creates a founder account (staff, in the Founders group). Prompts for the password twice, or reads it "
        "from the FOUNDER_PASSWORD environment variable."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        email = normalize_login(email)
        if "@" not in email:
            raise CommandError(f"“{email}” is not an email address.")
        if User.objects.filter(email__iexact=email).exists():
            raise CommandError(f"There is already an account for {email}.")
        password = self._password(User(email=email))
        create_founder(email, password)
        self.stdout.write(self.style.SUCCESS(f"Created the founder {email} (staff, in the {FOUNDERS_GROUP} group)."))

    def _password(self, user) -> str:
        from_env = os.environ.get("FOUNDER_PASSWORD")
        if from_env is not None:
            self._validate(from_env, user)
            return from_env
        for _ in range(3):
            first = getpass.getpass("Password: ")
            second = getpass.getpass("Password (again): ")
            if first != second:
                self.stderr.write("The passwords are not the same. Please try again.")
                continue
            try:
                self._validate(first, user)
            except CommandError as error:
                self.stderr.write(str(error))
                continue
            return first
        raise CommandError("No password was set; nothing was created.")

    def _validate(self, password, user):
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
