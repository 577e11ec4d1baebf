"""Insurance plans that can be trusted: named plans (each state's Medicaid programme by its own name) that founders
can extend, each accepted plan with its own "confirmed N days ago", re-confirmed in one POST from "My listing" or
with the availability reminder's link, and edited through the listing form (as a pending change once live)."""

import re
from datetime import timedelta

import pytest
from django.test import TestCase
from django.utils import timezone

from providers.models import Provider, ProviderPlan
from providers.pending import PendingChange
from providers.reminders import send_availability_reminders
from providers.taxonomy import InsurancePlan, vocabulary
from tests.clock import days_ago
from tests.providers.factories import (
    ModeratorFactory,
    OwnedPublishedProviderFactory,
    PublishedProviderFactory,
    VerifiedUserFactory,
    terms,
)
from tests.providers.test_listing import listing_data, office

pytestmark = pytest.mark.django_db


def confirmed(listing):
    return {
        row.plan.slug: row.confirmed_at for row in ProviderPlan.objects.filter(provider=listing).select_related("plan")
    }


def set_confirmed(listing, slug, when):
    ProviderPlan.objects.filter(provider=listing, plan__slug=slug).update(confirmed_at=when)


def test_national_plans_and_every_states_medicaid_programme_are_named():
    plans = {plan.slug: plan for plan in vocabulary().terms["plans"]}
    for slug in ("aetna", "bcbs", "cigna", "united", "kaiser", "tricare"):
        assert slug in plans
    assert plans["united"].name == "UnitedHealthcare / Optum"
    assert (plans["medicaid-ma"].name, plans["medicaid-ma"].state) == ("MassHealth", "MA")
    assert plans["medicaid-ca"].name == "Medi-Cal"
    assert len([plan for plan in plans.values() if plan.state]) == 52  # 50 states, DC and Puerto Rico
    assert not {"aetna", "kaiser"} & {term.slug for term in vocabulary().terms["payments"]}


def test_a_plan_stated_is_confirmed_then_and_keeps_its_date_until_dropped():
    listing = PublishedProviderFactory(plans=terms("plans", "aetna", "medicaid-ma"))
    dates = confirmed(listing)
    assert set(dates) == {"aetna", "medicaid-ma"}
    assert all(timezone.now() - when < timedelta(minutes=1) for when in dates.values())

    set_confirmed(listing, "aetna", days_ago(40))
    listing.plans = terms("plans", "aetna", "cigna")
    listing.save()
    dates = confirmed(listing)
    assert set(dates) == {"aetna", "cigna"}  # MassHealth dropped with its date
    assert timezone.now() - dates["aetna"] > timedelta(days=39)  # kept: not re-confirmed by an unrelated save
    assert timezone.now() - dates["cigna"] < timedelta(minutes=1)


def payment_slugs(listing):
    listing.refresh_from_db()
    return [term.slug for term in vocabulary().named("payments", listing.payments)]


def test_naming_a_plan_offers_its_way_to_pay_once():
    listing = PublishedProviderFactory(
        payments=terms("payments", "self-pay", "medicaid"),
        plans=terms("plans", "aetna", "cigna", "medicaid-ma", "tricare"),
    )
    slugs = payment_slugs(listing)
    assert {"self-pay", "private-insurance", "medicaid", "tricare"} == set(slugs)
    assert len(slugs) == len(set(slugs))  # Aetna and Cigna add private insurance once; Medicaid was there


def test_a_way_to_pay_stands_without_a_named_plan_and_stays_when_its_plan_goes():
    listing = PublishedProviderFactory(payments=terms("payments", "private-insurance"), plans=[])
    assert payment_slugs(listing) == ["private-insurance"]
    listing.plans = terms("plans", "tricare")
    listing.save(update_fields=["plans"])  # the way to pay is saved with the plans
    assert set(payment_slugs(listing)) == {"private-insurance", "tricare"}
    listing.plans = []
    listing.save()
    assert set(payment_slugs(listing)) == {"private-insurance", "tricare"}


def test_a_plan_a_founder_gave_no_way_to_pay_adds_none():
    plan = InsurancePlan.objects.create(name="Harbor Community Health Plan", slug="harbor-community", order=200)
    listing = PublishedProviderFactory(payments=terms("payments", "self-pay"), plans=[plan.pk])
    assert payment_slugs(listing) == ["self-pay"]


def test_families_filtering_by_private_insurance_find_a_listing_that_only_named_aetna(client):
    named = PublishedProviderFactory(display_name="Priya Aetna-Only", payments=[], plans=terms("plans", "aetna"))
    PublishedProviderFactory(display_name="Sam Self-Pay", payments=terms("payments", "self-pay"), plans=[])
    html = client.get("/search/", {"payment": "private-insurance"}).content.decode()
    assert named.display_name in html and "Sam Self-Pay" not in html


