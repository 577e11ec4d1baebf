"""One search engine: the search reads published listings from providers_provider itself (providers migration
0007 adds the generated search columns, the packed facet words and the change counter), so the read model's copies,
their triggers and functions go from databases that built them (0002-0009 are emptied: new databases never do)."""

from django.db import migrations

DROP_READ_MODEL = r"""
DROP TRIGGER IF EXISTS directory_office_changed ON providers_office;
DROP TRIGGER IF EXISTS directory_listing_bump_office ON providers_office;
DROP TRIGGER IF EXISTS directory_listing_bump_provider ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_truncate ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_delete ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_update ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_insert ON providers_provider;
DROP FUNCTION IF EXISTS directory_office_changed();
DROP FUNCTION IF EXISTS directory_listing_bump();
DROP FUNCTION IF EXISTS directory_listing_truncate();
DROP FUNCTION IF EXISTS directory_listing_sync();
DROP FUNCTION IF EXISTS directory_listing_copy_text(bigint[]);
DROP FUNCTION IF EXISTS directory_listing_copy(bigint[]);
DROP FUNCTION IF EXISTS directory_listing_snapshot_version();
DROP TABLE IF EXISTS directory_listing_state, directory_listing_text, directory_listing;
DROP SEQUENCE IF EXISTS directory_listing_changes;
DROP SEQUENCE IF EXISTS directory_listing_version;
DROP FUNCTION IF EXISTS directory_pack(smallint[]);
DROP FUNCTION IF EXISTS directory_unaccent(text);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_small_ranking_document"),
        ("providers", "0007_search_columns"),
    ]

    # Irreversible: the copies cannot be rebuilt from here (migrate back from a backup instead).
    operations = [migrations.RunSQL(DROP_READ_MODEL)]
