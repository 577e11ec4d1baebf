"""The search's database session: its settings, set once per connection, and running a statement
(directory.search.statement builds them)."""

from __future__ import annotations

import weakref

from directory.search.statement import WORD_SIMILARITY

# Connections that already have the settings (session settings, so once per connection).
_configured = weakref.WeakSet()

# The search's session settings, set once per database connection:
# - the trigram threshold for names close to the words;
# - work_mem to keep a broad word's candidates (60,000 rows, ~35 MB at 100k) in memory rather than on disk;
# - random_page_cost as for data in memory or on SSD, so the planner reads the narrow covering index
#   (provider_search_row) rather than the wide rows; and no JIT, which added 100-300 ms to scans it compiled.
SESSION = {
    "pg_trgm.word_similarity_threshold": str(WORD_SIMILARITY),
    "work_mem": "64MB",
    "random_page_cost": "1.1",
    "jit": "off",
}


def configure(connection):
    """Applies SESSION to this database session, once per connection.

    Inside a transaction a setting is undone by a rollback, so there it is set for the transaction, every time."""
    in_transaction = connection.in_atomic_block
    if not in_transaction and connection.connection in _configured:
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("set_config(%s, %s, %s)" for _ in SESSION),
            [value for name, setting in SESSION.items() for value in (name, setting, in_transaction)],
        )
    if not in_transaction:
        _configured.add(connection.connection)


def run(connection, statement, fetch_all: bool = False):
    """Runs a directory.search.statement.Statement: its first row, or every row."""
    configure(connection)
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        return cursor.fetchall() if fetch_all else cursor.fetchone()
