"""The outbox: every email the site sends (except contact messages, which have their own queue in
providers.enquiries) is stored first and sent after commit, so a failing mail server never loses one and never
turns a family's or a founder's action into an error page. `manage.py send_queued_messages` retries."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


class QueuedEmailQuerySet(models.QuerySet):
    def due_for_retry(self, now=None):
        now = now or timezone.now()
        return self.filter(attempts__lt=MAX_ATTEMPTS).filter(
            models.Q(last_attempt_at__isnull=True, created_at__lt=now - timedelta(minutes=2))
            | models.Q(last_attempt_at__lt=now - timedelta(minutes=5))
        )


class QueuedEmail(models.Model):
    to = models.EmailField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    reply_to = models.CharField(max_length=300, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QueuedEmailQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = "queued email"
        db_table = "directory_queuedemail"  # made by directory's migration 0008; the model moved, the table stayed

    def __str__(self):
        return f"{self.subject} → {self.to}"

    @classmethod
    def queue(cls, subject: str, body: str, to: str, *, reply_to: str = "", send_now: bool = False) -> QueuedEmail:
        """Stores the email; sends it after the transaction commits (or at once with send_now)."""
        email = cls.objects.create(subject=subject[:300], body=body, to=to, reply_to=reply_to)
        if send_now:
            email.deliver()
        else:
            transaction.on_commit(email.deliver)
        return email

    def deliver(self) -> bool:
        """Sends the email and removes it from the outbox; on failure keeps it for a retry. Never raises."""
        with transaction.atomic():
            email = QueuedEmail.objects.select_for_update(skip_locked=True).filter(pk=self.pk).first()
            if email is None:
                return False  # already sent, or another worker is sending it
            email.attempts += 1
            email.last_attempt_at = timezone.now()
            try:
                EmailMessage(
                    email.subject,
                    email.body,
                    settings.DEFAULT_FROM_EMAIL,
                    [email.to],
                    reply_to=[email.reply_to] if email.reply_to else None,
                ).send()
            except Exception as error:  # any transport failure: keep it and try again later
                logger.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, error)
                email.last_error = str(error)[:300]
                email.save(update_fields=["attempts", "last_attempt_at", "last_error"])
                return False
            email.delete()  # sent: nothing of it needs to stay with us
        return True
