# The outbox (QueuedEmail) now belongs to the core app (core migration 0001), which keeps this app's table:
# Django's state forgets the model here; the database is unchanged.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0010_one_search_engine"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="QueuedEmail")],
            database_operations=[],
        ),
    ]
