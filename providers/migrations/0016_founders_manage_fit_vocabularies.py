"""Founders add perinatal credentials and rename journey stages and provider identities in the admin (the
permissions of providers 0014's models, created now: Django makes them only after every migration)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from providers.founders import sync_founders_group


def founders_manage_the_new_vocabularies(apps, schema_editor):
    app_config = apps.get_app_config("providers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    sync_founders_group(apps)


class Migration(migrations.Migration):
    dependencies = [("providers", "0015_fees_and_plans")]

    operations = [migrations.RunPython(founders_manage_the_new_vocabularies, migrations.RunPython.noop)]
