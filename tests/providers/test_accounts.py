"""Provider accounts: sign up, verify, log in (rate-limited, safe `next`), reset and change, close the account."""

import re
import time
from pathlib import Path

import pytest
from django.core import signing

from providers.models import Provider
from providers.users import User
from tests.providers.factories import OwnedPublishedProviderFactory, UserFactory, VerifiedUserFactory, jpeg_upload

pytestmark = pytest.mark.django_db

PASSWORD = "a-strong-test-password"


def link_in(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0)


def path_of(url) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


class TestSignup:
    def test_sign_up_sends_a_verification_link_and_asks_to_check_the_email(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/accounts/signup/",
                {"email": "New.Person@Example.org", "password1": "gentle rivers 42", "password2": "gentle rivers 42"},
            )
        assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
        assert "Check your email" in client.get(response["Location"]).content.decode()
        user = User.objects.get()
        assert user.email == "new.person@example.org"
        assert not user.email_verified
        assert "_auth_user_id" not in client.session  # logged in only with the password, after the link
        (mail,) = mailoutbox
        assert mail.to == ["new.person@example.org"]
        assert mail.subject.startswith("Please confirm your email address")
        assert "/accounts/verify/" in link_in(mail)

    def test_an_address_already_taken_hears_about_it_by_email_whatever_its_case(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        VerifiedUserFactory(email="taken@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/accounts/signup/", {"email": "TAKEN@example.org", "password1": PASSWORD, "password2": PASSWORD}
            )
        assert response["Location"] == "/accounts/signup/sent/"  # what a new address sees (test_account_limits)
        assert User.objects.count() == 1
        (mail,) = mailoutbox
        assert mail.to == ["taken@example.org"] and "/accounts/password-reset/" in mail.body

    def test_weak_or_mismatched_passwords_keep_what_was_typed(self, client):
        html = client.post(
            "/accounts/signup/", {"email": "me@example.org", "password1": "password", "password2": "password"}
        ).content.decode()
        assert "This password is too common" in html
        assert 'value="me@example.org"' in html
        html = client.post(
            "/accounts/signup/", {"email": "me@example.org", "password1": PASSWORD, "password2": PASSWORD + "x"}
        ).content.decode()
        assert "The two passwords are not the same" in html
        assert not User.objects.exists()

    def test_bots_filling_the_honeypot_create_nothing(self, client, mailoutbox):
        data = {"email": "bot@example.org", "password1": PASSWORD, "password2": PASSWORD, "website_url": "x"}
        assert client.post("/accounts/signup/", data).status_code == 302
        assert not User.objects.exists() and mailoutbox == []

    def test_sign_up_is_rate_limited_per_address(self, client):
        for n in range(10):
            client.post(
                "/accounts/signup/", {"email": f"p{n}@example.org", "password1": PASSWORD, "password2": PASSWORD}
            )
            client.logout()
        response = client.post(
            "/accounts/signup/", {"email": "p11@example.org", "password1": PASSWORD, "password2": PASSWORD}
        )
        assert response.status_code == 429
        assert "Try again in" in response.content.decode()
        assert User.objects.count() == 10


class TestVerification:
    def test_the_link_asks_then_verifies_on_post(self, client, mailoutbox, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/accounts/signup/", {"email": "v@example.org", "password1": PASSWORD, "password2": PASSWORD})
        url = path_of(link_in(mailoutbox[0]))
        page = client.get(url)
        assert "Yes, confirm my email address" in page.content.decode()
        assert not User.objects.get().email_verified  # a mail scanner's GET changes nothing
        # The link proves the inbox, not who chose the password: logging in still takes the password.
        assert client.post(url)["Location"] == "/accounts/login/?next=/listing/"
        assert User.objects.get().email_verified
        login = client.post("/accounts/login/?next=/listing/", {"username": "v@example.org", "password": PASSWORD})
        assert login["Location"] == "/listing/"

    def test_an_expired_link_offers_a_new_one(self, client, monkeypatch, mailoutbox):
        user = UserFactory()
        real = time.time()
        monkeypatch.setattr(signing.time, "time", lambda: real - 4 * 24 * 3600)
        from providers.tokens import verification_token

        token = verification_token(user)
        monkeypatch.undo()
        client.force_login(user)
        response = client.post(f"/accounts/verify/{token}/")
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
        user.refresh_from_db()
        assert not user.email_verified
        client.post("/accounts/verify/resend/")
        assert mailoutbox[-1].to == [user.email]

    def test_a_tampered_link_does_nothing(self, client):
        user = UserFactory()
        from providers.tokens import verification_token

        token = verification_token(user)
        forged = signing.dumps({"u": user.pk + 1, "e": "x@example.org"}, salt="wrong")
        for bad in [token[:-2] + "xx", forged, "nonsense"]:
            response = client.post(f"/accounts/verify/{bad}/")
            assert response.status_code == 400
            assert "This link doesn't work" in response.content.decode()
        user.refresh_from_db()
        assert not user.email_verified

    def test_a_link_sent_to_an_earlier_address_cannot_verify_a_new_one(self, client):
        from providers.tokens import verification_token

        user = UserFactory(email="old@example.org")
        token = verification_token(user)
        User.objects.filter(pk=user.pk).update(email="new@example.org")
        assert client.post(f"/accounts/verify/{token}/").status_code == 400


class TestLogin:
    def test_providers_land_on_their_listing_and_founders_in_the_admin(self, client):
        VerifiedUserFactory(email="p@example.org")
        response = client.post("/accounts/login/", {"username": "P@example.org", "password": PASSWORD})
        assert response["Location"] == "/listing/"
        client.logout()
        VerifiedUserFactory(email="f@example.org", is_staff=True)
        assert (
            client.post("/accounts/login/", {"username": "f@example.org", "password": PASSWORD})["Location"]
            == "/admin/"
        )

    @pytest.mark.parametrize(
        ("next_url", "expected"),
        [
            ("/listing/edit/", "/listing/edit/"),
            ("https://evil.example/steal", "/listing/"),
            ("//evil.example/", "/listing/"),
            ("http://testserver.evil.example/", "/listing/"),
        ],
    )
    def test_next_never_leaves_the_site(self, client, next_url, expected):
        VerifiedUserFactory(email="p@example.org")
        data = {"username": "p@example.org", "password": PASSWORD, "next": next_url}
        assert client.post("/accounts/login/", data)["Location"] == expected

    def test_five_failures_stop_that_address_for_that_account_and_say_when_to_try_again(self, client):
        VerifiedUserFactory(email="p@example.org")
        for _ in range(4):
            response = client.post("/accounts/login/", {"username": "p@example.org", "password": "wrong"})
            assert "match an account" in response.content.decode()
        fifth = client.post("/accounts/login/", {"username": "p@example.org", "password": "wrong"})
        assert fifth.status_code == 429
        # Even the right password waits now; the message says for how long.
        locked = client.post("/accounts/login/", {"username": "P@example.org", "password": PASSWORD})
        assert locked.status_code == 429
        assert re.search(r"Try again in \d+ minutes?\.", locked.content.decode())
        assert "_auth_user_id" not in client.session
        # Another account from the same address is not affected.
        VerifiedUserFactory(email="q@example.org")
        assert client.post("/accounts/login/", {"username": "q@example.org", "password": PASSWORD}).status_code == 302

    def test_twenty_failures_from_one_address_lock_it(self, client):
        for n in range(20):
            client.post("/accounts/login/", {"username": f"guess{n}@example.org", "password": "wrong"})
        VerifiedUserFactory(email="p@example.org")
        response = client.post("/accounts/login/", {"username": "p@example.org", "password": PASSWORD})
        assert response.status_code == 429

    def test_logout_is_post_only(self, client):
        client.force_login(VerifiedUserFactory())
        assert client.get("/accounts/logout/").status_code == 405
        assert client.post("/accounts/logout/")["Location"] == "/"
        assert "_auth_user_id" not in client.session


class TestPasswordReset:
    def test_end_to_end_with_the_link_from_the_email(self, client, mailoutbox):
        user = UserFactory(email="r@example.org")
        response = client.post("/accounts/password-reset/", {"email": "R@example.org"}, follow=True)
        assert "If an account uses that address" in response.content.decode()
        (mail,) = mailoutbox
        assert mail.subject.startswith("Reset your password")
        link = path_of(link_in(mail))
        form_page = client.get(link, follow=True)
        assert "Choose a new password" in form_page.content.decode()
        set_url = form_page.redirect_chain[-1][0]
        done = client.post(set_url, {"new_password1": "calm harbour 77", "new_password2": "calm harbour 77"})
        assert done["Location"] == "/accounts/password-reset/done/"
        user.refresh_from_db()
        assert user.check_password("calm harbour 77")
        assert user.email_verified  # the link reached the inbox
        assert "doesn't work any more" in client.get(link, follow=True).content.decode()  # used once

    def test_the_link_is_on_site_url_whatever_host_the_request_named(self, client, mailoutbox, settings):
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "evil.example"]
        settings.SITE_URL = "https://directory.example"
        UserFactory(email="r@example.org")
        client.post("/accounts/password-reset/", {"email": "r@example.org"}, HTTP_HOST="evil.example")
        (mail,) = mailoutbox
        assert link_in(mail).startswith("https://directory.example/accounts/")
        assert "evil.example" not in mail.body

    def test_the_same_answer_for_an_unknown_address(self, client, mailoutbox):
        known = client.post("/accounts/password-reset/", {"email": "nobody@example.org"}, follow=True)
        assert "If an account uses that address" in known.content.decode()
        assert mailoutbox == []


class TestAccountChanges:
    def test_change_email_needs_the_password_and_a_new_verification(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        user = VerifiedUserFactory(email="old@example.org")
        client.force_login(user)
        wrong = client.post("/accounts/email/", {"email": "new@example.org", "password": "nope"})
        assert "That is not your current password" in wrong.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/accounts/email/", {"email": "New@example.org", "password": PASSWORD})
        user.refresh_from_db()
        assert (user.email, user.email_verified) == ("new@example.org", False)
        assert sorted(m.to[0] for m in mailoutbox) == ["new@example.org", "old@example.org"]

    def test_change_email_refuses_an_address_in_use(self, client):
        VerifiedUserFactory(email="other@example.org")
        client.force_login(VerifiedUserFactory())
        html = client.post("/accounts/email/", {"email": "OTHER@example.org", "password": PASSWORD}).content.decode()
        assert "Another account already uses this email address" in html

    def test_change_password(self, client):
        user = VerifiedUserFactory()
        client.force_login(user)
        data = {"old_password": PASSWORD, "new_password1": "quiet meadow 51", "new_password2": "quiet meadow 51"}
        assert client.post("/accounts/password/", data)["Location"] == "/accounts/"
        user.refresh_from_db()
        assert user.check_password("quiet meadow 51")

    def test_deleting_the_account_removes_the_listing_and_its_photo_files(
        self, client, tmp_path, django_capture_on_commit_callbacks
    ):
        listing = OwnedPublishedProviderFactory()
        listing.set_photo(jpeg_upload())
        listing.save()
        files = [Path(listing.photo.path), Path(listing.photo_small.path)]
        assert all(f.exists() for f in files)
        client.force_login(listing.owner)
        assert "Delete my account and listing" in client.get("/accounts/delete/").content.decode()
        refused = client.post("/accounts/delete/", {"password": "wrong"})
        assert "That is not your current password" in refused.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/accounts/delete/", {"password": PASSWORD})
        assert not User.objects.filter(pk=listing.owner.pk).exists()
        assert not Provider.objects.filter(pk=listing.pk).exists()
        assert client.get(f"/providers/{listing.slug}/").status_code == 404
        assert not any(f.exists() for f in files)


def test_password_reset_emails_to_one_address_are_limited(client, mailoutbox):
    UserFactory(email="r@example.org")
    for _ in range(5):
        response = client.post("/accounts/password-reset/", {"email": "r@example.org"})
        assert response["Location"] == "/accounts/password-reset/sent/"  # always the same answer
    assert len(mailoutbox) == 3


def test_the_admin_login_goes_through_the_rate_limited_form(client):
    response = client.get("/admin/login/?next=/admin/providers/provider/")
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fproviders%2Fprovider%2F"
    client.force_login(VerifiedUserFactory())
    assert client.get("/admin/login/?next=/admin/")["Location"] == "/listing/"  # no redirect loop for providers
