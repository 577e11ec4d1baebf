"""Emails written as Django templates: templates/blog/emails/<name>_subject.txt and <name>_body.txt."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string


def render_email(name: str, context: dict) -> tuple[str, str]:
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    subject = " ".join(render_to_string(f"blog/emails/{name}_subject.txt", context).split())
    body = render_to_string(f"blog/emails/{name}_body.txt", context).strip() + "\n"
    return subject, body


def send_email(name: str, context: dict, to: str) -> None:
    subject, body = render_email(name, context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def send_email_on_commit(name: str, context: dict, to: str) -> None:
    """Sends once the surrounding transaction commits, so nobody hears about a change that was rolled back."""
    transaction.on_commit(lambda: send_email(name, context, to))
