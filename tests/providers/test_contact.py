"""The private contact form: a family's message reaches the provider by email, and nothing of it stays with us."""

import re
from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core.cache import caches
from django.core.mail.backends.base import BaseEmailBackend
from django.test import TestCase
from django.utils import timezone
from django.utils.html import escape
from django_tasks_db.models import DBTaskResult

from core.outbox import RETRY_FOR
from providers.enquiries import ContactMessage
from providers.forms import ContactForm
from providers.models import Provider
from tests.providers.factories import FounderFactory, OwnedProviderFactory, PublishedProviderFactory

pytestmark = pytest.mark.django_db

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
MESSAGE = {
    "name": "Jamie",
    "email": "jamie.parent@example.org",
    "phone": "617-555-0142",
    "message": "Hello, I had a hard birth in March and I'm looking for someone to talk to. Evenings suit me best.",
}


class BrokenBackend(BaseEmailBackend):
    """An email server that is down."""

    def send_messages(self, messages):
        raise SMTPException("Connection refused")


@pytest.fixture
def provider():
    return PublishedProviderFactory(display_name="Dana Whitfield", contact_email="dana.private@example.net")


def contact_url(provider):
    return f"/providers/{provider.slug}/contact/"


def post(client, provider, **changes):
    return client.post(contact_url(provider), {**MESSAGE, **changes})


def test_the_profile_offers_the_form_with_visible_labels_and_says_what_happens(client, provider):
    html = client.get(provider.get_absolute_url()).content.decode()
    for label in ["Your name", "Your email", "Phone (optional)", "Message"]:
        assert f">{label}</label>" in html, label
    assert f'action="{contact_url(provider)}"' in html
    assert (
        "Your message goes to Dana Whitfield by email; they reply to you directly. "
        "We delete our copy once it is delivered." in html
    )
    assert '<div class="hp-field" aria-hidden="true">' in html


def test_a_preview_rendered_first_leaves_every_profile_its_contact_fields(client, provider):
    for cache in caches.all():  # as in a fresh server process
        cache.clear()
    draft = OwnedProviderFactory()
    client.force_login(draft.owner)
    assert client.get("/listing/preview/").status_code == 200
    client.logout()
    html = client.get(provider.get_absolute_url()).content.decode()
    for field in ["name", "email", "message"]:
        assert f'name="{field}"' in html, field


def test_the_form_has_its_own_page_too(client, provider):
    response = client.get(contact_url(provider))
    assert response.status_code == 200
    assert "Write to Dana Whitfield" in response.content.decode()


