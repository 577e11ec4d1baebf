"""core's models: the email outbox (core.outbox) and the task queue the worker reads (core.taskdb)."""

from core.outbox import OutboxItem, QueuedEmail
from core.taskdb import TaskRecord

__all__ = ["OutboxItem", "QueuedEmail", "TaskRecord"]
