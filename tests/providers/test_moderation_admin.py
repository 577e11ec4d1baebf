"""Moderation in the Django admin: the queue, the actions (bulk and single), the Founders group, createfounder."""

import io

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.urls import reverse

from providers.founders import FOUNDERS_GROUP, founder_codenames
from providers.models import Provider
from providers.pending import PendingChange, office_dicts
from providers.reports import ListingReport
from providers.users import User
from tests.providers.factories import (
    ModeratorFactory,
    OfficeFactory,
    OwnedProviderFactory,
    OwnedPublishedProviderFactory,
    PendingProviderFactory,
    VerifiedUserFactory,
    terms,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/providers/provider/"


@pytest.fixture
def founder():
    return ModeratorFactory()


@pytest.fixture
def founder_client(client, founder):
    client.force_login(founder)
    return client


def pending(**kwargs):
    return PendingProviderFactory(owner=VerifiedUserFactory(), **kwargs)


def with_edits(headline="Proposed headline", **kwargs):
    listing = OwnedPublishedProviderFactory(**kwargs)
    PendingChange.stage(
        listing, values={"headline": headline}, offices=office_dicts(listing.offices.all()), by=listing.owner
    )
    return listing


def messages_of(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


class TestQueue:
    def test_the_admin_index_shows_what_waits(self, founder_client):
        pending(), pending()
        with_edits()
        ListingReport.objects.create(provider=OwnedPublishedProviderFactory(), reason="outdated")
        html = founder_client.get("/admin/").content.decode()
        assert "Waiting for review" in html
        assert "<strong>2</strong> new listings" in html
        assert "<strong>1</strong> published listing with edits" in html
        assert "<strong>1</strong> open report" in html

    def test_the_list_shows_the_moderation_columns_in_few_queries(self, founder_client, django_assert_max_num_queries):
        for _ in range(8):
            pending(license_number="LIC-1", license_state="MA")
        for _ in range(4):
            with_edits()
        with django_assert_max_num_queries(14):
            response = founder_client.get(CHANGELIST)
        html = response.content.decode()
        assert response.status_code == 200
        assert html.count("LIC-1") == 8
        assert "waiting since" in html.lower()
        assert "edits waiting" in html

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("status__exact=pending", {"Pending One"}),
            ("edits=yes", {"Edited One"}),
            ("availability=stale", {"Stale One"}),
            ("state=NY", {"New York One"}),
            ("type=doula", {"Doula One"}),
            ("q=Doula", {"Doula One"}),
        ],
    )
    def test_filters_and_search(self, founder_client, query, expected):
        pending(display_name="Pending One")
        with_edits(display_name="Edited One")
        OwnedPublishedProviderFactory(display_name="Stale One", availability_confirmed_at=None)
        OwnedPublishedProviderFactory(display_name="New York One", office__zip_code="10001")
        OwnedPublishedProviderFactory(display_name="Doula One", types=terms("types", "doula"))
        response = founder_client.get(f"{CHANGELIST}?{query}")
        shown = {p.display_name for p in response.context["cl"].result_list}
        assert shown == expected


