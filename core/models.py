"""core's models: the email outbox (core.outbox). The task queue the worker reads is django-tasks-db's."""

from core.outbox import OutboxItem, QueuedEmail

__all__ = ["OutboxItem", "QueuedEmail"]