def test_a_message_is_stored_then_emailed_after_commit(
    client, provider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = post(client, provider)
    assert response.status_code == 302
    assert response["Location"] == f"/providers/{provider.slug}/contact/sent/"
    stored = ContactMessage.objects.get()
    assert (stored.provider, stored.sender_name, stored.sender_email) == (provider, "Jamie", "jamie.parent@example.org")
    assert stored.sender_phone == "617-555-0142"
    assert stored.status == ContactMessage.Status.QUEUED
    assert mailoutbox == []  # nothing leaves before the transaction commits

    for callback in callbacks:
        callback()
    [email] = mailoutbox
    assert email.to == ["dana.private@example.net"]
    assert email.reply_to == ["Jamie <jamie.parent@example.org>"]
    assert "Jamie" in email.subject
    assert MESSAGE["message"] in email.body
    assert "617-555-0142" in email.body


def test_once_delivered_everything_the_family_wrote_is_purged(
    client, provider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, provider)
    assert len(mailoutbox) == 1
    message = ContactMessage.objects.get()
    assert message.status == ContactMessage.Status.SENT
    assert message.sent_at is not None
    assert (message.sender_name, message.sender_email, message.sender_phone, message.body) == ("", "", "", "")


def test_a_name_with_a_comma_stays_one_reply_address(client, provider, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, provider, name="Smith, Jamie")
    assert mailoutbox[0].reply_to == ['"Smith, Jamie" <jamie.parent@example.org>']


def test_the_confirmation_page_says_what_happens_next_and_repeats_the_crisis_lines(client, provider):
    response = post(client, provider)
    html = client.get(response["Location"]).content.decode()
    assert "Your message is on its way to Dana Whitfield" in html
    assert "usually reply within a few days" in html
    assert "spam" in html
    assert "other ways to find support" in html
    callout = html[html.index('class="crisis-callout"') :]
    for number in ["988", "1-833-852-6262", "1-800-944-4773", "911"]:
        assert number in callout.split("</section>")[0], number
    assert "dana.private@example.net" not in html


def test_the_search_the_family_came_from_survives_the_round_trip(client, provider):
    back = "?back=near%3D02139%26concern%3Dbirth-trauma"
    response = client.post(contact_url(provider) + back, MESSAGE)
    assert response["Location"] == f"/providers/{provider.slug}/contact/sent/{back}"
    html = client.get(response["Location"]).content.decode()
    assert '<a href="/search/?near=02139&amp;concern=birth-trauma">Go back to your results</a>' in html


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"name": "", "email": "", "message": ""}, "Please tell us your name"),
        ({"name": "   "}, "Please tell us your name"),
        ({"email": ""}, "Please enter your email address so the provider can reply."),
        ({"email": "jamie-at-example"}, "Please enter an email address like name@example.com"),
        ({"message": ""}, "Please write a short message."),
        ({"message": "x" * 5001}, "Please shorten your message to 5,000 characters or fewer (it has 5001)."),
        ({"message": "x" * 10_500}, "Please shorten your message to 5,000 characters or fewer (it has 10500)."),
        ({"name": "Jamie\r\nBcc: everyone@example.org"}, "Please write your name on one line."),
        ({"phone": "call me maybe"}, "Please enter a phone number using digits"),
        ({"phone": "12"}, "This phone number looks too short"),
        ({"message": "null \x00 byte"}, "Null characters are not allowed."),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(client, provider, mailoutbox, changes, error):
    response = post(client, provider, **changes)
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert "Please check" in html and "Everything you typed is still here." in html
    assert ContactMessage.objects.count() == 0
    assert "dana.private@example.net" not in html
    kept = {**MESSAGE, **changes}
    if "\x00" not in kept["message"] and len(kept["message"]) < 200:
        assert escape(kept["message"]) in html
    if kept["email"]:
        assert f'value="{kept["email"]}"' in html
    assert mailoutbox == []


