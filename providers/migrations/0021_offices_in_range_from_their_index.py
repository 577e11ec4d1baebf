"""The offices' location index also holds each office's listing, so a search finds the listings with an office in
range from the index alone (an index-only scan; no office rows read)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0020_vacuum_after_tallies"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="office",
            name="office_lat_lon",
        ),
        migrations.AddIndex(
            model_name="office",
            index=models.Index(fields=["latitude", "longitude"], include=("provider",), name="office_lat_lon"),
        ),
    ]
