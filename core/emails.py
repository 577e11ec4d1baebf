"""Emails are templates: `<prefix>_subject.txt` (folded onto one line) and `<prefix>_body.txt`."""

from django.conf import settings
from django.template.loader import render_to_string


def render_email(template_prefix: str, context: dict) -> tuple[str, str]:
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    body = render_to_string(f"{template_prefix}_body.txt", context).strip() + "\n"
    return subject, body
