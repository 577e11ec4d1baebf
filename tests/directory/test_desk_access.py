"""The desk is the founders' alone: other staff and providers are refused (403) on every one of its addresses, and
someone not signed in is asked to log in."""

import pytest
from django.urls import reverse

from providers.models import Provider
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    UserFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_urls():
    listing = PendingProviderFactory(owner=VerifiedUserFactory())
    return [
        reverse("desk:queue"),
        reverse("desk:start"),
        reverse("desk:review", args=["listing", listing.pk]),
        reverse("desk:care_missing"),
        reverse("desk:care_missing_csv"),
    ]


def test_a_founder_opens_every_desk_page(client, desk_urls):
    client.force_login(ModeratorFactory())
    for url in desk_urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(lambda: UserFactory(is_staff=True), id="staff who is not a founder"),
        pytest.param(lambda: OwnedPublishedProviderFactory().owner, id="a provider"),
    ],
)
def test_everyone_else_signed_in_is_refused_on_every_desk_url(client, desk_urls, who):
    client.force_login(who())
    for url in desk_urls:
        assert client.get(url).status_code == 403, url
    listing = Provider.objects.get(status=Provider.Status.PENDING)
    response = client.post(desk_urls[2], {"decision": "approve"})
    assert response.status_code == 403
    listing.refresh_from_db()
    assert listing.status == Provider.Status.PENDING


def test_someone_not_signed_in_is_asked_to_log_in(client, desk_urls):
    for url in desk_urls:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_the_desk_is_never_cached(client, desk_urls):
    client.force_login(ModeratorFactory())
    assert "no-cache" in client.get(desk_urls[0])["Cache-Control"]
