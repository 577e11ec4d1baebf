"""Availability reminders: who gets one, the one-click links (GET asks, POST confirms, 14 days), idempotence."""

import re
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from core.models import QueuedEmail
from providers.models import Provider
from providers.reminders import send_availability_reminders
from tests.providers.factories import OwnedProviderFactory, OwnedPublishedProviderFactory, PublishedProviderFactory

pytestmark = pytest.mark.django_db


def remind(*command):
    """Runs the reminders (the command, with arguments), sending what each listing's transaction queued."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call_command(*command) if command else send_availability_reminders()


def days_ago(n):
    return timezone.now() - timedelta(days=n)


def links(mail):
    return [re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"https?://\S+/availability/\S+/", mail.body)]


def test_who_gets_a_reminder(mailoutbox):
    due = OwnedPublishedProviderFactory(display_name="Due", availability_confirmed_at=days_ago(61))
    never = OwnedPublishedProviderFactory(display_name="Never", availability_confirmed_at=None)
    reminded_long_ago = OwnedPublishedProviderFactory(
        display_name="Again", availability_confirmed_at=days_ago(100), availability_reminder_sent_at=days_ago(31)
    )
    OwnedPublishedProviderFactory(display_name="Fresh", availability_confirmed_at=days_ago(59))
    OwnedPublishedProviderFactory(
        display_name="Recently reminded",
        availability_confirmed_at=days_ago(90),
        availability_reminder_sent_at=days_ago(10),
    )
    OwnedProviderFactory(display_name="Draft", availability_confirmed_at=days_ago(200))
    assert remind() == (3, 0)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.owner.email for p in [due, never, reminded_long_ago])
    for listing in (due, never, reminded_long_ago):
        listing.refresh_from_db()
        assert timezone.now() - listing.availability_reminder_sent_at < timedelta(minutes=1)


def test_a_listing_without_an_account_is_reminded_at_its_contact_address(mailoutbox):
    listing = PublishedProviderFactory(availability_confirmed_at=days_ago(70))
    remind()
    assert mailoutbox[0].to == [listing.contact_email]


def test_running_twice_sends_once(mailoutbox):
    OwnedPublishedProviderFactory(availability_confirmed_at=days_ago(61))
    remind("send_availability_reminders")
    remind("send_availability_reminders")
    assert len(mailoutbox) == 1


def test_the_email_has_one_click_links_that_ask_before_changing(client, mailoutbox, settings):
    settings.SITE_URL = "https://directory.example"
    listing = OwnedPublishedProviderFactory(accepting_new_clients=True, availability_confirmed_at=days_ago(80))
    remind()
    (mail,) = mailoutbox
    assert mail.subject == "Are you taking new clients?"
    assert "https://directory.example/listing/availability/" in mail.body
    assert "work for 14 days" in mail.body
    yes, no = links(mail)

    page = client.get(no)  # what a mail client's link scanner does
    assert "Yes, I am not accepting new clients right now" in page.content.decode()
    listing.refresh_from_db()
    assert listing.accepting_new_clients is True and listing.days_since_confirmed == 80

    done = client.post(no)  # no login needed
    assert "Thank you!" in done.content.decode()
    listing.refresh_from_db()
    assert listing.accepting_new_clients is False and listing.days_since_confirmed == 0

    client.post(yes)
    listing.refresh_from_db()
    assert listing.accepting_new_clients is True


def test_links_expire_after_fourteen_days(client, monkeypatch):
    from providers.tokens import availability_token

    listing = OwnedPublishedProviderFactory(accepting_new_clients=True)
    real = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: real - 15 * 24 * 3600)
    old = availability_token(listing, False)
    monkeypatch.setattr(signing.time, "time", lambda: real - 13 * 24 * 3600)
    recent = availability_token(listing, False)
    monkeypatch.undo()
    expired = client.post(f"/listing/availability/{old}/")
    assert expired.status_code == 400
    assert "This link has expired" in expired.content.decode()
    listing.refresh_from_db()
    assert listing.accepting_new_clients is True
    assert client.post(f"/listing/availability/{recent}/").status_code == 200
    listing.refresh_from_db()
    assert listing.accepting_new_clients is False


def test_a_reminder_goes_through_the_outbox_and_is_retried_when_the_mail_server_fails(settings, task_worker):
    listing = OwnedPublishedProviderFactory(availability_confirmed_at=days_ago(61))
    settings.EMAIL_BACKEND = "tests.directory.test_outbox.BrokenBackend"
    assert remind() == (1, 0)
    task_worker.run()
    queued = QueuedEmail.objects.get(to=listing.owner.email)
    assert queued.attempts == 1 and queued.next_attempt_at is not None  # stamped, and on its way
    assert remind() == (0, 0)


def test_a_reminder_is_not_an_edit():
    listing = OwnedPublishedProviderFactory(availability_confirmed_at=days_ago(61))
    updated = Provider.objects.get(pk=listing.pk).updated_at
    remind()
    assert Provider.objects.get(pk=listing.pk).updated_at == updated
