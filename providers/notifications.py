"""Emails to providers, written as templates: templates/providers/emails/<name>_subject.txt and _body.txt.

Stored in the outbox and sent by the task worker once the surrounding transaction commits, so nobody hears about a
change that was rolled back, and no request waits on the mail server (core.outbox). Links are
absolute (settings.SITE_URL): emails are also sent from the admin and from cron, where there is no request.
"""

from __future__ import annotations

from django.urls import reverse

from core.emails import render_email
from core.links import site_url
from core.models import QueuedEmail


def absolute_url(path_or_name: str, **kwargs) -> str:
    """An absolute link to a path ("/listing/") or a URL name ("listing:dashboard"), on SITE_URL."""
    return site_url(path_or_name if path_or_name.startswith("/") else reverse(path_or_name, kwargs=kwargs or None))


def send_templated_email(template_prefix: str, context: dict, to: str) -> None:
    """Through the outbox, like every email: the worker sends it, so a slow or failing mail server never shows."""
    subject, body = render_email(template_prefix, context)
    QueuedEmail.queue(subject, body, to)


def provider_address(provider) -> str:
    """The account's login address (it belongs to the person); the listing's contact address if it has no owner."""
    return provider.owner.email if provider.owner_id else provider.contact_email


def email_provider_on_commit(provider, name: str, **context) -> None:
    context = {
        "provider": provider,
        "dashboard_url": absolute_url("listing:dashboard"),
        "edit_url": absolute_url("listing:edit"),
        "profile_url": absolute_url(provider.get_absolute_url()),
        **context,
    }
    to = provider_address(provider)
    # Render now (inside the transaction, with the state as it is); stored in the outbox, sent after commit.
    subject, body = render_email(f"providers/emails/{name}", context)
    QueuedEmail.queue(subject, body, to)
