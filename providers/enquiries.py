"""Private messages from families to providers.

Nothing is lost: a message is stored first and emailed after the transaction commits; a failed send stays queued
and `manage.py send_queued_messages` retries it. Once delivered, everything the family wrote is purged: only
the fact that a message was delivered remains.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


class ContactMessageQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=ContactMessage.Status.QUEUED)

    def due_for_retry(self, now=None):
        """Queued messages not tried in the last few minutes (the first send happens right after submission)."""
        now = now or timezone.now()
        return self.queued().filter(
            models.Q(last_attempt_at__isnull=True, created_at__lt=now - timedelta(minutes=2))
            | models.Q(last_attempt_at__lt=now - timedelta(minutes=5))
        )


class ContactMessage(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"

    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="contact_messages")
    sender_name = models.CharField("your name", max_length=100)
    sender_email = models.EmailField("your email")
    sender_phone = models.CharField("phone", max_length=30, blank=True)
    body = models.TextField("message")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "last_attempt_at"], name="contactmessage_queue")]

    def __str__(self):
        return f"Message to {self.provider} ({self.get_status_display()})"

    @classmethod
    def submit(cls, provider, **fields) -> ContactMessage:
        """Stores the message, then sends it once the transaction has committed."""
        with transaction.atomic():
            message = cls.objects.create(provider=provider, **fields)
            transaction.on_commit(message.deliver)
        return message

    def build_email(self) -> EmailMessage:
        context = {"message": self, "provider": self.provider, "site_name": settings.SITE_NAME}
        subject = render_to_string("providers/emails/contact_message_subject.txt", context).strip()
        body = render_to_string("providers/emails/contact_message_body.txt", context)
        return EmailMessage(
            subject=" ".join(subject.split()),
            body=body,
            to=[self.provider.contact_email],
            # formataddr quotes names with commas or quotes ("Smith, Jane") so clients see one address.
            reply_to=[formataddr((self.sender_name, self.sender_email))],
        )

    def deliver(self) -> bool:
        """Sends the email; on success purges what the family wrote. On failure keeps it queued for a retry."""
        with transaction.atomic():
            message = ContactMessage.objects.select_for_update(skip_locked=True).filter(pk=self.pk).first()
            if message is None or message.status != self.Status.QUEUED:
                return False  # another worker has it, or it was already sent
            message.attempts += 1
            message.last_attempt_at = timezone.now()
            try:
                message.build_email().send()
            except Exception as error:  # any transport failure: keep it, try again later
                logger.warning("Contact message %s not sent (attempt %s): %s", message.pk, message.attempts, error)
                message.last_error = str(error)[:300]
                if message.attempts >= MAX_ATTEMPTS:
                    message.status = self.Status.FAILED
                message.save(update_fields=["attempts", "last_attempt_at", "last_error", "status"])
                return False
            message.status = self.Status.SENT
            message.sent_at = timezone.now()
            message.last_error = ""
            # Privacy: once delivered, nothing the family wrote stays with us.
            message.sender_name = message.sender_email = message.sender_phone = message.body = ""
            message.save()
        self.refresh_from_db()
        return True
