"""The search page's own read model: narrow copies of the published listings, kept in step by triggers.

Why: facet counts and sorting touch every matching row, and provider rows are wide (bio, approach, the full-text
document), so scanning them costs several times more than scanning a narrow copy. The copies hold only published
listings, so a search can never show anything else. See docs/search.md.

- directory_listing: one row per published provider (filters, facets, sorting).
- directory_listing_text: its full-text document (kept inline, uncompressed) and an accent-free lower-case name
  for typo-tolerant name matching (trigram GIN index through an IMMUTABLE unaccent wrapper).
- directory_listing_state (dropped in 0003, see there): a version number bumped by every transaction that changes providers or offices, at
  commit (a deferred constraint trigger, so it cannot deadlock with row locks); caches of counts are keyed by it.

Statement-level triggers with transition tables keep the copies in step in bulk (seed_demo inserts 100,000 rows
in a few statements). TRUNCATE (test flushes) empties the copies too.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION directory_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE directory_listing (
    provider_id bigint PRIMARY KEY,
    name_key text NOT NULL,
    accepting boolean NOT NULL,
    free_consultation boolean NOT NULL,
    fee_min integer,
    confirmed_at timestamptz,
    types smallint[] NOT NULL,
    concerns smallint[] NOT NULL,
    modalities smallint[] NOT NULL,
    languages smallint[] NOT NULL,
    payments smallint[] NOT NULL,
    practices smallint[] NOT NULL,
    formats smallint[] NOT NULL,
    licensed_states varchar(2)[] NOT NULL
);
CREATE INDEX directory_listing_states ON directory_listing USING gin (licensed_states);

CREATE TABLE directory_listing_text (
    provider_id bigint PRIMARY KEY,
    name_key text NOT NULL,
    document tsvector NOT NULL
);
-- Inline and uncompressed: ranking reads every matching document, detoasting would double its cost.
ALTER TABLE directory_listing_text ALTER COLUMN document SET STORAGE MAIN;
CREATE INDEX directory_listing_text_document ON directory_listing_text USING gin (document);
CREATE INDEX directory_listing_text_name_trgm ON directory_listing_text USING gin (name_key gin_trgm_ops);

CREATE TABLE directory_listing_state (
    id smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE SEQUENCE directory_listing_version;
INSERT INTO directory_listing_state VALUES (1, nextval('directory_listing_version'), now());

CREATE FUNCTION directory_listing_copy(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM directory_listing WHERE provider_id = ANY(ids);
    DELETE FROM directory_listing_text WHERE provider_id = ANY(ids);
    INSERT INTO directory_listing
        SELECT p.id, lower(directory_unaccent(p.display_name)), p.accepting_new_clients, p.free_consultation,
               p.fee_min, p.availability_confirmed_at, p.types, p.concerns, p.modalities, p.languages, p.payments,
               p.practices, p.formats, p.licensed_states
        FROM providers_provider p WHERE p.id = ANY(ids) AND p.status = 'published';
    INSERT INTO directory_listing_text
        SELECT p.id, lower(directory_unaccent(p.display_name)), coalesce(p.search_document, ''::tsvector)
        FROM providers_provider p WHERE p.id = ANY(ids) AND p.status = 'published';
$$;

CREATE FUNCTION directory_listing_sync() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(id) INTO ids FROM new_rows;
    ELSE
        SELECT array_agg(id) INTO ids FROM old_rows;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM directory_listing_copy(ids);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER directory_listing_insert AFTER INSERT ON providers_provider
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_sync();
CREATE TRIGGER directory_listing_update AFTER UPDATE ON providers_provider
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_sync();
CREATE TRIGGER directory_listing_delete AFTER DELETE ON providers_provider
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_sync();

CREATE FUNCTION directory_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE directory_listing, directory_listing_text;
    UPDATE directory_listing_state SET version = nextval('directory_listing_version'), changed_at = now();
    RETURN NULL;
END $$;
CREATE TRIGGER directory_listing_truncate AFTER TRUNCATE ON providers_provider
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_truncate();

-- Once per transaction, at commit: the first deferred event bumps the version, the rest see the flag and return.
CREATE FUNCTION directory_listing_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('directory.listing_bumped', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('directory.listing_bumped', 'yes', true);
        UPDATE directory_listing_state SET version = nextval('directory_listing_version'), changed_at = now();
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER directory_listing_bump_provider AFTER INSERT OR UPDATE OR DELETE ON providers_provider
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_listing_bump();
CREATE CONSTRAINT TRIGGER directory_listing_bump_office AFTER INSERT OR UPDATE OR DELETE ON providers_office
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION directory_listing_bump();

SELECT directory_listing_copy(array_agg(id)) FROM providers_provider;
ANALYZE directory_listing;
ANALYZE directory_listing_text;
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS directory_listing_bump_office ON providers_office;
DROP TRIGGER IF EXISTS directory_listing_bump_provider ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_truncate ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_delete ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_update ON providers_provider;
DROP TRIGGER IF EXISTS directory_listing_insert ON providers_provider;
DROP FUNCTION IF EXISTS directory_listing_bump();
DROP FUNCTION IF EXISTS directory_listing_truncate();
DROP FUNCTION IF EXISTS directory_listing_sync();
DROP FUNCTION IF EXISTS directory_listing_copy(bigint[]);
DROP TABLE IF EXISTS directory_listing_state, directory_listing_text, directory_listing;
DROP SEQUENCE IF EXISTS directory_listing_version;
DROP FUNCTION IF EXISTS directory_unaccent(text);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_cache_table"),
        ("providers", "0003_search_configuration_and_vocabulary"),
    ]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