class TestActions:
    def test_bulk_approve_publishes_what_it_can_and_warns_about_the_rest(
        self, founder_client, mailoutbox, django_capture_on_commit_callbacks
    ):
        a, b = pending(), pending()
        draft = OwnedProviderFactory(display_name="Still A Draft")
        data = {"action": "approve", "_selected_action": [a.pk, b.pk, draft.pk]}
        with django_capture_on_commit_callbacks(execute=True):
            response = founder_client.post(CHANGELIST, data, follow=True)
        assert response.status_code == 200
        assert Provider.objects.published().count() == 2
        assert ("success", "2 listings approved (published, or their edits applied).") in messages_of(response)
        warnings = [text for level, text in messages_of(response) if level == "warning"]
        assert len(warnings) == 1 and "Still A Draft" in warnings[0]
        assert len(mailoutbox) == 2

    def test_request_changes_asks_for_the_message_first(self, founder_client, mailoutbox):
        listing = pending()
        data = {"action": "request_changes", "_selected_action": [listing.pk]}
        page = founder_client.post(CHANGELIST, data)
        assert page.status_code == 200
        assert "What should change?" in page.content.decode()
        listing.refresh_from_db()
        assert listing.status == "pending"

        empty = founder_client.post(CHANGELIST, {**data, "apply": "1", "note": ""})
        assert "Please write a message" in empty.content.decode()
        listing.refresh_from_db()
        assert listing.status == "pending"

        done = founder_client.post(CHANGELIST, {**data, "apply": "1", "note": "Please add your fees."}, follow=True)
        listing.refresh_from_db()
        assert listing.status == "changes_requested"
        assert listing.status_note() == "Please add your fees."
        assert ("success", "Changes requested on 1 listing.") in messages_of(done)

    def test_single_actions_from_the_listing_page(self, founder_client, founder):
        listing = pending(license_number="123", license_state="MA")
        change_page = founder_client.get(reverse("admin:providers_provider_change", args=[listing.pk]))
        html = change_page.content.decode()
        for label in ["Approve", "Request changes…", "Reject…", "Mark license verified"]:
            assert label in html
        moderate = reverse("admin:providers_provider_moderate", args=[listing.pk, "reject"])
        assert "Reason" in founder_client.get(moderate).content.decode()  # GET only asks
        listing.refresh_from_db()
        assert listing.status == "pending"
        founder_client.post(moderate, {"note": "Not perinatal care."})
        listing.refresh_from_db()
        assert listing.status == "rejected"
        assert listing.events.get().actor == founder

    def test_a_refused_single_action_is_a_warning_not_an_error(self, founder_client):
        listing = OwnedProviderFactory()
        url = reverse("admin:providers_provider_moderate", args=[listing.pk, "approve"])
        response = founder_client.post(url, follow=True)
        assert response.status_code == 200
        assert [level for level, _ in messages_of(response)] == ["warning"]
        assert (
            founder_client.post(reverse("admin:providers_provider_moderate", args=[listing.pk, "nope"])).status_code
            == 404
        )

    def test_the_listing_page_compares_edits_field_by_field_and_shows_the_history(self, founder_client):
        listing = with_edits(headline="A kinder headline")
        html = founder_client.get(reverse("admin:providers_provider_change", args=[listing.pk])).content.decode()
        assert "Live now" in html and "Proposed" in html
        assert "Warm, steady support through pregnancy" in html  # live
        assert "A kinder headline" in html  # proposed
        assert "Edits sent for review" in html  # history

    def test_a_founders_direct_edit_is_recorded(self, founder_client, founder):
        listing = OwnedPublishedProviderFactory()
        url = reverse("admin:providers_provider_change", args=[listing.pk])
        form = founder_client.get(url).context["adminform"].form
        data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
        data.update(
            headline="Fixed a typo",
            types=listing.types,
            licensed_states=listing.licensed_states,
            **{f"offices-{k}": v for k, v in {"TOTAL_FORMS": 1, "INITIAL_FORMS": 1}.items()},
            **{f"offices-0-{k}": getattr(listing.offices.get(), k) for k in ["id", "city", "state", "zip_code"]},
            **{"events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0},
            **{"plan_confirmations-TOTAL_FORMS": 0, "plan_confirmations-INITIAL_FORMS": 0},
        )
        data = {k: v for k, v in data.items() if v not in ([], None)}
        founder_client.post(url, data)
        listing.refresh_from_db()
        assert listing.headline == "Fixed a typo"
        event = listing.events.get()
        assert (event.action, event.actor) == ("edited_in_admin", founder)
        assert "headline" in event.note


class TestFounders:
    def test_the_group_has_exactly_the_moderation_permissions(self):
        group = Group.objects.get(name=FOUNDERS_GROUP)
        held = set(group.permissions.values_list("content_type__app_label", "codename"))
        assert held == founder_codenames()
        assert ("providers", "change_provider") in held
        assert ("providers", "view_user") in held and ("providers", "change_user") not in held
        assert ("blog", "add_post") in held
        assert not any(codename.startswith("delete_") for _, codename in held)

    def test_createfounder_from_the_environment(self, monkeypatch):
        monkeypatch.setenv("FOUNDER_PASSWORD", "a long and kind passphrase")
        call_command("createfounder", "Ada@Example.org")
        user = User.objects.get(email="ada@example.org")
        assert user.is_staff and not user.is_superuser
        assert user.check_password("a long and kind passphrase")
        assert list(user.groups.values_list("name", flat=True)) == [FOUNDERS_GROUP]
        assert user.has_perm("providers.change_provider")
        assert not user.has_perm("providers.delete_provider")

    def test_createfounder_prompts_twice_and_validates(self, monkeypatch):
        monkeypatch.delenv("FOUNDER_PASSWORD", raising=False)
        answers = iter(
            [
                "short",
                "short",
                "a long and kind passphrase",
                "a different one entirely",
                "ok passphrase 42!",
                "ok passphrase 42!",
            ]
        )
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
        call_command("createfounder", "grace@example.org")
        assert User.objects.get(email="grace@example.org").check_password("ok passphrase 42!")

    def test_createfounder_refuses_weak_passwords_and_existing_accounts(self, monkeypatch):
        monkeypatch.setenv("FOUNDER_PASSWORD", "password")
        with pytest.raises(CommandError, match="too common|too short"):
            call_command("createfounder", "weak@example.org")
        assert not User.objects.filter(email="weak@example.org").exists()
        VerifiedUserFactory(email="taken@example.org")
        monkeypatch.setenv("FOUNDER_PASSWORD", "a long and kind passphrase")
        with pytest.raises(CommandError, match="already an account"):
            call_command("createfounder", "TAKEN@example.org")

    def test_the_demo_founder_is_staff_in_the_founders_group_never_a_superuser(self, settings):
        settings.DEBUG = True
        call_command("ensure_demo_founder", stdout=io.StringIO())
        user = User.objects.get(email="founder@example.org")
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [FOUNDERS_GROUP]
        assert user.check_password("demo-founder-password")
        assert user.has_perm("providers.change_provider") and not user.has_perm("providers.delete_provider")

    def test_an_existing_demo_founder_that_is_a_superuser_is_made_a_plain_founder(self, settings):
        settings.DEBUG = True
        User.objects.create_superuser("founder@example.org", "demo-founder-password")
        call_command("ensure_demo_founder", stdout=io.StringIO())
        call_command("ensure_demo_founder", stdout=io.StringIO())  # and again: nothing more to do
        user = User.objects.get(email="founder@example.org")
        assert user.is_staff and not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == [FOUNDERS_GROUP]

    def test_a_founder_sees_no_delete_action(self, founder_client):
        OfficeFactory()
        response = founder_client.get(CHANGELIST)
        actions = [name for name, _ in response.context["action_form"].fields["action"].choices]
        assert "delete_selected" not in actions
        assert {"approve", "request_changes", "reject", "suspend", "reinstate", "mark_license_verified"} <= set(actions)
