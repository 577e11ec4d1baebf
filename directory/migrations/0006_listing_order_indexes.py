"""Emptied: the search once kept narrow copies of the published listings, with triggers, from here to 0009. It now
reads providers_provider itself (providers migrations 0007-0009), so a new database never builds the copies and
every database function has one definition; a database that ran the old version is cleaned up by 0010."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_listing_change_counter")]

    operations = []
