"""What a family asked for: the parsed, validated search, and the shareable query strings built from it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from providers import taxonomy
from providers.geo import Place
from providers.months import month_key

RADIUS_CHOICES = (5, 10, 25, 50, 100)
DEFAULT_RADIUS = 25
SORTS = {
    "relevance": _("Best match"),
    "distance": _("Distance"),
    "recently-confirmed": _("Recently confirmed"),
    "name": _("Name"),
}
PER_PAGE = 20
MAX_FEE_CHOICES = (50, 100, 150, 200, 250)  # per session
PACKAGE_FEE_CHOICES = (500, 1000, 1500, 2000, 3000, 5000)
# What a fee limit is for (`fee_unit`): a session (sliding scales starting within it and free listings pass too), or
# a package.
FEE_UNITS = {"session": _("Per session"), "package": _("Per package")}
DEFAULT_FEE_UNIT = "session"


def facet_groups() -> tuple[taxonomy.TermField, ...]:
    """The vocabularies families filter by, in the page's order (each declared once in providers.taxonomy)."""
    return taxonomy.filters()


def facet_group(param: str) -> taxonomy.TermField | None:
    return next((group for group in facet_groups() if group.param == param), None)


# Yes/no filters, counted like a one-option group.
TOGGLES = {"accepting": _("Taking new clients"), "free_consult": _("Free first consultation")}


@dataclass(frozen=True)
class SearchCriteria:
    q: str = ""
    near: str = ""
    place: Place | None = None
    radius: int = DEFAULT_RADIUS
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)  # param -> known slugs, as given
    accepting: bool = False
    free_consult: bool = False
    max_fee: int | None = None
    fee_unit: str = DEFAULT_FEE_UNIT  # what max_fee is for (FEE_UNITS)
    due: date | None = None  # a due month (its first day): providers fully booked then are left out
    sort: str = "relevance"
    page: int = 1
    notes: tuple[str, ...] = ()  # gentle explanations of what was adjusted (a shortened search, a page number)

    @property
    def has_place(self) -> bool:
        return self.place is not None

    @property
    def has_distance(self) -> bool:
        """Near a point (a ZIP code or city), so listings have a distance; a whole state has none."""
        return self.place is not None and self.place.has_centre

    @property
    def near_unresolved(self) -> bool:
        return bool(self.near) and self.place is None

    @property
    def active_filters(self) -> int:
        """How many filters narrow the results (for the "Filters (3)" summary)."""
        chosen = sum(len(slugs) for slugs in self.selected.values())
        return chosen + self.accepting + self.free_consult + (self.max_fee is not None) + (self.due is not None)

    @property
    def is_unfiltered(self) -> bool:
        """Nationwide, no words, no filters: the same answer for everyone (its counts are cached)."""
        return not self.q and self.place is None and not self.active_filters

    @property
    def fee_limit(self) -> tuple[str, int] | None:
        """(unit, amount) when fees are limited: ("package", 2000) is "a package up to $2,000"."""
        return None if self.max_fee is None else (self.fee_unit, self.max_fee)

    @property
    def fee_limit_text(self) -> str:
        """ "Per session up to $100", or "" without a limit."""
        if self.max_fee is None:
            return ""
        return _("%(unit)s up to $%(amount)s") % {"unit": FEE_UNITS[self.fee_unit], "amount": f"{self.max_fee:,}"}

    def slugs(self, param: str) -> tuple[str, ...]:
        return self.selected.get(param, ())

    def offers(self, param: str, term) -> bool:
        """Whether the filter group `param` offers `term` for this search: a term of one state (a state's Medicaid
        programme) only near a place in that state, or nationwide, or when chosen (so it can be unticked). Near
        Boston, Medi-Cal and fifty other programmes would only lengthen the list."""
        state = getattr(term, "state", "")
        return not state or self.place is None or state == self.place.state or term.slug in self.slugs(param)

    def folds(self, term) -> bool:
        """Whether a term offered is folded away under its group (results.Facet.folded): nationwide, a term of one
        state (every state's Medicaid programme: 52 would bury the national plans)."""
        return self.place is None and bool(getattr(term, "state", ""))

    def effective_sort(self) -> str:
        return "relevance" if self.sort == "distance" and not self.has_distance else self.sort

    # Shareable URLs ---------------------------------------------------------------------------------------
    def params(self) -> list[tuple[str, str]]:
        """The search as GET pairs in a fixed order, multi-valued ones repeated; defaults are left out."""
        pairs = []
        if self.q:
            pairs.append(("q", self.q))
        if self.near:
            pairs.append(("near", self.near))
        if self.near and self.radius != DEFAULT_RADIUS:
            pairs.append(("radius", str(self.radius)))
        for group in facet_groups():
            pairs += [(group.param, slug) for slug in self.slugs(group.param)]
        if self.accepting:
            pairs.append(("accepting", "1"))
        if self.free_consult:
            pairs.append(("free_consult", "1"))
        if self.max_fee is not None:
            pairs += [("fee_unit", self.fee_unit), ("max_fee", str(self.max_fee))]
        if self.due is not None:
            pairs.append(("due", month_key(self.due)))
        if self.sort != "relevance":
            pairs.append(("sort", self.sort))
        if self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def query_string(self) -> str:
        return urlencode(self.params())

    def adjusted(self, **changes) -> SearchCriteria:
        """A copy with changes, back on page 1 unless a page is given (a new search starts at its beginning)."""
        changes.setdefault("page", 1)
        changes.setdefault("notes", ())
        return replace(self, **changes)

    def without(self, param: str) -> SearchCriteria:
        """A copy without one filter group (or toggle, or the fee limit, or the words)."""
        if facet_group(param):
            return self.adjusted(selected={k: v for k, v in self.selected.items() if k != param})
        if param in ("accepting", "free_consult"):
            return self.adjusted(**{param: False})
        if param == "max_fee":
            return self.adjusted(max_fee=None, fee_unit=DEFAULT_FEE_UNIT)
        if param == "due":
            return self.adjusted(due=None)
        if param == "q":
            return self.adjusted(q="")
        raise ValueError(param)

    def without_value(self, param: str, value) -> SearchCriteria:
        """A copy without one chosen value: one option of a group (the others stay), or the whole filter."""
        rest = tuple(slug for slug in self.slugs(param) if slug != value)
        if facet_group(param) and rest:
            return self.adjusted(selected={**self.selected, param: rest})
        return self.without(param)

    def with_slug(self, param: str, slug: str) -> SearchCriteria:
        slugs = self.slugs(param)
        return self.adjusted(selected={**self.selected, param: (*slugs, slug) if slug not in slugs else slugs})
