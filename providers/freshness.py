"""How fresh a listing's availability is: the one set of thresholds, and the words families read about it.

A person confirms whether the provider is taking new clients. Families read that plainly for CONFIRMED_WITHIN;
after it they read, in amber, how long it has gone unconfirmed. The provider is reminded before that, at
REMIND_AFTER (providers.reminders), and a listing unconfirmed for STALE_AFTER sinks below fresher ones in every
search order (directory/search reads STALE_AFTER).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

REMIND_AFTER = timedelta(days=60)
REMIND_EVERY = timedelta(days=30)  # at most one reminder this often
CONFIRMED_WITHIN = timedelta(days=90)
STALE_AFTER = timedelta(days=120)

TAKING = gettext_lazy("Taking new clients")
NOT_TAKING = gettext_lazy("Not taking new clients right now")


def days_ago(when: datetime, now: datetime | None = None) -> int:
    """Local calendar days between `when` and now (0 today, 1 yesterday)."""
    return max(0, (timezone.localdate(now or timezone.now()) - timezone.localdate(when)).days)


def days_text(days: int) -> str:
    if days <= 1:
        return _("today") if days == 0 else _("yesterday")
    return ngettext("%(days)d day ago", "%(days)d days ago", days) % {"days": days}


@dataclass(frozen=True)
class Availability:
    """What families read about a listing's availability, on result cards and profiles alike. Each answer is worked
    out once (a template asks for the tone and the detail twice each, on every card)."""

    accepting: bool
    confirmed_at: datetime | None
    now: datetime

    @classmethod
    def of(cls, provider, now: datetime | None = None) -> Availability:
        return cls(provider.accepting_new_clients, provider.availability_confirmed_at, now or timezone.now())

    @cached_property
    def is_current(self) -> bool:
        """Confirmed by a person within CONFIRMED_WITHIN: what it says can be taken at its word."""
        return self.confirmed_at is not None and self.now - self.confirmed_at <= CONFIRMED_WITHIN

    @property
    def sinks(self) -> bool:
        """Unconfirmed for STALE_AFTER: listed after fresher listings, whatever the order."""
        return self.confirmed_at is None or self.now - self.confirmed_at > STALE_AFTER

    @cached_property
    def days(self) -> int | None:
        return None if self.confirmed_at is None else days_ago(self.confirmed_at, self.now)

    @cached_property
    def tone(self) -> str:
        """ "open" (green), "closed" (plain) or "unconfirmed" (amber)."""
        if not self.is_current:
            return "unconfirmed"
        return "open" if self.accepting else "closed"

    @cached_property
    def label(self) -> str:
        if self.is_current:
            return str(TAKING if self.accepting else NOT_TAKING)
        if self.confirmed_at is None:
            return _("Availability never confirmed")
        return ngettext(
            "Availability not confirmed for %(days)d day", "Availability not confirmed for %(days)d days", self.days
        ) % {"days": self.days}

    @cached_property
    def detail(self) -> str:
        """The smaller words after the label: when it was confirmed, or what was last said."""
        if self.is_current:
            return _("confirmed %(when)s") % {"when": days_text(self.days)}
        if self.confirmed_at is None:
            return ""
        return _("last said: taking new clients") if self.accepting else _("last said: not taking new clients")
