"""Fast bulk writing for PostgreSQL: COPY from model instances, ids reserved up front, indexes set aside.

Used by seed_demo to load 100,000 listings in well under two minutes on two cores. Nothing here is specific to
demo data.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from queue import Full, Queue

from django.db import connection

# Index builds sort in memory; more room makes the GIN builds several times faster. Scoped to the transaction.
BUILD_MEMORY = "256MB"

INDEXES_SQL = """
SELECT pg_get_indexdef(x.indexrelid), quote_ident(i.relname)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = %s::regclass
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
ORDER BY i.relname
"""


class CopyWriter:
    """COPY rows for a model from dicts of column values keyed by field attname.

    Values must already be what the database stores (str, int, bool, aware datetime, lists for arrays, file
    names for file fields); fields a row leaves out get the model's default, as save() would give them, and
    auto_now / auto_now_add fields get `now`. So a field added to the model later needs no change here.
    """

    def __init__(self, model, now, *, with_pk: bool):
        fields = [
            f
            for f in model._meta.concrete_fields
            if (with_pk or not f.primary_key) and not f.generated  # PostgreSQL computes generated columns itself
        ]
        self.columns = [(f.attname, _default(f, now)) for f in fields]
        self.known = {f.attname for f in fields}
        names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        self.sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({names}) FROM STDIN"

    def row(self, values: dict) -> list:
        if not values.keys() <= self.known:
            raise ValueError(f"Not columns of this table: {sorted(values.keys() - self.known)}")
        return [values.get(name, default) for name, default in self.columns]


def _default(field, now):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    if field.primary_key:
        return None
    return field.get_db_prep_save(field.get_default(), connection)


def reserve_ids(model, count: int) -> list[int]:
    """`count` ids from the table's own sequence, so later ORM inserts never collide with them."""
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, count])
        return sorted(row[0] for row in cursor.fetchall())


@contextmanager
def indexes_set_aside(*models) -> Iterator[None]:
    """Drops the tables' plain indexes (not those behind primary keys or unique constraints) and rebuilds them
    exactly as they were afterwards: one build is far cheaper than updating ten GIN indexes row by row.

    Must run inside a transaction, so a failure restores the indexes with everything else.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("indexes_set_aside() must run inside a transaction")
    # Index DDL is refused while deferred foreign-key checks are pending: run them now (they still must pass).
    connection.check_constraints()
    with connection.cursor() as cursor:
        definitions = []
        for model in models:
            cursor.execute(INDEXES_SQL, [model._meta.db_table])
            definitions += cursor.fetchall()
        for _, name in definitions:
            cursor.execute(f"DROP INDEX {name}")
    yield
    connection.check_constraints()
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        for definition, _ in definitions:
            cursor.execute(definition)


def optimise(*rewritten) -> None:
    """Fresh planner statistics for the whole database (tables kept in step by triggers too) and, outside a
    transaction, the `rewritten` models' tables made compact, then a vacuum. A table whose every row was updated
    after loading (the listings' search documents) holds a dead copy of each, which indexes built in the same
    transaction had to keep: as seeded, the listings' covering index was twice its size (163 MB against 81 at
    100,000) and the table 234 MB against 139, which no database grown listing by listing looks like. VACUUM FULL
    rewrites them without it; the plain vacuum after it sets the visibility map that index-only scans need (VACUUM
    FULL does not)."""
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute("ANALYZE")
            return
        for model in rewritten:
            cursor.execute(f"VACUUM FULL {connection.ops.quote_name(model._meta.db_table)}")
        cursor.execute("VACUUM (ANALYZE)")


def in_background(items: Iterator, ahead: int = 1) -> Iterator:
    """Yields what `items` yields, while a background thread already draws the next `ahead` items.

    For a Python-heavy producer and a database-heavy consumer: while PostgreSQL works on one batch (the
    interpreter lock is free while we wait for it), the next batch is being built. The producer must not use the
    database (Django connections belong to their thread).
    """
    queue: Queue = Queue(maxsize=ahead)
    stop = threading.Event()
    finished = object()

    def produce():
        try:
            for item in items:
                if not _put(queue, (item, None), stop):
                    return
            _put(queue, (finished, None), stop)
        except BaseException as error:  # handed to the consumer, which raises it
            _put(queue, (finished, error), stop)

    thread = threading.Thread(target=produce, name="bulk-producer", daemon=True)
    thread.start()
    try:
        while True:
            item, error = queue.get()
            if error is not None:
                raise error
            if item is finished:
                return
            yield item
    finally:
        stop.set()  # a consumer that stops early releases the producer
        thread.join()


def _put(queue: Queue, entry, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            queue.put(entry, timeout=0.1)
            return True
        except Full:
            continue
    return False
