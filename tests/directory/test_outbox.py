"""No request waits on the mail server: every email is stored, enqueued after commit and sent by the task worker;
a failing mail server never loses one and never turns someone's action into an error page."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from blog.models import Proposal
from core.models import QueuedEmail
from core.outbox import RETRY_FOR
from providers.account_services import send_verification_email
from providers.reminders import send_availability_reminders
from tests.providers.factories import (
    FounderFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    PublishedProviderFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


class SlowBackend(BaseEmailBackend):
    """A mail server that takes `delay` seconds to answer; counts what it was handed, and where."""

    delay = 9.0
    sent = []

    def send_messages(self, messages):
        SlowBackend.sent.append(threading.current_thread().name)
        time.sleep(self.delay)
        return len(messages)


class HalfSecondBackend(SlowBackend):
    delay = 0.5


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


def time_passes():
    """Every retry the worker is waiting for falls due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_proposal_is_kept_and_acknowledged_later_when_the_mail_server_is_down(
    client, mail_server_down, settings, task_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/blog/propose/", PROPOSAL)
    assert response.status_code == 302  # the family sees the confirmation, not an error
    assert Proposal.objects.filter(email="jamie@example.org").exists()
    assert task_worker.run() == 1
    queued = QueuedEmail.objects.get(to="jamie@example.org")
    assert queued.attempts == 1 and "down" in queued.last_error

    mail_server_back(settings)
    time_passes()
    assert task_worker.run() == 1
    assert [m.to for m in mail.outbox] == [["jamie@example.org"]]
    assert not QueuedEmail.objects.exists()  # sent: nothing kept


def test_a_founders_approval_goes_through_and_the_email_waits_when_the_mail_server_is_down(
    mail_server_down, task_worker, django_capture_on_commit_callbacks
):
    listing = PendingProviderFactory(owner=VerifiedUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        listing.approve(by=FounderFactory())
    task_worker.run()
    listing.refresh_from_db()
    assert listing.status == listing.Status.PUBLISHED
    assert QueuedEmail.objects.filter(to=listing.owner.email, attempts=1).count() == 1


def test_a_password_reset_link_is_queued_not_an_error_page_when_the_mail_server_is_down(
    client, mail_server_down, task_worker
):
    user = VerifiedUserFactory()
    response = client.post("/accounts/password-reset/", {"email": user.email})
    assert response.status_code == 302
    assert QueuedEmail.objects.filter(to=user.email).exists()


def test_every_kind_of_email_is_sent_by_the_worker_never_by_the_caller(
    client, mailoutbox, task_worker, django_capture_on_commit_callbacks
):
    owner = VerifiedUserFactory()
    listing = PendingProviderFactory(owner=owner)
    OwnedPublishedProviderFactory(availability_confirmed_at=timezone.now() - timedelta(days=61))
    provider = PublishedProviderFactory()
    with django_capture_on_commit_callbacks(execute=True):
        listing.approve(by=FounderFactory())  # moderation
        client.post("/blog/propose/", PROPOSAL)  # proposals
        send_verification_email(owner)  # accounts
        client.post("/accounts/password-reset/", {"email": owner.email})  # password reset
        send_availability_reminders()  # reminders
        client.post(  # contact messages
            f"/providers/{provider.slug}/contact/",
            {"name": "Ana", "email": "ana@example.org", "message": "Hello"},
        )
    assert mailoutbox == []
    assert task_worker.pending().count() == 6
    assert task_worker.run() == 6
    assert len(mailoutbox) == 6
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {"core.mail.deliver_email"}


def test_the_worker_command_sends_what_is_due(mailoutbox, task_worker, django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        QueuedEmail.queue("Hello", "Body", "someone@example.org")
    # Between tasks the worker drops broken connections; inside the test's transaction there is only this one.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    assert mailoutbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", stdout=_Output())
    assert [m.subject for m in mailoutbox] == ["Hello"]
    assert not QueuedEmail.objects.exists()


def test_an_email_whose_task_was_lost_is_enqueued_again_by_send_queued_messages(mailoutbox, task_worker):
    email = QueuedEmail.objects.create(subject="Hi", body="Body", to="a@example.org")  # from before the worker
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_queued_messages", stdout=_Output())
    task_worker.run()
    assert [m.to for m in mailoutbox] == [[email.to]]


def test_an_email_gives_up_only_after_three_days_and_retry_now_sends_it(
    settings, mail_server_down, task_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        email = QueuedEmail.queue("Hello", "Body", "someone@example.org")
    task_worker.run()
    QueuedEmail.objects.update(created_at=email.created_at - RETRY_FOR)
    time_passes()
    task_worker.run()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.next_attempt_at) == ("failed", 2, None)
    assert not task_worker.pending().exists()
    mail_server_back(settings)
    with django_capture_on_commit_callbacks(execute=True):
        email.retry_now()
    task_worker.run()
    assert [m.subject for m in mail.outbox] == ["Hello"]


class _Output:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


# Requests never wait on the mail server ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_request_returns_at_once_and_healthz_stays_fast_while_the_mail_server_takes_nine_seconds(
    settings, task_worker
):
    # transaction=True: the request's on_commit callbacks really run, inside the request, as in production.
    settings.EMAIL_BACKEND = "tests.directory.test_outbox.SlowBackend"
    SlowBackend.sent = []
    provider = PublishedProviderFactory()
    client = Client()
    started = time.monotonic()
    response = client.post(
        f"/providers/{provider.slug}/contact/", {"name": "Ana", "email": "ana@example.org", "message": "Hello"}
    )
    assert response.status_code == 302
    assert time.monotonic() - started < 2
    started = time.monotonic()
    assert client.get("/healthz").status_code == 200
    assert time.monotonic() - started < 1
    assert SlowBackend.sent == []  # only enqueued: the worker sends it
    assert task_worker.pending().count() == 1
    connection.close()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_password_reset_takes_as_long_for_an_unknown_address_as_for_an_account(settings, task_worker):
    # The link used to be sent inside the request (about 170 ms against 9 ms): the timing told who has an account.
    settings.EMAIL_BACKEND = "tests.directory.test_outbox.HalfSecondBackend"
    SlowBackend.sent = []
    user = VerifiedUserFactory()
    timings = {}
    for label, address in [("known", user.email), ("unknown", "nobody-here@example.org")] * 2:
        started = time.monotonic()
        response = Client().post("/accounts/password-reset/", {"email": address})
        timings.setdefault(label, []).append(time.monotonic() - started)
        assert response.status_code == 302
    assert SlowBackend.sent == []  # no email in the request
    known, unknown = min(timings["known"]), min(timings["unknown"])
    assert known < 0.4 and unknown < 0.4, timings  # neither waits for the (half-second) mail server
    assert abs(known - unknown) < 0.1, timings
    assert QueuedEmail.objects.filter(to=user.email).count() == 2  # the link still goes, from the worker
    connection.close()
