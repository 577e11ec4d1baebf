"""A database backend for django-tasks: the task queue is a table in our own PostgreSQL, worked by `manage.py
db_worker` outside any request.

django-tasks 0.12 no longer ships its database backend (it moved to the separate django-tasks-db package, which
this project does not install yet), so this is the small part of one the site needs: enqueue (with run_after and
priority), a worker that claims one due task at a time with SELECT … FOR UPDATE SKIP LOCKED (so any number of
workers never run a task twice), and get_result. Swapping in django-tasks-db later is a TASKS setting.
A task that fails is recorded as FAILED and not run again: retrying is the task's own business (see core.outbox).
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResult, TaskResultStatus
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskContext, TaskError
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks.signals import task_enqueued, task_finished, task_started
from django_tasks.utils import get_exception_traceback, get_module_path, get_random_id, normalize_json

logger = logging.getLogger(__name__)

KEEP_FINISHED = timedelta(days=7)  # finished rows hold only task names and ids: kept a week for a look, then pruned


class TaskRecord(models.Model):
    id = models.CharField(primary_key=True, max_length=64, default=get_random_id, editable=False)
    task_path = models.CharField(max_length=300)
    args_kwargs = models.JSONField()
    backend_name = models.CharField(max_length=32)
    queue_name = models.CharField(max_length=32, default="default")
    priority = models.SmallIntegerField(default=0)
    run_after = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=TaskResultStatus.choices, default=TaskResultStatus.READY)
    enqueued_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker_id = models.CharField(max_length=64, blank=True)
    return_value = models.JSONField(null=True, blank=True)
    exception_class_path = models.CharField(max_length=300, blank=True)
    traceback = models.TextField(blank=True)

    class Meta:
        db_table = "core_task"
        verbose_name = "background task"
        indexes = [
            # The worker's question, "the next due task", reads only ready rows.
            models.Index(
                fields=["queue_name", "-priority", "run_after", "enqueued_at"],
                name="core_task_ready",
                condition=models.Q(status="READY"),
            )
        ]

    def __str__(self):
        return f"{self.task_path} ({self.status})"

    @property
    def task(self):
        return import_string(self.task_path).using(
            priority=self.priority, queue_name=self.queue_name, run_after=self.run_after, backend=self.backend_name
        )

    def result(self) -> TaskResult:
        errors = []
        if self.exception_class_path:
            errors.append(TaskError(exception_class_path=self.exception_class_path, traceback=self.traceback))
        result = TaskResult(
            task=self.task,
            id=self.id,
            status=TaskResultStatus(self.status),
            enqueued_at=self.enqueued_at,
            started_at=self.started_at,
            last_attempted_at=self.started_at,
            finished_at=self.finished_at,
            args=self.args_kwargs["args"],
            kwargs=self.args_kwargs["kwargs"],
            backend=self.backend_name,
            errors=errors,
            worker_ids=[self.worker_id] if self.worker_id else [],
        )
        object.__setattr__(result, "_return_value", self.return_value)
        return result


class DatabaseBackend(BaseTaskBackend):
    supports_defer = True
    supports_priority = True
    supports_get_result = True

    def enqueue(self, task, args, kwargs) -> TaskResult:
        self.validate_task(task)
        record = TaskRecord.objects.create(
            task_path=task.module_path,
            args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
            backend_name=self.alias,
            queue_name=task.queue_name,
            priority=task.priority,
            run_after=task.run_after,
        )
        result = record.result()
        task_enqueued.send(type(self), task_result=result)
        return result

    def get_result(self, result_id: str) -> TaskResult:
        record = TaskRecord.objects.filter(pk=result_id).first()
        if record is None:
            raise TaskResultDoesNotExist(result_id)
        return record.result()


def claim_next(queue_names, worker_id: str, now=None) -> TaskRecord | None:
    """Marks the next due task RUNNING for this worker and returns it; None when nothing is due."""
    now = now or timezone.now()
    with transaction.atomic():
        record = (
            TaskRecord.objects.select_for_update(skip_locked=True)
            .filter(status=TaskResultStatus.READY, queue_name__in=queue_names)
            .filter(models.Q(run_after__isnull=True) | models.Q(run_after__lte=now))
            .order_by("-priority", models.F("run_after").asc(nulls_first=True), "enqueued_at")
            .first()
        )
        if record is None:
            return None
        record.status, record.started_at, record.worker_id = TaskResultStatus.RUNNING, now, worker_id
        record.save(update_fields=["status", "started_at", "worker_id"])
    return record


def run(record: TaskRecord) -> TaskRecord:
    """Runs a claimed task and records how it ended. Never raises (but lets Ctrl-C through)."""
    backend = type(record.task.get_backend())
    result = record.result()
    task_started.send(backend, task_result=result)
    try:
        task, args, kwargs = record.task, record.args_kwargs["args"], record.args_kwargs["kwargs"]
        value = (
            task.call(TaskContext(task_result=result), *args, **kwargs)
            if task.takes_context
            else task.call(*args, **kwargs)
        )
        record.return_value, record.status = normalize_json(value), TaskResultStatus.SUCCESSFUL
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # recorded on the row; the worker goes on with the next task
        record.status = TaskResultStatus.FAILED
        record.exception_class_path = get_module_path(type(error))
        record.traceback = get_exception_traceback(error)
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "finished_at", "return_value", "exception_class_path", "traceback"])
    task_finished.send(backend, task_result=record.result())
    return record


def run_due(queue_names=("default",), worker_id: str = "in-process", limit: int | None = None) -> int:
    """Runs every task due now, one after another, in this process. Returns how many ran."""
    count = 0
    while limit is None or count < limit:
        record = claim_next(queue_names, worker_id)
        if record is None:
            break
        run(record)
        count += 1
    return count


def prune_finished(now=None) -> int:
    now = now or timezone.now()
    done = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    return TaskRecord.objects.filter(status__in=done, finished_at__lt=now - KEEP_FINISHED).delete()[0]
