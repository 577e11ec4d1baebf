"""The founders' weekly digest: what waits (and the oldest), listings gone stale, the week's unmet needs; queued
through the outbox for every active founder, and for nobody else."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.models import QueuedEmail
from directory.desk.counters import Results, SearchCount
from providers.reports import ListingReport
from tests.blog.factories import ProposalFactory
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    UserFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def week():
    """A week with two new listings (the oldest waiting 9 days), a report, a proposal, two stale listings and needs."""
    PendingProviderFactory(owner=VerifiedUserFactory(), display_name="Imani Oldest", submitted_at=ago(9))
    PendingProviderFactory(owner=VerifiedUserFactory(), submitted_at=ago(2))
    ListingReport.objects.create(provider=OwnedPublishedProviderFactory(), reason="unreachable")
    ProposalFactory(title="Rest after a loss")
    OwnedPublishedProviderFactory(display_name="Quiet Since Spring", availability_confirmed_at=ago(200))
    OwnedPublishedProviderFactory(display_name="Never Confirmed", availability_confirmed_at=None)
    OwnedPublishedProviderFactory(display_name="Fresh Listing", availability_confirmed_at=ago(3))
    today = timezone.localdate()
    SearchCount.objects.create(day=today, state="WY", options=["type=doula"], results=Results.NONE, searches=12)
    SearchCount.objects.create(day=today, state="VT", options=["type=midwife"], results=Results.NONE, searches=2)
    SearchCount.objects.create(
        day=today - timedelta(days=20), state="ID", options=[], results=Results.NONE, searches=40
    )


def test_the_digest_goes_to_every_active_founder_through_the_outbox(week):
    ModeratorFactory(email="ada@example.org"), ModeratorFactory(email="grace@example.org")
    ModeratorFactory(email="gone@example.org", is_active=False)
    UserFactory(email="staff@example.org", is_staff=True)  # staff, not a founder
    out = io.StringIO()
    call_command("send_founders_digest", stdout=out)
    assert "Queued the weekly digest for 2 founders." in out.getvalue()
    assert sorted(QueuedEmail.objects.values_list("to", flat=True)) == ["ada@example.org", "grace@example.org"]


def test_the_digest_lists_the_right_items(week):
    ModeratorFactory(email="ada@example.org")
    call_command("send_founders_digest", stdout=io.StringIO())
    email = QueuedEmail.objects.get()
    body = email.body
    assert email.subject.startswith("4 items waiting for review")
    for line in ("- 2 new listings", "- 1 open report", "- 1 blog proposal"):
        assert line in body
    assert "The oldest: New listing, Imani Oldest, waiting 9 days." in body
    assert "/admin/desk/review/listing/" in body
    assert "2 published listings with availability not confirmed" in body
    assert body.index("- Never Confirmed: never confirmed") < body.index("- Quiet Since Spring: last confirmed")
    assert "Fresh Listing" not in body
    assert "in Wyoming: 12 searches with no results" in body
    assert "in Vermont: fewer than 5 searches with no results" in body
    assert "Idaho" not in body  # three weeks ago: not this week's


def test_a_quiet_week_says_so(db):
    ModeratorFactory(email="ada@example.org")
    out = io.StringIO()
    call_command("send_founders_digest", "--dry-run", stdout=out)
    text = out.getvalue()
    assert text.startswith("Subject: Nothing waiting for review")
    assert "Nothing is waiting for review." in text and "No search found nothing this week." in text
    assert not QueuedEmail.objects.exists()  # a dry run sends nothing
