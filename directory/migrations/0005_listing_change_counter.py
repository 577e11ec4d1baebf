"""A change counter for the cached search counts: a sequence advanced by every statement that changes a published
listing's copy or any office. Sequences take no row locks (no waits, no deadlocks) and ignore rollbacks.

Why not the database snapshot (0003): it moves with every commit anywhere on the server (sessions, rate limits,
queued emails), which would empty the cache every few seconds on a busy site. The counter can run ahead of a
commit: a count computed between a change and its commit is kept under the new number, so cache entries also
expire after a short time (directory.search.engine).
"""

from django.db import migrations

FORWARD = r"""
CREATE SEQUENCE directory_listing_changes;

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

CREATE OR REPLACE FUNCTION directory_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE directory_listing, directory_listing_text;
    PERFORM nextval('directory_listing_changes');
    RETURN NULL;
END $$;

CREATE FUNCTION directory_office_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM nextval('directory_listing_changes');
    RETURN NULL;
END $$;
CREATE TRIGGER directory_office_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON providers_office
    FOR EACH STATEMENT EXECUTE FUNCTION directory_office_changed();
"""

BACKWARD = r"""
DROP TRIGGER directory_office_changed ON providers_office;
DROP FUNCTION directory_office_changed();

CREATE OR REPLACE FUNCTION directory_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE directory_listing, directory_listing_text;
    RETURN NULL;
END $$;

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
    END IF;
    IF text_ids IS NOT NULL THEN
        PERFORM directory_listing_copy_text(text_ids);
    END IF;
    RETURN NULL;
END $$;

DROP SEQUENCE directory_listing_changes;
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0004_packed_facets_and_quieter_sync")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
