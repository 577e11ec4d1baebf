"""Rank on a small document; keep the full one only for matching, out of line.

Broad words ("postpartum": 62 % of listings at 100k) read and ranked every matching full document (1.9 KB on
average, kept inline) and cost ~250 ms a page. Now the text copy holds:

- `rank_document`: the full document's A and B weights only (name, concerns; headline, types, modalities,
  cities), ~350 bytes, generated from `document` (`ts_filter`), inline (`STORAGE MAIN`). Relevance is
  `ts_rank_cd` over it, so a mention in the bio (weight C) still matches but no longer adds to the rank.
- `document`: the full document, `STORAGE EXTERNAL` (out of line, uncompressed) with `toast_tuple_target` 1024,
  so the heap is ~70 MB instead of ~200 MB. Matching goes through its GIN index, which answers a plain
  (no phrase, no weights) tsquery exactly: the bitmap heap scan never reads the document itself.
- No statistics on `document` (`STATISTICS 0`): the planner then uses the default @@ selectivity and always
  takes the GIN index. With the statistics it sees a seq scan of the (now narrow) heap as cheaper for words
  matching most listings, but that scan would detoast every document (~250 ms instead of ~75 ms); it does not
  cost detoasting.

The table is rebuilt (not altered) so the stored rows follow the new storage and old statistics go with it. The
triggers' `directory_listing_copy_text()` names its columns, so it fills the table as before; the generated
column follows the document.
"""

from django.db import migrations

FORWARD = r"""
CREATE TABLE directory_listing_text_new (
    provider_id bigint NOT NULL,
    name_key text NOT NULL,
    document tsvector NOT NULL,
    confirmed_at timestamptz,
    rank_document tsvector NOT NULL GENERATED ALWAYS AS (ts_filter(document, '{a,b}')) STORED
) WITH (toast_tuple_target = 1024);
ALTER TABLE directory_listing_text_new
    ALTER COLUMN document SET STORAGE EXTERNAL,
    ALTER COLUMN document SET STATISTICS 0,
    ALTER COLUMN rank_document SET STORAGE MAIN;
INSERT INTO directory_listing_text_new (provider_id, name_key, document, confirmed_at)
    SELECT provider_id, name_key, document, confirmed_at FROM directory_listing_text ORDER BY provider_id;
DROP TABLE directory_listing_text;
ALTER TABLE directory_listing_text_new RENAME TO directory_listing_text;
ALTER TABLE directory_listing_text ADD CONSTRAINT directory_listing_text_pkey PRIMARY KEY (provider_id);
CREATE INDEX directory_listing_text_document ON directory_listing_text USING gin (document);
CREATE INDEX directory_listing_text_name_trgm ON directory_listing_text USING gin (name_key gin_trgm_ops);
ANALYZE directory_listing_text;
"""

BACKWARD = r"""
CREATE TABLE directory_listing_text_old (
    provider_id bigint PRIMARY KEY,
    name_key text NOT NULL,
    document tsvector NOT NULL,
    confirmed_at timestamptz
);
ALTER TABLE directory_listing_text_old ALTER COLUMN document SET STORAGE MAIN;
INSERT INTO directory_listing_text_old SELECT provider_id, name_key, document, confirmed_at
    FROM directory_listing_text ORDER BY provider_id;
DROP TABLE directory_listing_text;
ALTER TABLE directory_listing_text_old RENAME TO directory_listing_text;
ALTER INDEX directory_listing_text_old_pkey RENAME TO directory_listing_text_pkey;
CREATE INDEX directory_listing_text_document ON directory_listing_text USING gin (document);
CREATE INDEX directory_listing_text_name_trgm ON directory_listing_text USING gin (name_key gin_trgm_ops);
ANALYZE directory_listing_text;
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0008_outbox")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
