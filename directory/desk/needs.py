"""The founders' reading of the search counters: the top unmet needs (what families searched for and did not find),
each with its searches per week, and the same as CSV.

A need is one combination of state, filter options and words-or-not. Every count shown passes through shown():
under SMALL_COUNT it reads "fewer than 5", so no number singles out one family's search. Buckets are masked one by
one and no total is given, so no masked count can be worked out from the others.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import reduce
from operator import or_

from django.db.models import Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from directory.desk.counters import FEWER_THAN_SMALL, SMALL_COUNT, Results, SearchCount
from directory.search.criteria import TOGGLES, facet_group
from providers.states import STATE_NAMES
from providers.taxonomy import vocabulary

WINDOWS = (30, 90, 365)  # the periods a founder can look back over, in days
DEFAULT_WINDOW = 30
TOP = 20
CHART_WEEKS = 26


def shown(count: int) -> str:
    """A count as founders see it: small ones are never given exactly."""
    return FEWER_THAN_SMALL if 0 < count < SMALL_COUNT else f"{count:,}"


def searches_shown(count: int) -> str:
    return f"{shown(count)} searches"  # never "1 search": that is "fewer than 5 searches"


@dataclass
class Need:
    state: str
    options: list[str]
    with_words: bool
    no_results: int = 0
    few_results: int = 0
    enough_results: int = 0
    weeks: list[tuple[date, int]] = field(default_factory=list)  # (Monday, searches with no results)

    @property
    def key(self) -> tuple:
        return (self.state, tuple(self.options), self.with_words)

    @property
    def label(self) -> str:
        return need_label(self.options, self.with_words)

    @property
    def place(self) -> str:
        return f"in {STATE_NAMES.get(self.state, self.state)}" if self.state else "with no place given"

    @property
    def summary(self) -> str:
        """ "Psychiatric prescriber, Medicaid, Telehealth in Wyoming: 23 searches with no results"."""
        return f"{self.label} {self.place}: {searches_shown(self.no_results)} with no results"

    @property
    def thin(self) -> str:
        """The same need's searches that found only a few."""
        return f"And {searches_shown(self.few_results)} with only 1 to 4 results." if self.few_results else ""

    @property
    def chart(self) -> Chart:
        return Chart(self.weeks)


def need_label(options: list[str], with_words: bool) -> str:
    """The options in words, group by group (options within a group are alternatives: "Doula or Midwife")."""
    terms = vocabulary()
    groups: dict[str, list[str]] = {}
    for option in options:
        param, _, value = option.partition("=")
        group = facet_group(param)
        if group is not None:
            term = terms.by_slug.get(group.field, {}).get(value)
            groups.setdefault(param, []).append(term.name if term else value)
        elif param in TOGGLES:
            groups[param] = [str(TOGGLES[param])]
        elif param == "max_fee":
            groups[param] = [f"Fee up to ${value}"]
        else:
            groups[param] = [option]  # a filter since retired: shown as it was counted
    # Who first ("Psychiatric prescriber, Telehealth, Medicaid"), then the rest in the search page's order.
    parts = [" or ".join(names) for _, names in sorted(groups.items(), key=lambda group: group[0] != "type")]
    if with_words:
        parts.append("with search words")
    return ", ".join(parts) if parts else "Any provider"


def window_start(days: int, today: date | None = None) -> date:
    return (today or timezone.localdate()) - timedelta(days=days - 1)


def unmet_needs(days: int = DEFAULT_WINDOW, limit: int | None = TOP, today: date | None = None) -> list[Need]:
    """The needs with searches that found nothing in the last `days` days, most such searches first, each with its
    weekly searches with no results over the last CHART_WEEKS weeks. Two statements."""
    today = today or timezone.localdate()
    rows = (
        SearchCount.objects.since(window_start(days, today))
        .values("state", "options", "with_words")
        .annotate(
            no_results=Sum("searches", filter=Q(results=Results.NONE), default=0),
            few_results=Sum("searches", filter=Q(results=Results.FEW), default=0),
            enough_results=Sum("searches", filter=Q(results=Results.ENOUGH), default=0),
        )
        .filter(no_results__gt=0)
        .order_by("-no_results", "-few_results", "state", "options")
    )
    needs = [Need(**row) for row in (rows[:limit] if limit else rows)]
    _add_weeks(needs, today)
    return needs


