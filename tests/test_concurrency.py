"""Under concurrent writes nothing is lost and nothing is half-written."""

import threading

import pytest
from django.db import connection
from django.test import Client

from providers.enquiries import ContactMessage
from providers.models import Provider
from tests.providers.factories import PublishedProviderFactory

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def run_concurrently(count, work):
    """Runs work(i) in `count` threads released at the same moment; each thread has its own DB connection."""
    barrier = threading.Barrier(count)
    errors = []

    def runner(i):
        try:
            barrier.wait(timeout=30)
            work(i)
        except Exception as error:  # collected and re-raised in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def test_twenty_simultaneous_contact_messages_are_each_stored_and_delivered_exactly_once(mailoutbox, settings):
    provider = PublishedProviderFactory()
    statuses = {}

    def send(i):
        # Each family writes from its own address (the rate limit is per IP).
        response = Client(REMOTE_ADDR=f"10.1.0.{i + 1}").post(
            f"/providers/{provider.slug}/contact/",
            {"name": f"Parent {i}", "email": f"parent{i}@example.org", "message": f"Message number {i}"},
        )
        statuses[i] = response.status_code

    run_concurrently(20, send)

    assert sorted(statuses.values()) == [302] * 20
    assert ContactMessage.objects.filter(provider=provider).count() == 20
    assert ContactMessage.objects.filter(status=ContactMessage.Status.SENT).count() == 20
    # Every message delivered once, none twice.
    bodies = sorted(m.body for m in mailoutbox)
    assert len(bodies) == 20
    assert len({next(line for line in b.splitlines() if "Message number" in line) for b in bodies}) == 20


def test_twenty_simultaneous_edits_leave_one_whole_edit_not_a_mixture():
    provider = PublishedProviderFactory(headline="Original", bio="Original bio", fee_min=100, fee_max=150)

    def edit(i):
        listing = Provider.objects.get(pk=provider.pk)
        listing.headline = f"Headline {i}"
        listing.bio = f"Bio {i}"
        listing.fee_min, listing.fee_max = 100 + i, 200 + i
        listing.save()

    run_concurrently(20, edit)

    provider.refresh_from_db()
    winner = int(provider.headline.split()[-1])
    # The last save wins as a whole: every field comes from the same edit.
    assert provider.bio == f"Bio {winner}"
    assert (provider.fee_min, provider.fee_max) == (100 + winner, 200 + winner)
    assert f"'{winner}'" in provider.search_document  # the search document was rebuilt from the winner
