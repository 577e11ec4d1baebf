"""A failing mail server never loses an email and never turns someone's action into an error page."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from blog.models import Proposal
from core.models import QueuedEmail
from tests.providers.factories import FounderFactory, PendingProviderFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.directory.test_outbox.BrokenBackend"


def mail_server_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


PROPOSAL = {
    "name": "Jamie Writer",
    "email": "jamie@example.org",
    "credentials": "LCSW",
    "website": "",
    "listing": "",
    "title": "Small steps after a hard birth",
    "summary": "A short summary of the piece.",
    "why_it_matters": "Families often feel alone after a hard birth.",
    "confirm_values": "on",
}


def test_a_proposal_is_kept_and_acknowledged_later_when_the_mail_server_is_down(
    client, mail_server_down, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/blog/propose/", PROPOSAL)
    assert response.status_code == 302  # the family sees the confirmation, not an error
    assert Proposal.objects.filter(email="jamie@example.org").exists()
    queued = QueuedEmail.objects.get(to="jamie@example.org")
    assert queued.attempts == 1 and "down" in queued.last_error

    mail_server_back(settings)
    QueuedEmail.objects.update(last_attempt_at=None, created_at=queued.created_at.replace(year=2020))
    call_command("send_queued_messages")
    assert [m.to for m in mail.outbox] == [["jamie@example.org"]]
    assert not QueuedEmail.objects.exists()  # sent: nothing kept


def test_a_founders_approval_goes_through_and_the_email_waits_when_the_mail_server_is_down(
    mail_server_down, django_capture_on_commit_callbacks
):
    listing = PendingProviderFactory(owner=VerifiedUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        listing.approve(by=FounderFactory())
    listing.refresh_from_db()
    assert listing.status == listing.Status.PUBLISHED
    assert QueuedEmail.objects.filter(to=listing.owner.email).count() == 1


def test_a_password_reset_link_is_queued_not_an_error_page_when_the_mail_server_is_down(client, mail_server_down):
    user = VerifiedUserFactory()
    response = client.post("/accounts/password-reset/", {"email": user.email})
    assert response.status_code == 302
    assert QueuedEmail.objects.filter(to=user.email).exists()


def test_emails_are_sent_at_once_when_the_mail_server_works(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        QueuedEmail.queue("Hello", "Body", "someone@example.org")
    assert [m.subject for m in mailoutbox] == ["Hello"]
    assert not QueuedEmail.objects.exists()
