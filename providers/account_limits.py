"""How many wrong passwords anyone may try, and what happens after: never a lock that keeps the owner out.

A wrong password is counted three ways. One client address guessing one account: that address waits (the owner,
elsewhere, logs in as usual). One address trying many accounts: that address waits. Many addresses guessing one
account: for a while that account logs in only through a link we email to it, whatever password is typed, so the
guessing stops and the owner still gets in. Accounts are counted under `normalize_login`, the form the login uses
to find them, so variants of an address share their limits.

The current password asked before a change to the account (email, password, closing it) is limited per account
and per address the same way: someone holding an open session cannot guess it at leisure.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from core.ratelimit import RateLimit, client_ip
from providers.users import normalize_login

LOGIN_IP_ACCOUNT_LIMIT = RateLimit("login-ip-account", 5, 15 * 60)
LOGIN_IP_LIMIT = RateLimit("login-ip", 20, 15 * 60)
# Above this many failures from anywhere, the account's logins go through the emailed link for the window.
LOGIN_ACCOUNT_LIMIT = RateLimit("login-account", 10, 15 * 60)
SIGNIN_LINK_LIMIT = RateLimit("signin-link", 3, 60 * 60)  # nobody's inbox gets flooded; earlier links still work
PASSWORD_CHECK_ACCOUNT_LIMIT = RateLimit("password-check-account", 5, 15 * 60)
PASSWORD_CHECK_IP_LIMIT = RateLimit("password-check-ip", 10, 15 * 60)


def minutes_until(limit: RateLimit) -> int:
    return max(1, -(-limit.retry_after() // 60))


def try_again_message(limit: RateLimit) -> str:
    minutes = minutes_until(limit)
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many attempts. For your security, please wait a little. Try again in {minutes} {unit}."


@dataclass(frozen=True)
class Attempts:
    """Failures counted under several limits at once; held back while any of them is used up."""

    limits: tuple[tuple[RateLimit, str], ...]

    def used_up(self) -> RateLimit | None:
        return next((limit for limit, key in self.limits if limit.is_limited(key)), None)

    def failed(self) -> RateLimit | None:
        """Counts one failure; the limit it used up, if any."""
        for limit, key in self.limits:
            limit.hit(key)
        return self.used_up()


class LoginAttempt:
    """One POST to the login form, with the counts it is judged by."""

    def __init__(self, request, username: str):
        self.account = normalize_login(username)[:254]
        ip = client_ip(request)
        self.ip_account = f"{ip} {self.account}"
        # Only these two stop an address; the account-wide count changes how the account logs in, never whether.
        self.address = Attempts(((LOGIN_IP_LIMIT, ip), (LOGIN_IP_ACCOUNT_LIMIT, self.ip_account)))

    def needs_emailed_link(self) -> bool:
        return LOGIN_ACCOUNT_LIMIT.is_limited(self.account)

    def failed(self) -> RateLimit | None:
        LOGIN_ACCOUNT_LIMIT.hit(self.account)
        return self.address.failed()

    def succeeded(self) -> None:
        LOGIN_IP_ACCOUNT_LIMIT.reset(self.ip_account)

    def may_email_link(self) -> bool:
        return SIGNIN_LINK_LIMIT.hit(self.account)


def password_check_attempts(request) -> Attempts:
    return Attempts(
        ((PASSWORD_CHECK_ACCOUNT_LIMIT, str(request.user.pk)), (PASSWORD_CHECK_IP_LIMIT, client_ip(request)))
    )


def check_current_password(user, password: str, attempts: Attempts | None, message: str, code: str) -> None:
    """The one current-password check: while its limits are used up, the password is not even looked at."""
    if attempts is not None and (limit := attempts.used_up()):
        raise forms.ValidationError(try_again_message(limit), code="limited")
    if not user.check_password(password):
        if attempts is not None and (limit := attempts.failed()):
            raise forms.ValidationError(try_again_message(limit), code="limited")
        raise forms.ValidationError(message, code=code)