def test_founders_see_and_filter_plans_by_the_way_to_pay_they_are(client):
    client.force_login(ModeratorFactory())
    changelist = client.get("/admin/providers/insuranceplan/").content.decode()
    ways = re.search(r"By way to pay.*?</ul>", changelist, re.S).group(0)
    assert all(name in ways for name in ("Private insurance", "Medicaid", "TRICARE")) and "Self-pay" not in ways
    tricare = terms("payments", "tricare")[0]
    only = client.get("/admin/providers/insuranceplan/", {"way_to_pay__id__exact": tricare}).content.decode()
    assert "1 insurance plan" in only and ">TRICARE</a>" in only


def card_payment_line(html):
    return re.sub(r"\s+", " ", re.search(r'<p class="result-payment">(.*?)</p>', html, re.S).group(1))


def test_a_way_to_pay_a_plan_stands_for_is_left_to_the_plan_unless_the_family_filtered_by_it(client):
    listing = PublishedProviderFactory(payments=terms("payments", "self-pay"), plans=terms("plans", "tricare"))
    profile = client.get(listing.get_absolute_url())
    assert [term.slug for term in profile.context["payment_methods"]] == ["self-pay"]
    assert "TRICARE" in [plan.name for plan in profile.context["insurance_plans"]]

    assert card_payment_line(client.get("/search/").content.decode()).startswith("Self-pay · ")
    filtered = client.get("/search/", {"payment": "tricare"}).content.decode()
    assert card_payment_line(filtered).startswith("TRICARE · Self-pay")  # why it matched, first


