"""Signed, expiring links: email verification, one-click availability confirmation, the emailed sign-in link.

Both are Django signatures (TimestampSigner via django.core.signing) over a few ids, with their own salt so that
one kind of link can never be used as another. Nothing is stored: a link is valid while its signature is.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.utils.crypto import salted_hmac

from providers.models import Provider
from providers.users import User

VERIFY_SALT = "providers.accounts.verify-email"
VERIFY_MAX_AGE = timedelta(days=3)
SIGNIN_SALT = "providers.accounts.signin-link"
SIGNIN_MAX_AGE = timedelta(hours=1)
AVAILABILITY_SALT = "providers.reminders.availability"
AVAILABILITY_MAX_AGE = timedelta(days=14)


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def _load(token, salt, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error


def verification_token(user) -> str:
    # The address is signed too: a link sent to an earlier address cannot verify a new one.
    return signing.dumps({"u": user.pk, "e": user.email.lower()}, salt=VERIFY_SALT)


def verified_user(token):
    """The user the link was sent to, if it is still theirs and the link is fresh; LinkExpired / LinkInvalid."""
    data = _load(token, VERIFY_SALT, VERIFY_MAX_AGE)
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email.lower() != data.get("e"):
        raise LinkInvalid
    return user


def _signin_state(user) -> str:
    # Changes when the user logs in or changes the password, so a link works once and dies with the old password.
    # A digest, never the hash itself: links are readable by whoever sees the email.
    return salted_hmac(SIGNIN_SALT, f"{user.password}|{user.last_login}").hexdigest()[:20]


def signin_token(user) -> str:
    return signing.dumps({"u": user.pk, "e": user.email.lower(), "s": _signin_state(user)}, salt=SIGNIN_SALT)


def signin_user(token):
    """The user an emailed sign-in link logs in, if it is fresh and unused; LinkExpired / LinkInvalid."""
    data = _load(token, SIGNIN_SALT, SIGNIN_MAX_AGE)
    user = User.objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None or user.email.lower() != data.get("e") or _signin_state(user) != data.get("s"):
        raise LinkInvalid
    return user


def availability_token(provider, accepting: bool) -> str:
    return signing.dumps({"p": provider.pk, "a": int(bool(accepting))}, salt=AVAILABILITY_SALT)


def availability_from_token(token):
    """(provider, accepting) for a one-click availability link; LinkExpired / LinkInvalid."""
    data = _load(token, AVAILABILITY_SALT, AVAILABILITY_MAX_AGE)
    provider = Provider.objects.filter(pk=data.get("p")).first()
    if provider is None or data.get("a") not in (0, 1):
        raise LinkInvalid
    return provider, bool(data["a"])
