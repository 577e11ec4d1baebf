"""What happens to an account: verification, a change of address, closing it. Views call these."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from providers.models import Provider
from providers.notifications import absolute_url, send_templated_email
from providers.pending import PendingChange
from providers.tokens import SIGNIN_MAX_AGE, VERIFY_MAX_AGE, signin_token, verification_token


def send_verification_email(user) -> None:
    link = absolute_url("accounts:verify_email", token=verification_token(user))
    context = {"user": user, "link": link, "days": VERIFY_MAX_AGE.days}
    send_templated_email("accounts/emails/verify_email", context, user.email)


def send_signin_link(user) -> None:
    """The way in while an account's password logins are held back (providers.account_limits)."""
    link = absolute_url("accounts:signin_link", token=signin_token(user))
    minutes = int(SIGNIN_MAX_AGE.total_seconds() // 60)
    send_templated_email("accounts/emails/signin_link", {"link": link, "minutes": minutes}, user.email)


def send_signup_attempt_notice(user) -> None:
    """Sign-up answers the same for every address; the owner of a taken one hears about the attempt instead."""
    context = {"login_url": absolute_url("accounts:login"), "reset_url": absolute_url("accounts:password_reset")}
    send_templated_email("accounts/emails/signup_attempt", context, user.email)


def mark_email_verified(user) -> bool:
    """True when this verified the address; False when it already was."""
    if user.email_verified_at is not None:
        return False
    user.email_verified_at = timezone.now()
    user.save(update_fields=["email_verified_at"])
    return True


def change_email(user, new_email) -> None:
    """The new address becomes the login at once and must be verified; the old one hears about the change."""
    old_email = user.email
    with transaction.atomic():
        user.email = new_email
        user.email_verified_at = None
        user.save(update_fields=["email", "email_verified_at"])
        transaction.on_commit(lambda: send_verification_email(user))
        context = {"new_email": new_email, "login_url": absolute_url("accounts:login")}
        transaction.on_commit(lambda: send_templated_email("accounts/emails/email_changed", context, old_email))


def close_account(user) -> None:
    """Deletes the account, its listing (offices, edits waiting, history, reports) and every photo file of it."""
    with transaction.atomic():
        names = []
        for listing in Provider.objects.filter(owner=user):
            names += [f.name for f in (listing.photo, listing.photo_small) if f]
        for pending in PendingChange.objects.filter(provider__owner=user):
            names += [f.name for f in (pending.photo, pending.photo_small) if f]
        user.delete()  # the listing and everything hanging off it cascade
        storage = Provider._meta.get_field("photo").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
