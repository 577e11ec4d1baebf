"""The public proposal form: clear errors, nothing typed lost, spam kept out without third parties."""

import re
from datetime import timedelta

import pytest

from blog.models import Proposal, ProposalEvent

pytestmark = pytest.mark.django_db

URL = "/blog/propose/"


@pytest.fixture
def data():
    return {
        "name": "Sam Rivera",
        "email": "sam@example.org",
        "credentials": "PMH-C",
        "website": "https://example.org/sam",
        "listing": "https://directory.example/providers/sam-rivera/",
        "title": "Finding calm in the fourth trimester",
        "summary": "Practical, gentle ideas for the weeks after birth.",
        "why_it_matters": "Families often feel alone in those weeks.",
        "confirm_values": "on",
        "website_url": "",
    }


def test_the_form_page_explains_and_shows_every_field(client):
    html = client.get(URL).content.decode()
    assert "Propose a guest article" in html
    for name in ["name", "email", "credentials", "website", "listing", "title", "summary", "why_it_matters"]:
        assert f'name="{name}"' in html
    assert "safety, inclusion, transparency, collaboration, empowerment and support" in html
    assert '<div class="hp-field" aria-hidden="true">' in html


def test_a_valid_proposal_is_stored_and_redirects_to_a_confirmation(
    client, data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == "/blog/propose/thanks/"
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.NEW
    assert proposal.title == data["title"] and proposal.email == data["email"]
    assert proposal.confirmed_values
    assert proposal.listing == data["listing"]
    event = ProposalEvent.objects.get()
    assert (event.from_status, event.to_status, event.actor) == ("", "new", None)
    confirmation = client.get(response["Location"]).content.decode()
    assert "What happens next" in confirmation


def test_the_proposer_gets_an_acknowledgement_email_after_commit(
    client, data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(URL, data)
        assert mailoutbox == []  # nothing is sent before the proposal is safely stored
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["sam@example.org"]
    assert email.subject == "We received your article idea"
    assert "Dear Sam," in email.body and "What happens next" in email.body
    assert "&quot;" not in email.body and "&#x27;" not in email.body


def test_the_acknowledgement_echoes_nothing_the_sender_typed_but_a_first_name(
    client, data, mailoutbox, django_capture_on_commit_callbacks
):
    # The form takes any address: whatever it mails there must not carry a stranger's words (spam, phishing links).
    data.update(
        name="Win https://evil.example now",
        title="Claim your prize at https://evil.example",
        summary="Call 555-0100 to claim",
        credentials="https://evil.example/cred",
        listing="https://evil.example/listing",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data)
    email = mailoutbox[0]
    assert email.subject == "We received your article idea"
    assert "Dear Win," in email.body
    for typed in ["evil.example", "prize", "555-0100", "https"]:
        assert typed not in email.subject + email.body


def test_a_first_name_that_is_not_a_name_is_not_echoed(client, data, mailoutbox, django_capture_on_commit_callbacks):
    data["name"] = "https://evil.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data)
    assert "evil" not in mailoutbox[0].body
    assert "Hello," in mailoutbox[0].body


def test_one_address_is_acknowledged_at_most_three_times_a_day_and_every_proposal_is_kept(
    client, data, mailoutbox, django_capture_on_commit_callbacks
):
    for number in range(5):
        data["title"] = f"Proposal {number}"
        data["email"] = "Sam@Example.org" if number % 2 else "sam@example.org"  # one address, any case
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(URL, data, REMOTE_ADDR=f"203.0.113.{number + 1}").status_code == 302
    assert Proposal.objects.count() == 5
    assert len(mailoutbox) == 3
    Proposal.objects.update(created_at=Proposal.objects.first().created_at - timedelta(days=1, minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, data, REMOTE_ADDR="203.0.113.99")
    assert len(mailoutbox) == 4  # a day later, acknowledged again


def test_optional_fields_may_be_left_empty(client, data):
    for name in ["credentials", "website", "listing"]:
        data[name] = ""
    assert client.post(URL, data).status_code == 302
    assert Proposal.objects.count() == 1


def test_a_website_without_a_scheme_is_understood(client, data):
    data["website"] = "example.org/sam"
    client.post(URL, data)
    assert Proposal.objects.get().website == "https://example.org/sam"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Please tell us your name."),
        ("email", "", "Please give an email address so we can reply."),
        ("email", "not-an-email", "Please check the email address"),
        ("website", "not a web address", "Please enter a web address"),
        ("title", "", "Please give your article a working title."),
        ("summary", "", "Please summarise what the article would say."),
        ("why_it_matters", "", "Please tell us why this would matter to families."),
    ],
)
def test_each_invalid_field_gets_a_clear_error_and_keeps_what_was_typed(client, data, field, value, message):
    data[field] = value
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    assert "Finding calm in the fourth trimester" in html or field == "title"
    assert "Families often feel alone in those weeks." in html or field == "why_it_matters"
    assert Proposal.objects.count() == 0


def test_a_summary_of_300_words_is_accepted(client, data):
    data["summary"] = " ".join(["word"] * 300)
    assert client.post(URL, data).status_code == 302


def test_a_summary_of_301_words_is_refused_with_the_count(client, data):
    data["summary"] = " ".join(["word"] * 301)
    html = client.post(URL, data).content.decode()
    assert "Your summary is 301 words long; please shorten it to 300 words or fewer." in html
    assert data["summary"] in html
    assert Proposal.objects.count() == 0


def test_very_long_text_is_refused_with_a_clear_limit(client, data):
    data["why_it_matters"] = "x" * 3001
    html = client.post(URL, data).content.decode()
    assert "Please keep this under 3000 characters (it has 3001)." in html
    assert Proposal.objects.count() == 0


def test_the_originality_and_values_confirmation_is_required(client, data):
    del data["confirm_values"]
    html = client.post(URL, data).content.decode()
    assert "Please confirm that the piece is original and shares the directory&#x27;s values." in html
    assert Proposal.objects.count() == 0


def test_a_filled_honeypot_pretends_success_but_stores_and_sends_nothing(
    client, data, mailoutbox, django_capture_on_commit_callbacks
):
    data["website_url"] = "http://spam.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    assert response.status_code == 302 and response["Location"] == "/blog/propose/thanks/"
    assert Proposal.objects.count() == 0
    assert mailoutbox == []


def test_more_than_five_proposals_an_hour_from_one_address_are_refused_with_429_keeping_the_text(client, data):
    for number in range(5):
        data["title"] = f"Proposal {number}"
        assert client.post(URL, data, REMOTE_ADDR="203.0.113.9").status_code == 302
    data["title"] = "The sixth proposal"
    response = client.post(URL, data, REMOTE_ADDR="203.0.113.9")
    html = response.content.decode()
    assert response.status_code == 429
    assert "we accept a few proposals per hour" in html
    assert "Nothing you typed has been lost" in html
    assert 'value="The sixth proposal"' in html
    assert "Families often feel alone in those weeks." in html
    assert re.search(r'<input type="checkbox" name="confirm_values"[^>]* checked>', html)
    assert Proposal.objects.count() == 5
    # Someone else is not affected.
    assert client.post(URL, data, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_invalid_submissions_do_not_use_up_the_rate_limit(client, data):
    for _ in range(6):
        client.post(URL, {**data, "email": ""}, REMOTE_ADDR="203.0.113.9")
    assert client.post(URL, data, REMOTE_ADDR="203.0.113.9").status_code == 302


def test_the_confirmation_page_says_what_happens_next(client):
    html = client.get("/blog/propose/thanks/").content.decode()
    assert "What happens next" in html and "confirmation email" in html
