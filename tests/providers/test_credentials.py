"""Perinatal credentials: a vocabulary providers tick, founders verify one by one (when and by whom, kept and never
shown), and families see as "Verified by the directory"."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from providers.credentials import CredentialCheck
from providers.models import Provider
from providers.pending import PendingChange
from providers.taxonomy import Credential
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PublishedProviderFactory,
    VerifiedUserFactory,
    terms,
)
from tests.providers.test_listing import listing_data, office

pytestmark = pytest.mark.django_db


@pytest.fixture
def founder():
    return ModeratorFactory(email="checker@example.org")


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


def admin_post(client, listing, **changes):
    """The listing's admin page saved as a founder would, with `changes`."""
    url = reverse("admin:providers_provider_change", args=[listing.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    office_row = listing.offices.get()
    data.update(
        licensed_states=listing.licensed_states,
        **{f"offices-{k}": v for k, v in {"TOTAL_FORMS": 1, "INITIAL_FORMS": 1}.items()},
        **{f"offices-0-{k}": getattr(office_row, k) for k in ["id", "city", "state", "zip_code"]},
        **{"events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0},
        **{"plan_confirmations-TOTAL_FORMS": 0, "plan_confirmations-INITIAL_FORMS": 0},
    )
    data.update(changes)
    data = {k: v for k, v in data.items() if v not in ([], None)}
    return client.post(url, data)


def test_a_founder_verifies_a_credential_and_families_see_only_that_it_was(founder_client, founder):
    listing = PublishedProviderFactory(perinatal_credentials=terms("perinatal_credentials", "pmh-c", "ibclc"))
    pmhc, ibclc = terms("perinatal_credentials", "pmh-c", "ibclc")
    page = founder_client.get(reverse("admin:providers_provider_change", args=[listing.pk])).content.decode()
    assert "Credentials checked" in page and "PMH-C (perinatal mental health)" in page

    response = admin_post(founder_client, listing, verified_credentials=[pmhc])
    assert response.status_code == 302
    check = CredentialCheck.objects.get(provider=listing)
    assert (check.credential_id, check.verified_by) == (pmhc, founder)
    assert timezone.now() - check.verified_at < timedelta(minutes=1)
    change_page = founder_client.get(reverse("admin:providers_provider_change", args=[listing.pk])).content.decode()
    assert "PMH-C (perinatal mental health): checked" in change_page and "by checker@example.org" in change_page

    profile = Client().get(listing.get_absolute_url()).content.decode()  # a family, not logged in
    credentials = profile.split('id="credentials-heading"')[1].split("</section>")[0]
    assert credentials.count("Verified by the directory") == 1
    assert credentials.index("PMH-C") < credentials.index("Verified by the directory") < credentials.index("IBCLC")
    assert "checker@example.org" not in profile  # who checked, and when, stay private

    # Unticked: the check is withdrawn.
    admin_post(founder_client, listing, verified_credentials=[])
    assert not CredentialCheck.objects.filter(provider=listing).exists()
    assert ibclc


def test_a_second_check_keeps_the_first_date_and_founder(founder):
    listing = PublishedProviderFactory(perinatal_credentials=terms("perinatal_credentials", "cnm", "cpm"))
    cnm, cpm = terms("perinatal_credentials", "cnm", "cpm")
    listing.set_verified_credentials([cnm], by=founder)
    first = CredentialCheck.objects.get()
    CredentialCheck.objects.filter(pk=first.pk).update(verified_at=first.verified_at - timedelta(days=30))

    newly = listing.set_verified_credentials([cnm, cpm, 999], by=ModeratorFactory())  # 999: not one it holds
    assert [term.slug for term in newly] == ["cpm"]
    kept = CredentialCheck.objects.get(credential_id=cnm)
    assert (kept.verified_by, timezone.now() - kept.verified_at > timedelta(days=29)) == (founder, True)
    assert CredentialCheck.objects.count() == 2


def test_a_credential_dropped_from_the_listing_loses_its_check(founder):
    listing = PublishedProviderFactory(perinatal_credentials=terms("perinatal_credentials", "ibclc"))
    listing.set_verified_credentials(terms("perinatal_credentials", "ibclc"), by=founder)
    listing.perinatal_credentials = []
    listing.save()
    assert not CredentialCheck.objects.exists()
    listing.perinatal_credentials = terms("perinatal_credentials", "ibclc")  # listed again: to be checked anew
    listing.save()
    assert listing.credentials_with_checks[0][1] is False


def test_founders_add_credentials_families_ask_about(founder_client):
    response = founder_client.post(
        "/admin/providers/credential/add/",
        {"name": "Certified perinatal loss doula", "slug": "perinatal-loss-doula", "order": 200},
    )
    assert response.status_code == 302
    assert Credential.objects.filter(slug="perinatal-loss-doula").exists()
    search = founder_client.get("/search/").content.decode()
    assert 'name="credential" value="perinatal-loss-doula"' in search


def test_the_provider_lists_credentials_and_edits_to_a_live_listing_wait_for_review(client, founder):
    user = VerifiedUserFactory()
    client.force_login(user)
    listing = OwnedPublishedProviderFactory(owner=user)
    current = listing.offices.get()
    form = client.get("/listing/edit/").content.decode()
    assert "Perinatal credentials you hold (optional)" in form
    data = listing_data(
        initial_offices=1,
        display_name=listing.display_name,
        perinatal_credentials=terms("perinatal_credentials", "certified-birth-doula"),
        credentials="CD(DONA)",  # the free-text line stays, for letters after a name
        **office(0, id=current.pk, name=current.name, street=current.street),
    )
    assert client.post("/listing/edit/", data).status_code == 302
    listing.refresh_from_db()
    assert listing.perinatal_credentials == []  # live listing unchanged until approved
    pending = PendingChange.objects.get(provider=listing)
    row = next(r for r in pending.comparison() if r["field"] == "perinatal_credentials")
    assert (row["live"], row["proposed"]) == ("—", "Certified birth doula")

    listing.approve(by=founder, seen=Provider.objects.get(pk=listing.pk).review_version())
    listing.refresh_from_db()
    assert listing.perinatal_credentials == terms("perinatal_credentials", "certified-birth-doula")
    assert listing.credentials == "CD(DONA)"
