"""Limits on accounts that never lock the owner out, and sign-up that tells nobody who has an account.

Login failures stop the address that makes them; guessing one account from many addresses only means that account
logs in through an emailed link for a while. Sign-up answers the same for every address. Current-password checks
(email change, password change, closing the account) are limited too.
"""

import re

import pytest

from providers.users import User, normalize_login
from tests.providers.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-strong-test-password"
# Emails may leave only once the request's work commits: django_capture_on_commit_callbacks sends them in tests.
ATTACKER, OWNER = "203.0.113.7", "198.51.100.20"


def link_in(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0)


def path_of(url) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def log_in(client, username, password, ip):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


class TestLoginLimits:
    def test_the_login_finds_the_account_and_counts_it_under_one_form_of_the_address(self):
        assert normalize_login(" ＰＲＯＶＩＤＥＲ2@Example.org ") == "provider2@example.org"
        user = VerifiedUserFactory(email="provider2@example.org")
        assert User.objects.get_by_natural_key("ｐrovider2@EXAMPLE.org") == user

    def test_full_width_and_case_variants_share_one_limit(self, client):
        VerifiedUserFactory(email="provider2@example.org")
        variants = ["ｐrovider2@example.org", "PROVIDER2@example.org", "Provider2@Example.org", "provider2@example.org"]
        for variant in variants:
            assert "match an account" in log_in(client, variant, "wrong", ATTACKER).content.decode()
        assert log_in(client, "ＰＲＯＶＩＤＥＲ2@example.org", "wrong", ATTACKER).status_code == 429
        assert log_in(client, "provider2@example.org", PASSWORD, ATTACKER).status_code == 429

    def test_the_owner_logs_in_from_another_address_while_the_guessing_one_waits(self, client):
        VerifiedUserFactory(email="p@example.org")
        for _ in range(5):
            log_in(client, "p@example.org", "wrong", ATTACKER)
        stopped = log_in(client, "p@example.org", PASSWORD, ATTACKER)
        assert stopped.status_code == 429
        assert re.search(r"Try again in \d+ minutes?\.", stopped.content.decode())
        assert log_in(client, "P@example.org", PASSWORD, OWNER)["Location"] == "/listing/"

    def test_guessing_from_many_addresses_asks_for_an_emailed_link_never_locks_the_owner(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        VerifiedUserFactory(email="p@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(12):
                log_in(client, "p@example.org", f"guess {n}", f"192.0.2.{n}")
            # From a fresh address, a wrong and a right password get the same answer, and no password is checked.
            wrong = log_in(client, "p@example.org", "guess again", "192.0.2.200")
            right = log_in(client, "p@example.org", PASSWORD, OWNER)
        for response in (wrong, right):
            assert response.status_code == 200
            assert "We have emailed you a link to log in" in response.content.decode()
        assert "_auth_user_id" not in client.session
        assert {m.to[0] for m in mailoutbox} == {"p@example.org"}
        # The owner follows the link: a GET only asks (mail scanners), the POST logs in, once.
        link = path_of(link_in(mailoutbox[-1]))
        assert "Log me in" in client.get(link).content.decode()
        assert "_auth_user_id" not in client.session
        assert client.post(link)["Location"] == "/listing/"
        assert client.session["_auth_user_id"]
        client.logout()
        assert client.post(link).status_code == 400  # used once

    def test_an_unknown_address_gets_the_same_answer_and_no_email(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(12):
                log_in(client, "nobody@example.org", "guess", f"192.0.2.{n}")
            response = log_in(client, "nobody@example.org", "guess", OWNER)
        assert "We have emailed you a link to log in" in response.content.decode()
        assert mailoutbox == []

    def test_the_emailed_links_to_one_inbox_are_few(self, client, mailoutbox, django_capture_on_commit_callbacks):
        VerifiedUserFactory(email="p@example.org")
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(30):
                log_in(client, "p@example.org", "guess", f"192.0.2.{n}")
        assert 1 <= len(mailoutbox) <= 3


class TestSignupSaysTheSameForEveryAddress:
    def test_a_new_and_a_taken_address_get_the_same_answer(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        VerifiedUserFactory(email="taken@example.org")
        answers = []
        for email in ["TAKEN@example.org", "new@example.org"]:
            with django_capture_on_commit_callbacks(execute=True):
                response = client.post(
                    "/accounts/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD}, follow=True
                )
            answers.append((response.redirect_chain, response.status_code, response.content.decode()))
            assert "_auth_user_id" not in client.session
        assert answers[0] == answers[1]
        assert "Check your email" in answers[0][2]
        assert "already an account" not in answers[0][2]
        taken_mail, new_mail = mailoutbox
        assert taken_mail.to == ["taken@example.org"]
        assert "tried to create an account" in taken_mail.body
        assert "/accounts/login/" in taken_mail.body and "/accounts/password-reset/" in taken_mail.body
        assert new_mail.to == ["new@example.org"] and "/accounts/verify/" in new_mail.body
        assert User.objects.filter(email="taken@example.org").get().check_password(PASSWORD)  # nothing changed

    def test_every_post_counts_toward_the_limit_even_invalid_ones(self, client):
        for n in range(10):
            client.post("/accounts/signup/", {"email": f"p{n}@example.org", "password1": "x", "password2": "y"})
        response = client.post(
            "/accounts/signup/", {"email": "fine@example.org", "password1": PASSWORD, "password2": PASSWORD}
        )
        assert response.status_code == 429
        assert "Try again in" in response.content.decode()
        assert not User.objects.exists()


class TestCurrentPasswordChecks:
    @pytest.mark.parametrize(
        ("url", "data", "field"),
        [
            ("/accounts/email/", {"email": "new@example.org"}, "password"),
            (
                "/accounts/password/",
                {"new_password1": "quiet meadow 51", "new_password2": "quiet meadow 51"},
                "old_password",
            ),
            ("/accounts/delete/", {}, "password"),
        ],
    )
    def test_wrong_current_passwords_are_limited_per_account(self, client, url, data, field):
        user = VerifiedUserFactory(email="p@example.org")
        client.force_login(user)
        for _ in range(4):
            response = client.post(url, {**data, field: "wrong"})
            assert response.status_code == 200
        fifth = client.post(url, {**data, field: "wrong"})
        assert fifth.status_code == 429  # the failure that uses the limit up says so at once
        limited = client.post(url, {**data, field: PASSWORD}, REMOTE_ADDR=OWNER)  # another address: the same account
        assert limited.status_code == 429
        assert re.search(r"Try again in \d+ minutes?\.", limited.content.decode())
        user.refresh_from_db()
        assert user.email == "p@example.org" and user.check_password(PASSWORD)

    def test_wrong_current_passwords_are_limited_per_address(self, client):
        for n in range(10):
            client.force_login(VerifiedUserFactory())
            client.post("/accounts/email/", {"email": f"new{n}@example.org", "password": "wrong"})
        client.force_login(VerifiedUserFactory(email="fresh@example.org"))
        response = client.post("/accounts/email/", {"email": "another@example.org", "password": PASSWORD})
        assert response.status_code == 429
        assert User.objects.filter(email="fresh@example.org").exists()
