"""Index orders for the nationwide page without filters (the same for everyone, and the deepest pages).

Listings not confirmed lately sort last whatever the order, and "lately" moves with the clock, so no index can
hold that order; but each of two index-only scans (confirmed lately, and not) can stop after the page, and the
two are merged (directory.search.sql.unfiltered_page).
"""

from django.db import migrations

FORWARD = r"""
CREATE INDEX directory_listing_relevance
    ON directory_listing (accepting DESC, confirmed_at DESC NULLS LAST, name_key, provider_id);
CREATE INDEX directory_listing_confirmed ON directory_listing (confirmed_at DESC NULLS LAST, name_key, provider_id);
CREATE INDEX directory_listing_name ON directory_listing (name_key, provider_id) INCLUDE (confirmed_at);
"""

BACKWARD = r"""
DROP INDEX directory_listing_name;
DROP INDEX directory_listing_confirmed;
DROP INDEX directory_listing_relevance;
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_listing_change_counter")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
