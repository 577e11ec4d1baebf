"""Sends search reads to the read replica when one is configured (DATABASE_REPLICA_URL).

Only code that opts in reads from the replica (`with reading_from_replica(): ...`), because a replica lags a
little: a provider who has just saved must see their own change, a family searching doesn't mind a second's delay.
Writes always go to the primary.
"""

from __future__ import annotations

import contextlib
import contextvars

from django.conf import settings

_use_replica = contextvars.ContextVar("use_replica", default=False)


@contextlib.contextmanager
def reading_from_replica():
    token = _use_replica.set(True)
    try:
        yield
    finally:
        _use_replica.reset(token)


def read_alias() -> str:
    """The database alias reads should use right now (for raw SQL: `connections[read_alias()]`)."""
    return "replica" if _use_replica.get() and "replica" in settings.DATABASES else "default"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return read_alias()

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
