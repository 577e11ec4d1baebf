"""Demo data for the founders' desk, so every part of it can be shown: blog proposals in every state
(blog.demo_proposals), open and resolved reports and edits waiting on published demo listings, two emails the mail
server refused, and four months of search counters. Called by `seed_demo` after the listings are loaded.

Everything here hangs off demo rows (demo listings, example.org addresses), so seeding again replaces it, except
the counters: they carry no marker, so they are added only to a database that has none (never mixed into real ones).
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from blog.demo_proposals import seed_demo_proposals
from core.models import QueuedEmail
from directory.desk.counters import Results, SearchCount
from providers.demo.loading import DEMO_EMAIL_REGEX, demo_providers
from providers.enquiries import ContactMessage
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from providers.reports import ListingReport

COUNTER_DAYS = 120

# (days ago, reason, what the visitor wrote, resolved days ago or None, founders' note)
REPORTS = [
    (1, "unreachable", "I left two voicemails over a week and heard nothing back.", None, ""),
    (4, "not_accepting", "Their office said they have a waitlist until spring.", None, ""),
    (9, "outdated", "The office moved across town; the address here is the old one.", None, ""),
    (30, "outdated", "The phone number goes to a different practice.", 27, "The provider corrected the number."),
]

# Edits waiting on published demo listings: (listing index, days ago, changed fields).
EDITS = [
    (0, 2, {"headline": "Unhurried support for birth trauma, in person and by video"}),
    (1, 5, {"free_consultation": True, "trainings": "PSI perinatal mood disorders training (2-day)\nEMDR basic"}),
]

# The searches that find nothing (state, options, typical searches a day with none found, with a few found).
NEEDS = [
    ("WY", ["format=telehealth", "type=psychiatric-prescriber", "payment=medicaid"], 0.8, 0.1),
    ("MT", ["type=doula", "payment=medicaid"], 0.6, 0.2),
    ("ND", ["type=pelvic-floor-pt"], 0.5, 0.0),
    ("TX", ["type=therapist", "language=es", "payment=medicaid"], 0.7, 0.9),
    ("NM", ["format=home-visits", "type=midwife"], 0.35, 0.1),
    ("AK", ["format=telehealth", "type=lactation-consultant"], 0.3, 0.2),
    ("MS", ["concern=perinatal-ocd", "type=psychiatric-prescriber"], 0.25, 0.05),
    ("WV", ["concern=stillbirth-infant-loss", "type=support-group"], 0.2, 0.0),
    ("ME", ["concern=nicu", "accepting=1"], 0.12, 0.1),
    ("", ["type=doula", "language=ht"], 0.1, 0.0),
]
# Searches that find plenty, the everyday ones: (state, options, searches a day).
FOUND = [
    ("MA", ["type=therapist"], 6),
    ("NY", ["concern=postpartum-depression"], 5),
    ("CA", ["format=telehealth"], 8),
    ("", [], 12),
]


@transaction.atomic
def seed_demo_desk(seed: int = 1, now=None) -> dict[str, int]:
    now = now or timezone.now()
    published = list(demo_providers().filter(status=Provider.Status.PUBLISHED).select_related("owner").order_by("pk"))
    return {
        "proposals": seed_demo_proposals(now),
        "reports": _reports(published[10:], now),
        "edits": _edits(published, now),
        "undelivered": _undelivered(published, now),
        "counter_days": _counters(random.Random(seed), now),
    }


def _reports(listings, now) -> int:
    made = 0
    for listing, (days, reason, details, resolved, note) in zip(listings, REPORTS, strict=False):
        ListingReport.objects.create(
            provider=listing, reason=reason, details=details, created_at=now - timedelta(days=days),
            status=ListingReport.Status.RESOLVED if resolved else ListingReport.Status.OPEN,
            resolved_at=now - timedelta(days=resolved) if resolved else None, resolution_note=note,
        )  # fmt: skip
        made += 1
    return made


def _edits(listings, now) -> int:
    made = 0
    for index, days, values in EDITS:
        if index >= len(listings):
            continue
        listing = listings[index]
        if PendingChange.stage(listing, values=values, offices=office_dicts(listing.offices.all()), by=listing.owner):
            PendingChange.objects.filter(provider=listing).update(updated_at=now - timedelta(days=days))
            listing.events.filter(action="edits_submitted").update(created_at=now - timedelta(days=days))
            made += 1
    return made


def _undelivered(listings, now) -> int:
    """One site email and one family's message the mail server refused (metadata only is ever shown)."""
    if len(listings) < 2:
        return 0
    QueuedEmail.objects.filter(to__regex=DEMO_EMAIL_REGEX).delete()
    address = listings[-1].owner.email if listings[-1].owner_id else listings[-1].contact_email
    email = QueuedEmail.objects.create(
        to=address, subject="Are you still taking new clients?", body="(demo)", status=QueuedEmail.Status.FAILED,
        attempts=75, last_attempt_at=now - timedelta(hours=3), next_attempt_at=None,
        last_error="SMTPRecipientsRefused: 550 5.1.1 mailbox unavailable",
    )  # fmt: skip
    message = ContactMessage.objects.create(
        provider=listings[-2], sender_name="(demo)", sender_email="family@example.org", body="(demo)",
        status=ContactMessage.Status.QUEUED, attempts=2, last_attempt_at=now - timedelta(minutes=20),
        next_attempt_at=now + timedelta(minutes=10), last_error="ConnectionRefusedError: [Errno 111]",
    )  # fmt: skip
    # created_at is set on saving; these two were written a while ago.
    QueuedEmail.objects.filter(pk=email.pk).update(created_at=now - timedelta(days=3))
    ContactMessage.objects.filter(pk=message.pk).update(created_at=now - timedelta(hours=1))
    return 2


def _counters(rng: random.Random, now) -> int:
    if SearchCount.objects.exists():
        return 0  # never mixed into counters a site has gathered
    today = timezone.localdate(now)
    rows = []
    for back in range(COUNTER_DAYS):
        day = today - timedelta(days=back)
        growth = 1 + (COUNTER_DAYS - back) / COUNTER_DAYS  # needs grow over the months, as a directory becomes known
        for state, options, none_a_day, few_a_day in NEEDS:
            for bucket, rate in ((Results.NONE, none_a_day), (Results.FEW, few_a_day)):
                searches = _poisson(rng, rate * growth)
                if searches:
                    rows.append(SearchCount(day=day, state=state, options=options, results=bucket, searches=searches))
        for state, options, a_day in FOUND:
            searches = _poisson(rng, a_day)
            if searches:
                rows.append(
                    SearchCount(day=day, state=state, options=options, results=Results.ENOUGH, searches=searches)
                )
    SearchCount.objects.bulk_create(rows)
    return COUNTER_DAYS


def _poisson(rng: random.Random, rate: float) -> int:
    """A day's count around `rate` (Knuth's method; rates here are small)."""
    limit, count, product = pow(2.718281828459045, -rate), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