def test_a_founder_can_add_a_plan_in_the_admin_and_providers_can_choose_it(client):
    client.force_login(ModeratorFactory())
    response = client.post(
        "/admin/providers/insuranceplan/add/",
        {"name": "Harbor Community Health Plan", "slug": "harbor-community", "description": "", "state": "ME",
         "order": "200", "name_es": "", "description_es": ""},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    assert InsurancePlan.objects.get(slug="harbor-community").state == "ME"
    assert "Harbor Community Health Plan" in [plan.name for plan in vocabulary().terms["plans"]]
    listing = PublishedProviderFactory(plans=terms("plans", "harbor-community"))
    assert [plan.name for plan in listing.accepted_plans] == ["Harbor Community Health Plan"]


def test_the_profile_shows_each_plan_with_its_own_age(client):
    listing = PublishedProviderFactory(plans=terms("plans", "aetna", "tricare", "medicaid-ma"))
    set_confirmed(listing, "aetna", days_ago(3))
    set_confirmed(listing, "medicaid-ma", days_ago(200))
    html = client.get(listing.get_absolute_url()).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Aetna confirmed 3 days ago" in text
    assert "TRICARE confirmed today" in text
    assert "MassHealth not confirmed lately: last 200 days ago" in text
    assert text.index("Aetna") < text.index("TRICARE") < text.index("MassHealth")  # the vocabulary's order


def test_the_profile_reads_plans_in_one_query(client, django_assert_max_num_queries):
    listing = PublishedProviderFactory(plans=terms("plans", "aetna", "cigna", "tricare", "medicaid-ma"))
    vocabulary()
    client.get(listing.get_absolute_url())  # warm the per-connection settings
    with django_assert_max_num_queries(6) as captured:
        client.get(listing.get_absolute_url())
    assert sum("providers_providerplan" in query["sql"] for query in captured.captured_queries) == 1


@pytest.fixture
def provider_client(client):
    client.user = VerifiedUserFactory()
    client.force_login(client.user)
    return client


def test_the_provider_reconfirms_every_plan_in_one_post(provider_client):
    listing = OwnedPublishedProviderFactory(owner=provider_client.user, plans=terms("plans", "aetna", "cigna"))
    for slug in ("aetna", "cigna"):
        set_confirmed(listing, slug, days_ago(90))
    dashboard = provider_client.get("/listing/").content.decode()
    assert "Insurance plans" in dashboard and "confirmed 90 days ago" in dashboard
    assert provider_client.get("/listing/plans/confirm/").status_code == 405  # only a POST changes anything

    response = provider_client.post("/listing/plans/confirm/", follow=True)
    assert "Families now see your 2 insurance plans confirmed today" in response.content.decode()
    assert all(timezone.now() - when < timedelta(minutes=1) for when in confirmed(listing).values())


def test_confirming_plans_needs_the_providers_own_login(client):
    response = client.post("/listing/plans/confirm/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_reminder_asks_about_plans_and_its_link_confirms_them_with_the_availability(client, mailoutbox):
    listing = OwnedPublishedProviderFactory(availability_confirmed_at=days_ago(80), plans=terms("plans", "medicaid-ma"))
    set_confirmed(listing, "medicaid-ma", days_ago(80))
    with TestCase.captureOnCommitCallbacks(execute=True):
        send_availability_reminders()
    (mail,) = mailoutbox
    assert "- MassHealth (confirmed 80 days ago)" in mail.body
    yes = re.sub(r"^https?://[^/]+", "", re.findall(r"https?://\S+/availability/\S+/", mail.body)[0])

    page = client.get(yes).content.decode()
    assert 'name="confirm_plans" value="1" checked' in page and "still right: MassHealth" in page
    assert timezone.now() - confirmed(listing)["medicaid-ma"] > timedelta(days=79)  # a GET changes nothing

    done = client.post(yes, {"confirm_plans": "1"}).content.decode()
    assert "insurance plan is confirmed as of today too" in done
    assert timezone.now() - confirmed(listing)["medicaid-ma"] < timedelta(minutes=1)


def test_unticking_the_plans_on_the_link_page_confirms_only_the_availability(client):
    from providers.tokens import availability_token

    listing = OwnedPublishedProviderFactory(availability_confirmed_at=days_ago(80), plans=terms("plans", "aetna"))
    set_confirmed(listing, "aetna", days_ago(80))
    client.post(f"/listing/availability/{availability_token(listing, True)}/")
    listing.refresh_from_db()
    assert timezone.now() - listing.availability_confirmed_at < timedelta(minutes=1)
    assert timezone.now() - confirmed(listing)["aetna"] > timedelta(days=79)


def test_plans_added_to_a_live_listing_wait_for_review_then_count_as_confirmed(provider_client):
    listing = OwnedPublishedProviderFactory(owner=provider_client.user, plans=terms("plans", "aetna"))
    set_confirmed(listing, "aetna", days_ago(30))
    current = listing.offices.get()
    data = listing_data(
        initial_offices=1,
        display_name=listing.display_name,
        headline=listing.headline,
        **office(0, id=current.pk, name=current.name, street=current.street),
        plans=terms("plans", "aetna", "medicaid-ma"),
    )
    assert provider_client.post("/listing/edit/", data).status_code == 302
    assert set(confirmed(listing)) == {"aetna"}  # the live listing is unchanged
    pending = PendingChange.objects.get(provider=listing)
    row = next(row for row in pending.comparison() if row["field"] == "plans")
    assert (row["live"], row["proposed"]) == ("Aetna", "Aetna, MassHealth")
    preview = provider_client.get("/listing/preview/").content.decode()
    assert "MassHealth" in preview and "added, waiting for review" in preview

    listing.approve(by=ModeratorFactory())
    dates = confirmed(listing)
    assert timezone.now() - dates["aetna"] > timedelta(days=29)
    assert timezone.now() - dates["medicaid-ma"] < timedelta(minutes=1)


def plan_choices(html):
    """The listing form's plans: (names shown, names folded away, the fold's opening tag)."""
    fieldset = re.search(r"<legend>Insurance plans.*?</fieldset>", html, re.S).group(0)
    shown, _, folded = fieldset.partition("<details")
    fold = re.search(r"<details[^>]*>", fieldset).group(0)
    return re.findall(r"<span>([^<]+)</span>", shown), re.findall(r"<span>([^<]+)</span>", folded), fold


def test_the_form_shows_the_listings_own_states_programmes_and_folds_the_other_states(provider_client):
    OwnedPublishedProviderFactory(owner=provider_client.user, licensed_states=["RI"], plans=[])  # office in MA
    shown, folded, fold = plan_choices(provider_client.get("/listing/edit/").content.decode())
    assert {"Aetna", "TRICARE", "MassHealth", "Rhode Island Medicaid"} <= set(shown)
    assert "Medi-Cal" not in shown and {"Medi-Cal", "Texas Medicaid"} <= set(folded)
    assert len(shown) + len(folded) == len(vocabulary().terms["plans"])
    assert " open" not in fold


def test_the_fold_is_open_when_another_states_programme_is_ticked(provider_client):
    OwnedPublishedProviderFactory(owner=provider_client.user, plans=terms("plans", "medicaid-ca"))
    shown, folded, fold = plan_choices(provider_client.get("/listing/edit/").content.decode())
    assert "Medi-Cal" in folded and " open" in fold


def test_an_unknown_plan_id_in_the_form_is_refused_not_a_500(provider_client):
    response = provider_client.post("/listing/edit/", listing_data(plans=["999", "not-a-number"]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Provider.objects.filter(owner=provider_client.user).exists()


def test_the_admin_shows_each_plans_confirmation(client):
    client.force_login(ModeratorFactory())
    listing = PublishedProviderFactory(plans=terms("plans", "cigna"))
    html = client.get(f"/admin/providers/provider/{listing.pk}/change/").content.decode()
    assert "Insurance plans, last confirmed" in html and "Cigna" in html
