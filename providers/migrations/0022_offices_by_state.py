"""The offices' state index, holding each office's listing too, so a search of a whole state ("Texas") finds the
listings with an office in it from the index alone (directory/search/near.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0021_offices_in_range_from_their_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="office",
            index=models.Index(fields=["state"], include=("provider",), name="office_state"),
        ),
    ]
