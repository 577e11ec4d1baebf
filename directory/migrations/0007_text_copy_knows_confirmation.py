"""The text copy also holds when availability was last confirmed, so a page of words-only results (nationwide, no
filters) is ordered within the text index's matches, without reading the listing copy at all
(directory.search.sql.words_page)."""

from django.db import migrations

FORWARD = r"""
ALTER TABLE directory_listing_text ADD COLUMN confirmed_at timestamptz;
UPDATE directory_listing_text t SET confirmed_at = l.confirmed_at FROM directory_listing l
    WHERE l.provider_id = t.provider_id;

CREATE OR REPLACE FUNCTION directory_listing_copy_text(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM directory_listing_text WHERE provider_id = ANY(ids);
    INSERT INTO directory_listing_text (provider_id, name_key, document, confirmed_at)
        SELECT p.id, lower(directory_unaccent(p.display_name)), p.search_document, p.availability_confirmed_at
        FROM providers_provider p
        WHERE p.id = ANY(ids) AND p.status = 'published' AND p.search_document IS NOT NULL;
$$;

CREATE OR REPLACE FUNCTION directory_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    listing_ids bigint[];
    text_ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO listing_ids FROM new_rows;
        text_ids := listing_ids;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO listing_ids FROM old_rows;
        text_ids := listing_ids;
    ELSE
        SELECT array_agg(n.id) INTO listing_ids
        FROM new_rows n JOIN old_rows o USING (id)
        WHERE (n.status, n.display_name, n.accepting_new_clients, n.free_consultation, n.fee_min,
               n.availability_confirmed_at, n.types, n.concerns, n.modalities, n.languages, n.payments,
               n.practices, n.formats, n.licensed_states)
              IS DISTINCT FROM
              (o.status, o.display_name, o.accepting_new_clients, o.free_consultation, o.fee_min,
               o.availability_confirmed_at, o.types, o.concerns, o.modalities, o.languages, o.payments,
               o.practices, o.formats, o.licensed_states);
        SELECT array_agg(n.id) INTO text_ids
        FROM new_rows n JOIN old_rows o USING (id)
        WHERE (n.status, n.display_name, n.search_document, n.availability_confirmed_at)
              IS DISTINCT FROM (o.status, o.display_name, o.search_document, o.availability_confirmed_at);
    END IF;
    IF listing_ids IS NOT NULL THEN
        PERFORM directory_listing_copy(listing_ids);
        PERFORM nextval('directory_listing_changes');
    END IF;
    IF text_ids IS NOT NULL THEN
        PERFORM directory_listing_copy_text(text_ids);
        PERFORM nextval('directory_listing_changes');
    END IF;
    RETURN NULL;
END $$;
"""

BACKWARD = r"""
CREATE OR REPLACE FUNCTION directory_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    listing_ids bigint[];
    text_ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO listing_ids FROM new_rows;
        text_ids := listing_ids;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO listing_ids FROM old_rows;
        text_ids := listing_ids;
    ELSE
        SELECT array_agg(n.id) INTO listing_ids
        FROM new_rows n JOIN old_rows o USING (id)
        WHERE (n.status, n.display_name, n.accepting_new_clients, n.free_consultation, n.fee_min,
               n.availability_confirmed_at, n.types, n.concerns, n.modalities, n.languages, n.payments,
               n.practices, n.formats, n.licensed_states)
              IS DISTINCT FROM
              (o.status, o.display_name, o.accepting_new_clients, o.free_consultation, o.fee_min,
               o.availability_confirmed_at, o.types, o.concerns, o.modalities, o.languages, o.payments,
               o.practices, o.formats, o.licensed_states);
        SELECT array_agg(n.id) INTO text_ids
        FROM new_rows n JOIN old_rows o USING (id)
        WHERE (n.status, n.display_name, n.search_document) IS DISTINCT FROM (o.status, o.display_name, o.search_document);
    END IF;
    IF listing_ids IS NOT NULL THEN
        PERFORM directory_listing_copy(listing_ids);
        PERFORM nextval('directory_listing_changes');
    END IF;
    IF text_ids IS NOT NULL THEN
        PERFORM directory_listing_copy_text(text_ids);
        PERFORM nextval('directory_listing_changes');
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION directory_listing_copy_text(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM directory_listing_text WHERE provider_id = ANY(ids);
    INSERT INTO directory_listing_text
        SELECT p.id, lower(directory_unaccent(p.display_name)), p.search_document
        FROM providers_provider p
        WHERE p.id = ANY(ids) AND p.status = 'published' AND p.search_document IS NOT NULL;
$$;

ALTER TABLE directory_listing_text DROP COLUMN confirmed_at;
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_listing_order_indexes")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
