"""Moments in the past as the site counts them."""

from datetime import datetime, timedelta

from django.utils import timezone


def days_ago(days: int, now: datetime | None = None) -> datetime:
    """This wall-clock time (or `now`'s), `days` local calendar days earlier: what availability and plan
    confirmations call "N days ago" (providers.freshness) at any hour. `now() - timedelta(days=N)` is an hour off in
    local time across a daylight-saving change, so within an hour of midnight it falls on the day before or after."""
    here = timezone.localtime(now)
    return timezone.make_aware(here.replace(tzinfo=None) - timedelta(days=days))
