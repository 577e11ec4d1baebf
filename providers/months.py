"""Calendar months as families and providers name them: a due month, the months a doula or midwife is fully
booked. A month is stored as the date of its first day; in URLs and forms it is "YYYY-MM"."""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
# Months further away than these are no due month or booking anyone plans (and keep dates well inside range).
MONTHS_BACK = 12
MONTHS_AHEAD = 24


def this_month(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today.replace(day=1)


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def parse_month(value) -> date | None:
    """The month "2027-03" names (its first day), or None for anything else (junk, month 13, the year 20000)."""
    match = MONTH_RE.match(str(value or ""))
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1900 <= year <= 2200 and 1 <= month <= 12):
        return None
    return date(year, month, 1)


def month_key(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def month_label(month: date) -> str:
    """ "March 2027"; "marzo de 2027" on the Spanish site."""
    return date_format(month, "YEAR_MONTH_FORMAT")


def months_from(start: date, count: int) -> list[date]:
    return [add_months(start, n) for n in range(count)]


def planning_range(today: date | None = None) -> tuple[date, date]:
    """The first and last month a family could be asking about as a due month: a year ago to two years ahead."""
    now = this_month(today)
    return add_months(now, -MONTHS_BACK), add_months(now, MONTHS_AHEAD)


def in_planning_range(month: date, today: date | None = None) -> bool:
    first, last = planning_range(today)
    return first <= month <= last


def as_month(value) -> date:
    """A stored month as a date: the database gives dates, a pending change (JSON) ISO strings."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)).replace(day=1)
