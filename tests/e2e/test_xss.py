"""Everything people type is shown as text: script payloads in every user-supplied field never run.

The browser context bypasses the Content-Security-Policy (see conftest), so these tests prove the escaping itself,
not just the CSP behind it.
"""

import pytest
from django.test import Client

from providers.pending import PendingChange, office_dicts
from tests.providers.factories import FounderFactory, PublishedProviderFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAYLOAD = '<script>window.__xss=1;alert(1)</script><img src=x onerror="window.__xss=1;alert(1)">'


@pytest.fixture
def watched(page):
    """The page, failing the test if any dialog opens or the payload's marker gets set."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert not dialogs, f"a script ran: {dialogs}"


def assert_inert(page):
    assert page.evaluate("window.__xss === undefined"), "an injected script ran"
    assert page.locator("img[src='x']").count() == 0, "an injected element was parsed as HTML"


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_listing_text_is_inert_on_the_profile_in_search_and_in_the_admin(watched, live_server):
    provider = PublishedProviderFactory(
        display_name="Jordan " + PAYLOAD[:40],
        pronouns=PAYLOAD[:40],
        credentials=PAYLOAD[:120],
        headline=PAYLOAD[:160],
        bio=PAYLOAD,
        approach=PAYLOAD,
        trainings=PAYLOAD,
    )
    PendingChange.stage(
        provider,
        values={"headline": PAYLOAD[:160], "bio": "New " + PAYLOAD},
        offices=office_dicts(provider.offices.all()),
    )
    for path in (provider.get_absolute_url(), "/search/?q=Jordan", "/search/?near=02139"):
        watched.goto(live_server.url + path)
        assert "Jordan" in watched.content()
        assert_inert(watched)

    log_in(watched, live_server, FounderFactory())
    watched.goto(live_server.url + f"/admin/providers/provider/{provider.pk}/change/")
    assert watched.get_by_text("New <script>").count() >= 1  # the pending comparison shows the text as text
    assert_inert(watched)


def test_what_families_type_is_inert_when_forms_come_back_with_errors(watched, live_server):
    provider = PublishedProviderFactory()
    base = live_server.url

    watched.goto(base + "/search/?q=" + PAYLOAD + "&near=" + PAYLOAD)
    assert_inert(watched)

    watched.goto(base + provider.get_absolute_url())
    watched.get_by_label("Your name").fill(PAYLOAD[:100])
    watched.get_by_label("Your email").fill("not-an-email")
    watched.get_by_role("textbox", name="Message").fill(PAYLOAD)
    watched.locator("form[action$='/contact/'] button[type=submit]").click()
    watched.wait_for_load_state()
    assert watched.get_by_role("textbox", name="Message").input_value() == PAYLOAD  # kept, as text
    assert_inert(watched)

    watched.goto(base + f"/providers/{provider.slug}/report/")
    watched.locator("textarea").first.fill(PAYLOAD)
    watched.locator("form button[type=submit]").last.click()
    watched.wait_for_load_state()
    assert_inert(watched)

    watched.goto(base + "/blog/propose/")
    watched.get_by_label("Your name").fill(PAYLOAD[:100])
    watched.get_by_label("Proposed title").fill(PAYLOAD[:200])
    watched.locator("form button[type=submit]").last.click()  # the values confirmation is missing: errors
    watched.wait_for_load_state()
    assert watched.get_by_label("Proposed title").input_value() == PAYLOAD[:200]
    assert_inert(watched)


def test_what_a_provider_types_is_inert_in_their_own_listing_form_and_preview(watched, live_server):
    provider = PublishedProviderFactory()
    log_in(watched, live_server, provider.owner or _give_owner(provider))
    watched.goto(live_server.url + "/listing/edit/")
    watched.get_by_label("Headline").fill(PAYLOAD[:160])
    watched.get_by_label("A short bio").fill(PAYLOAD)
    watched.locator(".save-bar button[type=submit]").click()
    watched.wait_for_load_state()
    assert_inert(watched)
    watched.goto(live_server.url + "/listing/preview/")
    assert_inert(watched)


def _give_owner(provider):
    from tests.providers.factories import VerifiedUserFactory

    provider.owner = VerifiedUserFactory()
    provider.save()
    return provider.owner
