"""Populations for city names, so an ambiguous place resolves to its most populous match (filled in by issue 13)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("providers", "0011_outbox_retries")]

    operations = []
