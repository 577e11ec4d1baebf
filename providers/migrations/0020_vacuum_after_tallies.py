"""After 0019 rewrote the listings: a clean visibility map, so the search's index-only scans read the covering index
alone from the first search rather than once autovacuum gets round to it (a rewrite leaves no dead rows to prompt
it), and fresh statistics. VACUUM cannot run inside a transaction, hence a migration of its own."""

from django.db import migrations


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("providers", "0019_facet_tallies"),
    ]

    operations = [
        migrations.RunSQL("VACUUM (ANALYZE) providers_provider", migrations.RunSQL.noop),
    ]
