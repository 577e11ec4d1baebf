"""Private messages from families to providers.

Nothing is lost: a message is stored first and emailed by the task worker once the transaction commits, retried
for days if the mail server is down (core.outbox). Once delivered, everything the family wrote is purged: only the
fact that a message was delivered remains. A form sent twice (a double click, a resend after a timeout) carries the
same one-time token and the same words, so it is stored, and delivered, once.
"""

from __future__ import annotations

import hashlib
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.outbox import OutboxItem


class ContactMessageQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=ContactMessage.Status.QUEUED)

    def undelivered(self):
        """Still waiting for the mail server, or given up on: what founders need to look at."""
        return self.exclude(status=ContactMessage.Status.SENT)


class ContactMessage(OutboxItem):
    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="contact_messages")
    sender_name = models.CharField("your name", max_length=100)
    sender_email = models.EmailField("your email")
    sender_phone = models.CharField("phone", max_length=30, blank=True)
    body = models.TextField("message")
    # The site's language the family wrote in: the provider's email says when it came from the Spanish site.
    language = models.CharField(max_length=8, default="en", editable=False)
    # A hash of the form's one-time token with what was written (see submit()); NULL without a token.
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "last_attempt_at"], name="contactmessage_queue")]

    def __str__(self):
        return f"Message to {self.provider} ({self.get_status_display()})"

    @classmethod
    def submit(cls, provider, *, submission_token: str = "", **fields) -> ContactMessage:
        """Stores the message, then the worker sends it once the transaction has committed.

        The same form sent again with the same words is the same message: stored and delivered once. The key mixes
        in what was written, so a family who goes back and writes a different message from that page is heard too;
        it is a hash with a secret nobody keeps, so it reveals nothing of the message once that is purged."""
        key = None
        if submission_token:
            parts = [submission_token, str(provider.pk), fields.get("sender_email", ""), fields.get("body", "")]
            key = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        try:
            with transaction.atomic():
                message = cls.objects.create(
                    provider=provider, submission_key=key, next_attempt_at=timezone.now(), **fields
                )
                message.enqueue_try()
        except IntegrityError:
            if key is None:
                raise
            return cls.objects.get(submission_key=key)  # the same form, sent again: already on its way
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

    def delivered(self, now) -> None:
        self.status = self.Status.SENT
        self.sent_at = now
        self.last_error = ""
        self.next_attempt_at = None
        # Privacy: once delivered, nothing the family wrote stays with us.
        self.sender_name = self.sender_email = self.sender_phone = self.body = ""
        self.save()
