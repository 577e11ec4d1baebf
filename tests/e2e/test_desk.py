"""The founders' desk in a browser: walking the review queue with JavaScript off (each decision opened, confirmed,
then the next item), and every desk page held to axe (WCAG 2.1 A/AA) for what is ours."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Proposal
from core.models import QueuedEmail
from directory.desk.counters import Results, SearchCount
from providers.enquiries import ContactMessage
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from providers.reports import ListingReport
from tests.blog.factories import ProposalFactory
from tests.e2e.conftest import PASSWORD
from tests.e2e.test_admin_accessibility import violations
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    VerifiedUserFactory,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def founder_without_js(browser, live_server):
    """A founder's browser with JavaScript off: the desk must work without it."""
    ModeratorFactory(email="founder@example.org", password=PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email address").fill("founder@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    yield page
    context.close()


def test_a_founder_walks_the_queue_without_javascript(founder_without_js, live_server):
    page = founder_without_js
    first = PendingProviderFactory(owner=VerifiedUserFactory(), display_name="Wren Halvorsen", submitted_at=ago(4))
    second = PendingProviderFactory(owner=VerifiedUserFactory(), display_name="Oona Castellanos", submitted_at=ago(3))
    idea = ProposalFactory(title="Sleep, and the lack of it")
    page.goto(live_server.url + "/admin/")

    assert "Directory founders" in page.locator("#site-name").inner_text()
    page.get_by_role("link", name="Review the oldest first").click()
    assert page.locator("h1").inner_text() == "New listing: Wren Halvorsen"
    assert "Item 1 of 3 waiting" in page.locator(".desk-position").inner_text()

    page.locator("summary", has_text="Approve").click()  # one click opens the confirmation...
    page.get_by_role("button", name="Approve and open the next").click()  # ...one confirms
    assert page.locator("h1").inner_text() == "New listing: Oona Castellanos"
    assert "Approve: Wren Halvorsen. Done." in page.locator(".messagelist").inner_text()

    page.locator("summary", has_text="Request changes").click()
    page.get_by_role("button", name="Request changes and open the next").click()  # the browser asks for the message
    assert page.locator("h1").inner_text() == "New listing: Oona Castellanos"
    page.get_by_label("What should change?").fill("Please add the states you are licensed in.")
    page.get_by_role("button", name="Request changes and open the next").click()
    assert page.locator("h1").inner_text().startswith("Blog proposal (new)")

    page.locator("summary", has_text="Decline").click()
    page.get_by_label("Message to the proposer").fill("Thank you; we have a piece on sleep coming already.")
    page.get_by_role("button", name="Decline and open the next").click()
    page.wait_for_url("**/admin/desk/")
    assert "That was the last item waiting." in page.locator(".messagelist").inner_text()
    assert "Nothing is waiting for a founder." in page.locator(".desk-lead").inner_text()

    statuses = [Provider.objects.get(pk=p.pk).status for p in (first, second)]
    assert statuses == [Provider.Status.PUBLISHED, Provider.Status.CHANGES_REQUESTED]
    assert Proposal.objects.get(pk=idea.pk).status == Proposal.Status.DECLINED


def test_the_desk_pages_have_no_violations_of_our_making(founder_page, live_server):
    new = PendingProviderFactory(owner=VerifiedUserFactory(), display_name="Sunniva Marsh", submitted_at=ago(2))
    edited = OwnedPublishedProviderFactory(display_name="Teodora Vance")
    PendingChange.stage(edited, values={"headline": "Calm support"}, offices=office_dicts(edited.offices.all()))
    report = ListingReport.objects.create(provider=edited, reason="unreachable", details="No answer.")
    idea = ProposalFactory()
    email = QueuedEmail.objects.create(to="x@example.net", subject="Hello", body="-", status="failed", attempts=9)
    message = ContactMessage.objects.create(
        provider=edited, sender_name="-", sender_email="f@example.net", body="-", status="failed", attempts=9
    )
    today = timezone.localdate()
    for back in range(0, 60, 3):
        SearchCount.objects.create(
            day=today - timedelta(days=back),
            state="WY",
            options=["type=doula"],
            results=Results.NONE,
            searches=back % 7,
        )
    pages = [
        "/admin/",
        "/admin/desk/",
        "/admin/desk/?group=report",
        f"/admin/desk/review/listing/{new.pk}/",
        f"/admin/desk/review/listing/{edited.pk}/",
        f"/admin/desk/review/report/{report.pk}/",
        f"/admin/desk/review/proposal/{idea.pk}/",
        f"/admin/desk/review/email/{email.pk}/",
        f"/admin/desk/review/contact-message/{message.pk}/",
        "/admin/desk/care-missing/",
    ]
    found = {}
    for path in pages:
        founder_page.goto(live_server.url + path)
        for summary in founder_page.locator("details.desk-decision > summary").all():
            summary.click()  # the confirmations and their message fields, open
        if problems := violations(founder_page):
            found[path] = problems
    assert not found, found
    founder_page.goto(live_server.url + "/admin/desk/care-missing/")
    assert founder_page.locator("svg[role=img]").count() == 1
