"""The outbox: every email the site sends is stored first, as a row, and sent by the worker (core.mail's task) once
the transaction that wrote it commits. No request ever waits on the mail server, and a failing one loses nothing.

A row that cannot be sent is tried again with growing pauses (1, 5, 15, 30 minutes, then hourly) for RETRY_FOR,
so a mail server that is down for a weekend still delivers everything when it returns. Only then does the row
give up; founders see it in the admin (never what it says) and can send it again with "Retry now".
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from core.mail import deliver_email

logger = logging.getLogger(__name__)

RETRY_DELAYS = [timedelta(minutes=minutes) for minutes in (1, 5, 15, 30)]
RETRY_EVERY = timedelta(hours=1)  # after RETRY_DELAYS
RETRY_FOR = timedelta(days=3)


def retry_delay(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed try."""
    return RETRY_DELAYS[attempts - 1] if attempts <= len(RETRY_DELAYS) else RETRY_EVERY


class OutboxItem(models.Model):
    """Something to email: subclasses say what (build_email) and what is left once it went (delivered)."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def build_email(self) -> EmailMessage:
        raise NotImplementedError

    def delivered(self, now) -> None:
        """Called under the row's lock once the mail server has accepted the email."""
        raise NotImplementedError

    def schedule(self, when=None) -> None:
        """Sets the next try (now by default) and asks the worker for it once the surrounding transaction commits."""
        self.next_attempt_at = when or timezone.now()
        self.enqueue_try()

    def enqueue_try(self) -> None:
        """Exactly one try is ever pending: a task that finds another time in next_attempt_at than its own (because
        a founder pressed "Retry now" meanwhile) does nothing, so tries never multiply."""
        task = deliver_email
        if self.next_attempt_at > timezone.now():
            if not task.get_backend().supports_defer:
                return  # a backend that cannot wait (the immediate one, in tests): `send_queued_messages` picks it up
            task = task.using(run_after=self.next_attempt_at)
        args = (self._meta.label, self.pk, self.next_attempt_at.isoformat())
        transaction.on_commit(lambda: task.enqueue(*args))

    def retry_now(self) -> None:
        """Founders' "Retry now": one try at once. One that had given up gives up again if this try fails too."""
        with transaction.atomic():
            item = type(self).objects.select_for_update().get(pk=self.pk)
            if item.status == self.Status.SENT:
                return
            item.status = self.Status.QUEUED
            item.schedule()
            item.save(update_fields=["status", "next_attempt_at"])

    def deliver(self, due: str | None = None) -> str:
        """One try, by the worker: "sent", "failed" (another try is scheduled), "gave up", or "skipped" (sent
        already, another worker has it, or this task's try was replaced by a newer one). Never raises."""
        with transaction.atomic():
            item = type(self).objects.select_for_update(skip_locked=True).filter(pk=self.pk).first()
            if item is None or item.status != self.Status.QUEUED:
                return "skipped"
            if due is not None and item.next_attempt_at != parse_datetime(due):
                return "skipped"
            now = timezone.now()
            item.attempts += 1
            item.last_attempt_at = now
            try:
                item.build_email().send()
            except Exception as error:  # any transport failure: keep it and try again later
                logger.warning("%s %s not sent (attempt %s): %s", item._meta.label, item.pk, item.attempts, error)
                item.last_error = f"{type(error).__name__}: {error}"[:300]
                if now - item.created_at >= RETRY_FOR:
                    item.status, item.next_attempt_at = self.Status.FAILED, None
                else:
                    item.schedule(now + retry_delay(item.attempts))
                item.save(update_fields=["attempts", "last_attempt_at", "last_error", "status", "next_attempt_at"])
                return "gave up" if item.status == self.Status.FAILED else "failed"
            item.delivered(now)
        return "sent"


class QueuedEmail(OutboxItem):
    """An email written by the site (verification, reset, moderation, proposals, reminders); deleted once sent."""

    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    reply_to = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = "queued email"
        db_table = "directory_queuedemail"  # made by directory's migration 0008; the model moved, the table stayed

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @classmethod
    def queue(cls, subject: str, body: str, to: str, *, reply_to: str = "") -> QueuedEmail:
        """Stores the email; the worker sends it once the surrounding transaction commits."""
        email = cls.objects.create(
            subject=subject[:300], body=body, to=to, reply_to=reply_to, next_attempt_at=timezone.now()
        )
        email.enqueue_try()
        return email

    def build_email(self) -> EmailMessage:
        reply_to = [self.reply_to] if self.reply_to else None
        return EmailMessage(self.subject, self.body, settings.DEFAULT_FROM_EMAIL, [self.to], reply_to=reply_to)

    def delivered(self, now) -> None:
        self.delete()  # sent: nothing of it needs to stay with us
