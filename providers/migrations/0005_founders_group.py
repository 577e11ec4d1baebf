"""The Founders group with the permissions moderation needs (see providers.founders)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from providers.founders import FOUNDERS_GROUP, FOUNDERS_PERMISSIONS, sync_founders_group


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations (post_migrate); create them now for the apps involved.
    for label in ["auth", *FOUNDERS_PERMISSIONS]:
        try:
            app_config = apps.get_app_config(label)
        except LookupError:  # an app whose models are not in this migration state (e.g. blog not migrated yet)
            continue
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_founders_group(apps)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=FOUNDERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("providers", "0004_listing_lifecycle"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