def chart_weeks(today: date) -> list[date]:
    """The Mondays of the last CHART_WEEKS weeks, oldest first, this week last."""
    this_monday = today - timedelta(days=today.weekday())
    return [this_monday - timedelta(weeks=n) for n in range(CHART_WEEKS - 1, -1, -1)]


def _add_weeks(needs: list[Need], today: date) -> None:
    if not needs:
        return
    mondays = chart_weeks(today)
    which = reduce(or_, (Q(state=n.state, options=n.options, with_words=n.with_words) for n in needs))
    weekly = (
        SearchCount.objects.since(mondays[0])
        .filter(which, results=Results.NONE)
        .annotate(week=TruncWeek("day"))
        .values("state", "options", "with_words", "week")
        .annotate(searches=Sum("searches"))
    )
    found: dict[tuple, dict[date, int]] = {}
    for row in weekly:
        week = row["week"].date() if hasattr(row["week"], "date") else row["week"]
        found.setdefault((row["state"], tuple(row["options"]), row["with_words"]), {})[week] = row["searches"]
    for need in needs:
        counts = found.get(need.key, {})
        need.weeks = [(monday, counts.get(monday, 0)) for monday in mondays]


@dataclass
class Bar:
    x: int
    y: int
    height: int
    masked: bool  # 1-4 searches: drawn all alike, as an outline up to SMALL_COUNT
    title: str


class Chart:
    """A plain bar chart of searches per week, drawn by the template as inline SVG (no script)."""

    BAR, GAP, HEIGHT, TOP_MARGIN = 8, 3, 60, 4

    def __init__(self, weeks: list[tuple[date, int]]):
        self.weeks = weeks
        self.highest = max([SMALL_COUNT, *(count for _, count in weeks)])

    @property
    def width(self) -> int:
        return len(self.weeks) * (self.BAR + self.GAP)

    @property
    def full_height(self) -> int:
        return self.HEIGHT + self.TOP_MARGIN

    @property
    def bars(self) -> list[Bar]:
        bars = []
        for index, (monday, count) in enumerate(self.weeks):
            if not count:
                continue
            masked = count < SMALL_COUNT
            height = max(2, round(self.HEIGHT * (SMALL_COUNT if masked else count) / self.highest))
            title = f"Week of {monday:%b} {monday.day}: {searches_shown(count)} with no results"
            y = self.full_height - height
            bars.append(Bar(index * (self.BAR + self.GAP), y, height, masked, title))
        return bars

    @property
    def description(self) -> str:
        """The chart in words, for screen readers."""
        first, last = self.weeks[0][0], self.weeks[-1][0]
        busiest = max(self.weeks, key=lambda week: week[1])
        span = (
            f"Searches with no results per week, from the week of {first:%b} {first.day}, {first.year} "
            f"to the week of {last:%b} {last.day}"
        )
        if not busiest[1]:
            return f"{span}: none."
        return f"{span}. Most in the week of {busiest[0]:%b} {busiest[0].day}: {searches_shown(busiest[1])}."

    @property
    def first_week(self) -> date:
        return self.weeks[0][0]

    @property
    def last_week(self) -> date:
        return self.weeks[-1][0]


def needs_csv(days: int, today: date | None = None) -> str:
    """Every need with searches that found nothing in the window, masked like the page."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["need", "state", "filters", "with search words", "searches with no results", "with 1-4 results",
         "with 5 or more results"]
    )  # fmt: skip
    for need in unmet_needs(days, limit=None, today=today):
        writer.writerow(
            [
                need.label,
                need.state,
                "&".join(need.options),
                "yes" if need.with_words else "no",
                shown(need.no_results),
                shown(need.few_results),
                shown(need.enough_results),
            ]
        )
    return out.getvalue()