def test_a_request_body_over_the_upload_limit_is_a_bad_request_not_an_error(client, provider, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024
    response = post(client, provider, message="x" * 20 * 1024)
    assert response.status_code == 400
    assert ContactMessage.objects.count() == 0


@pytest.mark.parametrize("status", [s for s in Provider.Status.values if s != Provider.Status.PUBLISHED])
def test_no_messages_to_unpublished_listings(client, status):
    provider = PublishedProviderFactory(status=status)
    assert post(client, provider).status_code == 404
    assert client.get(contact_url(provider)).status_code == 404
    assert client.get(contact_url(provider) + "sent/").status_code == 404
    assert ContactMessage.objects.count() == 0


def test_a_bot_that_fills_the_honeypot_sees_success_but_nothing_is_stored(
    client, provider, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, provider, website_url="https://cheap-pills.example/")
    assert response.status_code == 302
    assert response["Location"].endswith("/contact/sent/")
    assert ContactMessage.objects.count() == 0
    assert mailoutbox == []


def test_the_sixth_message_in_an_hour_is_refused_kindly(client, provider):
    for _ in range(5):
        assert post(client, provider).status_code == 302
    response = post(client, provider, message="My sixth note, please keep it")
    html = response.content.decode()
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please wait a little before sending another message" in html
    assert "please send it again in about" in html
    assert "My sixth note, please keep it" in html  # nothing they typed is lost
    assert ContactMessage.objects.count() == 5


def test_corrections_do_not_use_up_the_limit(client, provider):
    for _ in range(6):
        assert post(client, provider, email="not-an-email").status_code == 200
    assert post(client, provider).status_code == 302


def test_the_limit_is_per_connection(client, provider):
    for _ in range(5):
        post(client, provider)
    assert post(client, provider).status_code == 429
    assert client.post(contact_url(provider), MESSAGE, REMOTE_ADDR="203.0.113.9").status_code == 302


def committed(client, provider, **data):
    """Posts the form, running what waits for the request's commit (enqueueing the message's delivery)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(contact_url(provider), {**MESSAGE, **data})


def fall_due():
    """The retry the worker waits for is due now (as if its pause had passed)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_failed_send_is_retried_with_growing_pauses_for_days_and_delivered_when_the_server_returns(
    client, provider, settings, mailoutbox, task_worker
):
    settings.EMAIL_BACKEND = "tests.providers.test_contact.BrokenBackend"
    assert committed(client, provider).status_code == 302  # the family is not troubled: their message is safe with us
    pauses = []
    for _ in range(12):  # more than the 8 tries after which messages used to be given up silently
        assert task_worker.run() == 1
        queued = ContactMessage.objects.get()
        pauses.append(round((queued.next_attempt_at - queued.last_attempt_at).total_seconds() / 60))
        assert task_worker.pending().get().run_after == queued.next_attempt_at  # exactly one try waiting
        fall_due()
    assert pauses == [1, 5, 15, 30] + [60] * 8
    assert (queued.status, queued.attempts, queued.body) == (ContactMessage.Status.QUEUED, 12, MESSAGE["message"])
    assert "Connection refused" in queued.last_error

    # Still tried near the end of the third day; then the mail server comes back.
    ContactMessage.objects.update(created_at=timezone.now() - RETRY_FOR + timedelta(hours=1))
    assert task_worker.run() == 1
    fall_due()
    assert ContactMessage.objects.get().status == ContactMessage.Status.QUEUED
    settings.EMAIL_BACKEND = LOCMEM
    assert task_worker.run() == 1
    [email] = mailoutbox
    assert email.to == ["dana.private@example.net"]
    delivered = ContactMessage.objects.get()
    assert delivered.status == ContactMessage.Status.SENT
    assert (delivered.sender_name, delivered.sender_email, delivered.sender_phone, delivered.body) == ("", "", "", "")
    assert not task_worker.pending().exists()


def test_after_three_days_a_message_gives_up_founders_see_it_without_its_text_and_can_retry_it(
    client, provider, settings, mailoutbox, task_worker
):
    settings.EMAIL_BACKEND = "tests.providers.test_contact.BrokenBackend"
    committed(client, provider)
    task_worker.run()
    ContactMessage.objects.update(created_at=timezone.now() - RETRY_FOR)
    fall_due()
    task_worker.run()
    message = ContactMessage.objects.get()
    assert (message.status, message.attempts) == (ContactMessage.Status.FAILED, 2)
    assert not task_worker.pending().exists()

    client.force_login(FounderFactory())
    listing = client.get("/admin/providers/contactmessage/?status__exact=failed").content.decode()
    assert "Gave up" in listing and "Connection refused" in listing and provider.display_name in listing
    page = client.get(f"/admin/providers/contactmessage/{message.pk}/change/").content.decode()
    for private in ["Jamie", "jamie.parent@example.org", "617-555-0142", "hard birth"]:
        assert private not in listing + page

    settings.EMAIL_BACKEND = LOCMEM
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            "/admin/providers/contactmessage/", {"action": "retry_now", "_selected_action": [message.pk]}, follow=True
        )
    assert "Asked the worker to send 1 now." in response.content.decode()
    assert ContactMessage.objects.get().status == ContactMessage.Status.QUEUED
    task_worker.run()
    assert [m.to for m in mailoutbox] == [["dana.private@example.net"]]
    assert ContactMessage.objects.get().status == ContactMessage.Status.SENT


def test_a_form_sent_twice_delivers_one_message(client, provider, mailoutbox, task_worker):
    token = ContactForm().initial["token"]
    for _ in range(2):  # a double click, or a resend after a timeout
        assert committed(client, provider, token=token).status_code == 302
    assert ContactMessage.objects.count() == 1
    task_worker.run()
    committed(client, provider, token=token)  # and again, after delivery
    task_worker.run()
    assert ContactMessage.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_different_message_from_the_same_page_is_delivered_too(client, provider, mailoutbox, task_worker):
    token = ContactForm().initial["token"]
    committed(client, provider, token=token)
    committed(client, provider, token=token, message="One more thing: evenings only.")
    task_worker.run()
    assert len(mailoutbox) == 2


def test_the_profile_and_the_form_page_carry_a_fresh_token(client, provider):
    tokens = [
        re.search(r'name="token" value="([^"]+)"', client.get(url).content.decode()).group(1)
        for url in [f"/providers/{provider.slug}/", contact_url(provider), contact_url(provider)]
    ]
    assert len(set(tokens)) == 3


class _Output:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
