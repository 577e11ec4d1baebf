"""Drops the commit-time version bump: its deferred constraint triggers left "pending trigger events" that forbid
CREATE INDEX or ALTER TABLE on providers_provider later in the same transaction (seed_demo rebuilds indexes
after COPY; a data migration may alter the table). Cached counts are now keyed by the database snapshot
(pg_current_snapshot()), which changes exactly when some commit could have changed what a search sees.
"""

from django.db import migrations

FORWARD = r"""
DROP TRIGGER IF EXISTS directory_listing_bump_office ON providers_office;
DROP TRIGGER IF EXISTS directory_listing_bump_provider ON providers_provider;
DROP FUNCTION IF EXISTS directory_listing_bump();

CREATE OR REPLACE FUNCTION directory_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE directory_listing, directory_listing_text;
    RETURN NULL;
END $$;

DROP TABLE IF EXISTS directory_listing_state;
DROP SEQUENCE IF EXISTS directory_listing_version;
"""

BACKWARD = r"""
CREATE TABLE directory_listing_state (
    id smallint PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE SEQUENCE directory_listing_version;
INSERT INTO directory_listing_state VALUES (1, nextval('directory_listing_version'), now());

CREATE OR REPLACE FUNCTION directory_listing_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE directory_listing, directory_listing_text;
    UPDATE directory_listing_state SET version = nextval('directory_listing_version'), changed_at = now();
    RETURN NULL;
END $$;

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
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_listing")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
