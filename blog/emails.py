"""Emails written as Django templates: templates/blog/emails/<name>_subject.txt and <name>_body.txt."""

from core.emails import render_email as render_template_email
from core.models import QueuedEmail


def render_email(name: str, context: dict) -> tuple[str, str]:
    return render_template_email(f"blog/emails/{name}", context)


def send_email_on_commit(name: str, context: dict, to: str) -> None:
    """Rendered now, stored in the outbox, sent once the surrounding transaction commits (so nobody hears about a
    change that was rolled back) and retried if the mail server fails (core.models.QueuedEmail)."""
    subject, body = render_email(name, context)
    QueuedEmail.queue(subject, body, to)
