"""“Report a problem with this listing”: anonymous, honeypot, rate-limited, queued for founders to resolve."""

import pytest
from django.urls import reverse

from providers.reports import ListingReport
from tests.providers.factories import ModeratorFactory, OwnedProviderFactory, PublishedProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing():
    return PublishedProviderFactory(display_name="Dana Whitfield")


def test_a_family_reports_a_problem(client, listing):
    url = f"/providers/{listing.slug}/report/"
    page = client.get(url).content.decode()
    assert "Report a problem with this listing" in page
    assert "I couldn&#x27;t reach them" in page
    response = client.post(url, {"reason": "unreachable", "details": "Called three times, no answer."})
    assert response["Location"] == f"/providers/{listing.slug}/report/thanks/"
    report = ListingReport.objects.get()
    assert (report.provider, report.reason, report.status) == (listing, "unreachable", "open")
    assert "Thank you for telling us" in client.get(response["Location"]).content.decode()


def test_a_reason_is_required_and_details_are_kept(client, listing):
    html = client.post(f"/providers/{listing.slug}/report/", {"details": "Some words"}).content.decode()
    assert "Please choose the option closest to what happened." in html
    assert "Some words" in html
    assert not ListingReport.objects.exists()


def test_bots_are_thanked_and_ignored(client, listing):
    data = {"reason": "other", "website_url": "http://spam.example"}
    assert client.post(f"/providers/{listing.slug}/report/", data).status_code == 302
    assert not ListingReport.objects.exists()


def test_reports_are_rate_limited_per_address(client, listing):
    for _ in range(5):
        client.post(f"/providers/{listing.slug}/report/", {"reason": "outdated"})
    response = client.post(f"/providers/{listing.slug}/report/", {"reason": "outdated"})
    assert response.status_code == 429
    assert "Please try again in" in response.content.decode()
    assert ListingReport.objects.count() == 5


def test_unpublished_listings_cannot_be_reported(client):
    assert client.get(f"/providers/{OwnedProviderFactory().slug}/report/").status_code == 404


def test_founders_see_open_reports_first_and_resolve_them(client, listing):
    resolved = ListingReport.objects.create(provider=listing, reason="other", status="resolved")
    first = ListingReport.objects.create(provider=listing, reason="outdated", details="Wrong phone number")
    founder = ModeratorFactory()
    client.force_login(founder)
    changelist = reverse("admin:providers_listingreport_changelist")
    shown = list(client.get(changelist).context["cl"].result_list)
    assert shown == [first, resolved]
    client.post(changelist, {"action": "resolve_reports", "_selected_action": [first.pk, resolved.pk]})
    first.refresh_from_db()
    assert (first.status, first.resolved_by) == ("resolved", founder)
    assert first.resolved_at is not None
    assert ListingReport.objects.open().count() == 0


def test_the_profile_links_to_the_report_form(client, listing):
    html = client.get(listing.get_absolute_url()).content.decode()
    assert f'href="/providers/{listing.slug}/report/"' in html
