"""Approving applies exactly the version the founder saw: a listing changed while a founder reviews it is never
published unseen; the approval stops, the history records it beside the provider's change, the founder looks again."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from providers.events import ListingEvent, TransitionNotAllowed
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db

S = Provider.Status
STOPPED = ListingEvent.Action.APPROVAL_STOPPED


def stage_headline(listing, headline):
    offices = office_dicts(listing.offices.all())
    return PendingChange.stage(listing, values={"headline": headline}, offices=offices, by=listing.owner)


def later(listing):
    # Saves land in the same microsecond in a fast test: move the clock on as a real review would.
    Provider.objects.filter(pk=listing.pk).update(updated_at=timezone.now() + timedelta(seconds=5))


def test_edits_changed_while_the_founder_read_them_are_not_applied():
    founder = ModeratorFactory()
    listing = OwnedPublishedProviderFactory(headline="The live headline")
    stage_headline(listing, "What the founder read")
    seen = Provider.objects.get(pk=listing.pk).review_version()

    PendingChange.objects.filter(provider=listing).update(updated_at=timezone.now() + timedelta(seconds=5))
    PendingChange.objects.filter(provider=listing).update(data={"headline": "Changed after opening"})
    with pytest.raises(TransitionNotAllowed, match="changed since you opened it"):
        listing.approve(by=founder, seen=seen)

    listing.refresh_from_db()
    assert listing.headline == "The live headline"
    assert PendingChange.objects.filter(provider=listing).exists()  # still waiting, for a second look
    assert listing.events.filter(action=STOPPED, actor=founder).count() == 1
    assert listing.events.filter(action=ListingEvent.Action.EDITS_SUBMITTED).exists()  # the provider's change


def test_a_new_listing_edited_during_review_is_not_published_until_seen_again():
    founder = ModeratorFactory()
    listing = PendingProviderFactory(owner=VerifiedUserFactory())
    seen = listing.review_version()
    later(listing)
    with pytest.raises(TransitionNotAllowed):
        listing.approve(by=founder, seen=seen)
    assert Provider.objects.get(pk=listing.pk).status == S.PENDING

    listing.refresh_from_db()
    listing.approve(by=founder, seen=listing.review_version())  # looked again: approved
    assert listing.status == S.PUBLISHED


def test_the_version_seen_is_approved_as_it_was():
    founder = ModeratorFactory()
    listing = OwnedPublishedProviderFactory()
    stage_headline(listing, "Reviewed and fine")
    listing.approve(by=founder, seen=Provider.objects.get(pk=listing.pk).review_version())
    listing.refresh_from_db()
    assert listing.headline == "Reviewed and fine"
    assert not listing.events.filter(action=STOPPED).exists()


def test_in_the_admin_approve_carries_the_version_from_the_listing_page(client):
    founder = ModeratorFactory()
    client.force_login(founder)
    listing = PendingProviderFactory(owner=VerifiedUserFactory())
    page = client.get(reverse("admin:providers_provider_change", args=[listing.pk])).content.decode()
    approve = reverse("admin:providers_provider_moderate", args=[listing.pk, "approve"])
    seen = listing.review_version()
    assert f'{approve}?seen={seen}"' in page
    confirm = client.get(approve, {"seen": seen}).content.decode()
    assert f'name="seen" value="{seen}"' in confirm

    later(listing)  # the provider saves a change meanwhile
    response = client.post(approve, {"seen": seen}, follow=True)
    assert "changed since you opened it" in response.content.decode()
    assert Provider.objects.get(pk=listing.pk).status == S.PENDING
    assert listing.events.filter(action=STOPPED).exists()
