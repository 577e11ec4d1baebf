from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    # The pages' own cache table (settings.CACHES["pages"]); createcachetable leaves existing tables as they are.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cached_pages(apps, schema_editor):
    # Pages cached in the shared table before they had their own: expired, but kept until that table filled up.
    schema_editor.execute("DELETE FROM django_cache WHERE cache_key LIKE ':1:page:%%'")


class Migration(migrations.Migration):
    dependencies = [("directory", "0012_search_counts")]
    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(drop_cached_pages, migrations.RunPython.noop, elidable=True),
    ]
