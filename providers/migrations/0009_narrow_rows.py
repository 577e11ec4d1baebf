"""Narrower listing rows: long values out of line.

Every published row is over PostgreSQL's toasting threshold (its full search document alone is ~1.9 KB), so the
toaster runs on each; with a target of 128 bytes it then moves every long value it may (bio, approach, trainings,
headline, links...) out of line, leaving in the row what the search reads row by row: the PLAIN id arrays and their
packed words (migration 0007) and the small ranking document (MAIN). At 100k the table went from 184 to 130 MB, so
a search reading matching rows (broad words) reads less. Cards read their few long values out of line (20 rows).
"""

from django.db import migrations

FORWARD = r"""
ALTER TABLE providers_provider SET (toast_tuple_target = 128);
-- New values, so the toaster stores each row afresh under the new target.
UPDATE providers_provider SET bio = bio || '', approach = approach || '', trainings = trainings || '';
"""

BACKWARD = "ALTER TABLE providers_provider RESET (toast_tuple_target);"


class Migration(migrations.Migration):
    dependencies = [("providers", "0008_search_row_index")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
