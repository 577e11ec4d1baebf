"""A provider reaches only their own listing: no URL or form field can point at someone else's."""

import pytest
from django.core import signing

from providers.models import Office, Provider
from providers.pending import PendingChange, office_dicts
from providers.tokens import AVAILABILITY_SALT, availability_token
from tests.providers.factories import (
    OwnedProviderFactory,
    OwnedPublishedProviderFactory,
    VerifiedUserFactory,
    jpeg_upload,
)
from tests.providers.test_listing import listing_data, office

pytestmark = pytest.mark.django_db

LISTING_URLS = [
    "/listing/",
    "/listing/edit/",
    "/listing/preview/",
    "/listing/submit/",
    "/listing/edits/withdraw/",
    "/listing/availability/",
]


@pytest.fixture
def alice():
    """A published listing with a photo and edits (and a staged photo) waiting for review."""
    listing = OwnedPublishedProviderFactory(display_name="Alice Private", headline="Alice's live headline")
    listing.set_photo(jpeg_upload())
    listing.save()
    PendingChange.stage(
        listing,
        values={"headline": "Alice's secret edit"},
        offices=office_dicts(listing.offices.all()),
        photo=jpeg_upload(color=(10, 200, 10)),
        by=listing.owner,
    )
    return Provider.objects.get(pk=listing.pk)


def alice_traces(alice):
    pending = alice.pending_change
    return [
        "Alice Private",
        "Alice&#x27;s secret edit",
        "Alice's secret edit",
        alice.contact_email,
        alice.photo.name,
        pending.photo.name,
    ]


def snapshot(alice):
    alice.refresh_from_db()
    pending = PendingChange.objects.get(provider=alice)
    offices = list(Office.objects.filter(provider=alice).values())
    return (alice.status, alice.headline, alice.accepting_new_clients, alice.photo.name, pending.data, offices)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("url", LISTING_URLS)
@pytest.mark.parametrize("bob_has_listing", [True, False], ids=["bob-with-listing", "bob-without"])
def test_another_provider_never_sees_or_changes_alices_listing(client, alice, url, method, bob_has_listing):
    bob = VerifiedUserFactory()
    if bob_has_listing:
        OwnedProviderFactory(owner=bob, display_name="Bob Own")
    client.force_login(bob)
    before = snapshot(alice)
    response = getattr(client, method)(url, {"accepting": "no"} if method == "post" else None)
    assert response.status_code in (200, 302, 404, 405)
    html = response.content.decode()
    for trace in alice_traces(alice):
        assert trace not in html
    assert snapshot(alice) == before
    if not bob_has_listing and url not in ("/listing/", "/listing/edit/"):
        assert response.status_code in (404, 405)  # nothing of his to show, and never someone else's


def test_a_forged_office_id_never_touches_another_providers_office(client, alice):
    alices_office = alice.offices.get()
    bob = VerifiedUserFactory()
    client.force_login(bob)
    data = listing_data(
        display_name="Bob Own",
        initial_offices=1,
        **office(0, id=alices_office.pk, city="Providence", state="RI", zip_code="02903", DELETE=""),
    )
    client.post("/listing/edit/", data)
    alices_office.refresh_from_db()
    assert (alices_office.city, alices_office.zip_code) == ("Cambridge", "02139")
    bobs = Provider.objects.get(owner=bob)
    assert bobs.offices.get().pk != alices_office.pk


def test_a_forged_office_id_with_delete_does_not_delete_it(client, alice):
    alices_office = alice.offices.get()
    bob_listing = OwnedProviderFactory(owner=VerifiedUserFactory())
    client.force_login(bob_listing.owner)
    data = listing_data(initial_offices=1, **office(0, id=alices_office.pk, DELETE="on"))
    client.post("/listing/edit/", data)
    assert Office.objects.filter(pk=alices_office.pk).exists()


def test_drafts_and_edits_are_not_public(client, alice):
    draft = OwnedProviderFactory()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/providers/{draft.slug}/report/").status_code == 404
    public = client.get(alice.get_absolute_url()).content.decode()
    assert "Alice&#x27;s live headline" in public
    assert "secret edit" not in public
    assert alice.pending_change.photo.name not in public


def test_availability_links_are_bound_to_one_listing(client, alice):
    bob_listing = OwnedPublishedProviderFactory(accepting_new_clients=True)
    token = availability_token(alice, False)
    # Re-pointing the link at Bob's listing breaks the signature.
    payload, _, signature = token.partition(":")
    forged = signing.dumps({"p": bob_listing.pk, "a": 0}, salt=AVAILABILITY_SALT + "x")
    for bad in [forged, token.replace(payload, payload[::-1]), token[:-3] + "abc"]:
        assert client.post(f"/listing/availability/{bad}/").status_code == 400
    bob_listing.refresh_from_db()
    assert bob_listing.accepting_new_clients is True


def test_providers_cannot_enter_the_admin(client, alice):
    client.force_login(alice.owner)
    for url in ["/admin/", f"/admin/providers/provider/{alice.pk}/change/", "/admin/providers/pendingchange/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
