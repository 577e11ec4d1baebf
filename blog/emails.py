"""Emails written as Django templates: templates/blog/emails/<name>_subject.txt and <name>_body.txt."""

from django.conf import settings
from django.template.loader import render_to_string

from directory.models import QueuedEmail


def render_email(name: str, context: dict) -> tuple[str, str]:
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    subject = " ".join(render_to_string(f"blog/emails/{name}_subject.txt", context).split())
    body = render_to_string(f"blog/emails/{name}_body.txt", context).strip() + "\n"
    return subject, body


def send_email_on_commit(name: str, context: dict, to: str) -> None:
    """Rendered now, stored in the outbox, sent once the surrounding transaction commits (so nobody hears about a
    change that was rolled back) and retried if the mail server fails (directory.models.QueuedEmail)."""
    subject, body = render_email(name, context)
    QueuedEmail.queue(subject, body, to)
