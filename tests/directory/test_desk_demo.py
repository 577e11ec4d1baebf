"""The demo data shows every part of the desk: proposals in every state, reports, edits waiting, emails the mail
server refused and a few months of search counters; seeding again replaces it rather than adding to it."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from blog.demo_proposals import demo_proposals
from blog.models import Proposal
from directory.desk import queue
from directory.desk.counters import SearchCount
from directory.desk.needs import unmet_needs
from providers.pending import PendingChange
from providers.reports import ListingReport

pytestmark = pytest.mark.django_db


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", "--providers", "40", *args, stdout=out)
    return out.getvalue()


def test_the_demo_fills_every_part_of_the_desk():
    summary = seed()

    assert "for the founders' desk 5 proposals, 4 reports, 2 edits waiting and 120 days of search counts" in summary
    assert set(demo_proposals().values_list("status", flat=True)) == set(Proposal.Status.values)
    accepted = demo_proposals().get(status=Proposal.Status.ACCEPTED)
    assert accepted.post is not None and accepted.events.count() == 2
    assert ListingReport.objects.open().count() == 3 and ListingReport.objects.filter(status="resolved").exists()
    assert PendingChange.objects.count() == 2
    assert all(count for count in queue.group_counts(queue.waiting_items()).values())  # every group has something
    days = SearchCount.objects.dates("day", "day")
    assert (timezone.localdate() - days.first()).days >= 90
    needs = unmet_needs(30)
    assert needs and needs[0].no_results >= 5 and any(week for _, week in needs[0].weeks)


def test_seeding_again_replaces_the_desks_demo_data_and_never_adds_counters():
    seed()
    counters = SearchCount.objects.count()
    seed("--force")
    assert demo_proposals().count() == 5
    assert ListingReport.objects.count() == 4
    assert PendingChange.objects.count() == 2
    assert SearchCount.objects.count() == counters
