"""Where care is missing: daily aggregate counters of searches, private by design.

A search adds one to one counter: the day, the state searched in (never a ZIP code or city), the filter options
chosen (fixed vocabulary slugs, never typed words: only whether words were typed at all) and how many results it
found, in three buckets (0, 1-4, 5+). Nothing about the person: no IP address, cookie, user agent or session.
Founders see counts under SMALL_COUNT only as "fewer than 5". Counters older than KEEP_MONTHS are deleted
(`manage.py purge_search_counts`, from cron).
"""

from __future__ import annotations

import logging
from datetime import date

from django.contrib.postgres.fields import ArrayField
from django.db import DatabaseError, connections, models, router
from django.utils import timezone

from directory.search.criteria import TOGGLES, facet_groups

logger = logging.getLogger(__name__)

KEEP_MONTHS = 13
SMALL_COUNT = 5  # a count under this is shown as "fewer than 5"
FEWER_THAN_SMALL = f"fewer than {SMALL_COUNT}"


class Results(models.TextChoices):
    """How many results a search found, in buckets wide enough to say nothing about one search."""

    NONE = "0", "No results"
    FEW = "1-4", "1 to 4 results"
    ENOUGH = "5+", "5 or more results"

    @classmethod
    def bucket(cls, total: int) -> Results:
        return cls.NONE if total <= 0 else cls.FEW if total < 5 else cls.ENOUGH


class SearchCountQuerySet(models.QuerySet):
    def since(self, day: date):
        return self.filter(day__gte=day)

    def older_than_kept(self, today: date | None = None):
        """Counters past the KEEP_MONTHS the privacy page promises."""
        return self.filter(day__lt=months_before(today or timezone.localdate(), KEEP_MONTHS))

    def purge(self, today: date | None = None) -> int:
        """Deletes the counters older than KEEP_MONTHS; returns how many rows went."""
        deleted, _ = self.older_than_kept(today).delete()
        return deleted


class SearchCount(models.Model):
    """How many searches, on one day, asked for one combination and found results in one bucket."""

    day = models.DateField()
    state = models.CharField(max_length=2, blank=True, help_text="Two-letter state searched in; blank: no place.")
    options = ArrayField(
        models.CharField(max_length=100),
        default=list,
        blank=True,
        help_text='The filters chosen, as "parameter=slug" pairs in the search page\'s order.',
    )
    with_words = models.BooleanField(default=False, help_text="Whether words were typed (never what they were).")
    results = models.CharField(max_length=3, choices=Results.choices)
    searches = models.PositiveIntegerField(default=0)

    objects = SearchCountQuerySet.as_manager()

    class Meta:
        constraints = [
            # The counter a search adds to; its leading column also serves the date ranges and the purge.
            models.UniqueConstraint(
                fields=["day", "state", "options", "with_words", "results"], name="directory_searchcount_one_counter"
            )
        ]
        verbose_name = "search count"

    def __str__(self):
        return f"{self.day} {self.state or '—'} {' '.join(self.options) or 'no filters'}: {self.searches}"


# Recording -------------------------------------------------------------------------------------------------------
UPSERT = """
INSERT INTO directory_searchcount (day, state, options, with_words, results, searches)
VALUES (%s, %s, %s::varchar(100)[], %s, %s, 1)
ON CONFLICT (day, state, options, with_words, results)
DO UPDATE SET searches = directory_searchcount.searches + 1
"""


def chosen_options(asked: dict) -> list[str]:
    """The filters a family chose, from the search form's cleaned data (unknown slugs already dropped), as
    "parameter=slug" pairs in the search page's order: vocabulary slugs, the yes/no filters and the fee limit
    (rounded up to a coarse step), never anything typed. A due month, the radius and the order are not kept."""
    options = [f"{group.param}={slug}" for group in facet_groups() for slug in sorted(asked.get(group.param) or ())]
    for toggle in TOGGLES:
        if asked.get(toggle):
            options.append(f"{toggle}=1")
    if asked.get("max_fee") is not None:
        unit = asked.get("fee_unit")
        if unit and unit != "session":
            options.append(f"fee_unit={unit}")
        options.append(f"max_fee={fee_step(asked['max_fee'])}")
    return options


def fee_step(max_fee: int) -> int:
    """A fee limit rounded up to a coarse step ($50 up to $250, then $500): a hand-typed $137 counts as $150."""
    step = 50 if max_fee <= 250 else 500
    return max(step, -(-max_fee // step) * step)


def count_search(*, state: str, options: list[str], with_words: bool, total: int) -> None:
    """Adds one search to its day's counter: one INSERT ... ON CONFLICT statement on the primary database. A failure
    to count never fails the family's search."""
    values = [timezone.localdate(), state, options, with_words, Results.bucket(total).value]
    try:
        with connections[router.db_for_write(SearchCount)].cursor() as cursor:
            cursor.execute(UPSERT, values)
    except DatabaseError:
        logger.exception("A search was not counted.")


def count_search_page(request, context: dict) -> None:
    """Counts a family's search once: its first page, asked for with GET (never page 2 of it, nor a HEAD request).
    What is counted is what the family asked (the form's cleaned data), with the state of the place searched and the
    number of results the page showed. A page served from the page cache is not rendered again, so a reload within
    its minute is not counted twice."""
    asked = context["filterset"].data_clean
    if request.method != "GET" or (asked.get("page") or 1) != 1:
        return
    outcome = context["outcome"]
    place = outcome.criteria.place
    count_search(
        state=place.state if place is not None else "",
        options=chosen_options(asked),
        with_words=bool(asked.get("q")),
        total=outcome.total,
    )


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter: 31 March - 1 month is 28/29 Feb)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for day_of_month in range(day.day, 27, -1):
        try:
            return date(year, month, day_of_month)
        except ValueError:
            continue
    return date(year, month, min(day.day, 28))
