"""The search's parameters, declared once: a django-filter FilterSet over published listings.

It cleans the GET parameters, leniently by design: a search URL is often hand-edited, truncated or years old, so
unknown slugs are dropped, numbers out of range fall back to their defaults (the radius snaps to an offered one),
over-long text is shortened (and the page says so) and junk is ignored; its form is always valid and nothing here
raises. It renders the filter form (the search page lays out its fields with their counts), and each filter group
states its condition once, as a Q over a listing's columns: the engine (directory.search.engine) applies them all
for the results and reuses them, one group left out at a time, for the facet counts.
"""

from __future__ import annotations

import unicodedata

import django_filters
from django import forms
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext

from directory.search import engine
from directory.search.criteria import (
    DEFAULT_FEE_UNIT,
    DEFAULT_RADIUS,
    FEE_UNITS,
    RADIUS_CHOICES,
    SORTS,
    TOGGLES,
    SearchCriteria,
    facet_groups,
)
from providers import geo
from providers.fees import MAX_FEE, FeeUnit
from providers.models import Provider
from providers.months import in_planning_range, month_label, parse_month, planning_range
from providers.taxonomy import PLACE_FORMATS, REMOTE_FORMATS, TermField, vocabulary

MAX_Q = 200
MAX_NEAR = 100
MAX_VALUES = 50  # per multi-valued parameter: more is never a real search
MAX_PAGE = 100_000
TRUE_VALUES = {"1", "on", "true", "yes"}

# Columns the engine's candidate rows carry besides the listing's own (directory.search.statement): whether a listing
# has an office within the radius, and whether it is licensed in the family's state.
IN_RANGE = RawSQL('"providers_provider"."miles" IS NOT NULL', (), output_field=BooleanField())
LICENSED_HERE = RawSQL('"providers_provider"."licensed_here"', (), output_field=BooleanField())


def clean_text(value: str, limit: int) -> tuple[str, bool]:
    """Printable text on one line (no NUL or control characters, which PostgreSQL rejects), at most `limit`
    characters; and whether it had to be shortened."""
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in (value or "")[: limit * 4])
    text = " ".join(text.split())
    return text[:limit].strip(), len(text) > limit


def parse_int(value, default=None, low=None, high=None):
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    if (low is not None and number < low) or (high is not None and number > high):
        return default
    return number


# Lenient form fields: each cleans to a usable value and never raises -------------------------------------------
class TextField(forms.CharField):
    def __init__(self, *, limit: int, **kwargs):
        self.limit = limit
        super().__init__(**{**kwargs, "required": False, "strip": False})

    def clean(self, value):
        return clean_text(value if isinstance(value, str) else "", self.limit)[0]


class NumberField(forms.Field):
    def __init__(self, *, default=None, low=None, high=None, **kwargs):
        self.default, self.low, self.high = default, low, high
        super().__init__(**{**kwargs, "required": False})

    def clean(self, value):
        if value in (None, ""):
            return self.default
        return parse_int(value, self.default, self.low, self.high)


class RadiusField(forms.TypedChoiceField):
    """Any number, snapped to the nearest offered distance, so the Distance menu shows what was used."""

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "required": False, "choices": [(r, f"{r} miles") for r in RADIUS_CHOICES]})

    def clean(self, value):
        radius = parse_int(value, DEFAULT_RADIUS, low=1, high=10_000)
        return min(RADIUS_CHOICES, key=lambda choice: (abs(choice - radius), choice))


class FeeUnitField(forms.ChoiceField):
    """What a fee limit is for; anything unknown means per session (what a fee limit meant before units)."""

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "required": False, "choices": list(FEE_UNITS.items())})

    def clean(self, value):
        value = str(value or "").strip().lower()
        return value if value in FEE_UNITS else DEFAULT_FEE_UNIT


class SortField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "required": False, "choices": list(SORTS.items())})

    def clean(self, value):
        return value if value in SORTS else "relevance"


class FlagField(forms.BooleanField):
    widget = forms.TextInput  # the raw value: a checkbox widget would read "maybe" as ticked

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "required": False})

    def clean(self, value):
        return str(value or "").strip().lower() in TRUE_VALUES


class SlugsField(forms.MultipleChoiceField):
    """The known slugs among those given, in the order given, once each; stale or unknown ones are dropped."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        known = {slug for slug, _ in self.choices}
        slugs = []
        for item in list(value or [])[:MAX_VALUES]:
            slug = str(item).strip().lower()
            if slug in known and slug not in slugs:
                slugs.append(slug)
        return tuple(slugs)


# Filters: each states its condition once ----------------------------------------------------------------------
class EngineFilter(django_filters.Filter):
    """A parameter the engine reads itself (the words, the place, the order, the page): nothing to filter here."""

    def __init__(self, field_class, **kwargs):
        self.field_class = field_class
        super().__init__(**kwargs)

    def filter(self, qs, value):
        return qs


class GroupFilter(django_filters.Filter):
    """A filter group counted in the facets: `condition(value, place)` is the Q a listing must pass."""

    def condition(self, value, place) -> Q | None:
        raise NotImplementedError

    def chips(self, value) -> list[tuple[str, object]]:
        """The chosen value as removable chips above the results: (what the chip says, the value it removes)."""
        return [(self.label, value)]

    def filter(self, qs, value):
        condition = self.condition(value, None)
        return qs if condition is None else qs.filter(condition)


def has_any_term(field: str, ids) -> Q:
    """A listing holding any of the term ids `ids` in the vocabulary's id array (the search's covering index holds
    the arrays)."""
    return Q(**{f"{field}__overlap": list(ids)})


class TermsFilter(GroupFilter):
    """A vocabulary's checkboxes: a listing passes with any of the chosen terms (disjunctive within the group)."""

    field_class = SlugsField

    def __init__(self, term_field: TermField, **kwargs):
        self.term_field = term_field
        super().__init__(field_name=term_field.field, label=term_field.legend, **kwargs)

    def terms(self):
        return vocabulary().terms[self.term_field.field]

    def condition(self, slugs, place) -> Q | None:
        ids = vocabulary().ids(self.term_field.field, slugs)
        return has_any_term(self.field_name, ids) if ids else None

    def chips(self, slugs) -> list[tuple[str, object]]:
        names = {term.slug: term.name for term in self.terms()}
        return [(names[slug], slug) for slug in slugs if slug in names]


class FormatsFilter(TermsFilter):
    """How to meet depends on the place: in person or at home needs an office within the radius, telehealth or phone
    a licence in the family's state. Nationwide, any listing offering the format passes."""

    def condition(self, slugs, place) -> Q | None:
        if place is None:
            return super().condition(slugs, place)
        at_place = vocabulary().ids(self.field_name, [s for s in slugs if s in PLACE_FORMATS])
        remote = vocabulary().ids(self.field_name, [s for s in slugs if s in REMOTE_FORMATS])
        parts = []
        if at_place:
            parts.append(has_any_term("formats", at_place) & Q(IN_RANGE))
        if remote:
            parts.append(has_any_term("formats", remote) & Q(LICENSED_HERE))
        if not parts:
            return None
        return parts[0] | parts[1] if len(parts) == 2 else parts[0]

    def filter(self, qs, value):  # the place is only known to the engine's candidate rows
        return super().filter(qs, value) if value else qs


class FlagFilter(GroupFilter):
    field_class = FlagField

    def condition(self, value, place) -> Q | None:
        return Q(**{self.field_name: True}) if value else None


class MaxFeeFilter(GroupFilter):
    """A fee limit in its unit, (unit, amount) (criteria.fee_limit; a bare amount is per session). Per session: a
    per-session fee or a sliding scale starting at most at the amount. Per package: a package from at most the
    amount. Free listings pass either way; a listing stating no amount in that unit is left out."""

    field_class = NumberField

    def condition(self, value, place) -> Q | None:
        if value is None:
            return None
        unit, amount = value if isinstance(value, tuple) else (DEFAULT_FEE_UNIT, value)
        units = (FeeUnit.PACKAGE,) if unit == "package" else FeeUnit.per_session()
        lowest = Q(fee_min__lte=amount) | Q(fee_min__isnull=True, fee_max__lte=amount)
        return Q(fee_unit=FeeUnit.FREE) | (Q(fee_unit__in=units) & lowest)

    def chips(self, value) -> list[tuple[str, object]]:
        unit = self.parent.data_clean["fee_unit"] if self.parent is not None else DEFAULT_FEE_UNIT
        return [(gettext("%(unit)s up to $%(amount)s") % {"unit": FEE_UNITS[unit], "amount": f"{value:,}"}, value)]


class MonthField(forms.Field):
    """A month as "YYYY-MM" (its first day), or None for anything else: the FilterSet says what it ignored."""

    def __init__(self, **kwargs):
        super().__init__(**{**kwargs, "required": False})

    def clean(self, value):
        month = parse_month(value)
        return month if month is not None and in_planning_range(month) else None


class DueMonthFilter(GroupFilter):
    """A family's due month: providers who said they are fully booked that month are left out (one condition on
    the booked months array, read from the covering index)."""

    field_class = MonthField

    def condition(self, value, place) -> Q | None:
        return None if value is None else ~Q(booked_months__contains=[value])

    def chips(self, value) -> list[tuple[str, object]]:
        return [(gettext("Due %(month)s") % {"month": month_label(value)}, value)]


class SearchFilterSet(django_filters.FilterSet):
    """The search page's GET parameters. Words (`q`) and the place (`near`, `radius`) choose the candidates; every
    other filter is a group the facets count; `sort` and `page` order and cut the results."""

    q = EngineFilter(TextField, limit=MAX_Q, label="Search")
    near = EngineFilter(TextField, limit=MAX_NEAR, label="ZIP code or city")
    radius = EngineFilter(RadiusField, label="Distance")
    accepting = FlagFilter(field_name="accepting_new_clients", label=TOGGLES["accepting"])
    free_consult = FlagFilter(field_name="free_consultation", label=TOGGLES["free_consult"])
    fee_unit = EngineFilter(FeeUnitField, label="Fees")  # what max_fee is for: read with it, in its condition
    max_fee = MaxFeeFilter(field_name="fee_min", label="Up to", low=0, high=MAX_FEE)
    due = DueMonthFilter(field_name="booked_months", label="Due month")
    sort = EngineFilter(SortField, label="Sort by")
    page = EngineFilter(NumberField, default=1, low=1)

    class Meta:
        model = Provider
        fields = []

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=Provider.objects.published() if queryset is None else queryset, **kwargs)
        # One checkbox group per vocabulary declared as a filter (providers.taxonomy.TERM_FIELDS), in page order.
        for term_field in facet_groups():
            klass = FormatsFilter if term_field.field == "formats" else TermsFilter
            self.filters[term_field.param] = klass(term_field)
        for name, group in self.filters.items():
            if isinstance(group, TermsFilter):
                self.form.fields[name].choices = [(term.slug, term.name) for term in group.terms()]

    @property
    def data_clean(self) -> dict:
        self.form.is_valid()  # always valid: every field is lenient
        return self.form.cleaned_data

    def criteria(self) -> SearchCriteria:
        """The search asked for, with gentle notes on what was adjusted."""
        data = self.data_clean
        notes = []
        raw_q = self.data.get("q", "") if hasattr(self.data, "get") else ""
        if clean_text(raw_q if isinstance(raw_q, str) else "", MAX_Q)[1]:
            notes.append(gettext("Your search was long, so we used its first %(limit)s characters.") % {"limit": MAX_Q})
        place = geo.resolve(data["near"]) if data["near"] else None
        if data["sort"] == "distance" and not (place and place.has_centre):
            notes.append(gettext("Sorting by distance needs a ZIP code or city, so these are sorted by best match."))
        notes += self._due_notes(data["due"])
        return SearchCriteria(
            q=data["q"],
            near=data["near"],
            place=place,
            radius=data["radius"],
            selected={group.param: data[group.param] for group in facet_groups() if data.get(group.param)},
            accepting=data["accepting"],
            free_consult=data["free_consult"],
            max_fee=data["max_fee"],
            fee_unit=data["fee_unit"],
            due=data["due"],
            sort=data["sort"],
            page=min(data["page"] or 1, MAX_PAGE),
            notes=tuple(notes),
        )

    def _due_notes(self, due) -> list[str]:
        raw = self.data.get("due", "") if hasattr(self.data, "get") else ""
        raw = raw.strip() if isinstance(raw, str) else ""
        if due is not None or not raw:
            return []
        month = parse_month(raw)
        if month is None:
            shown = clean_text(raw, 20)[0]
            return [
                gettext("We couldn't read the due month “%(month)s”, so it isn't used. Choose a month from the list.")
                % {"month": shown}
            ]
        first, last = planning_range()
        return [
            gettext("We look for due months from %(first)s to %(last)s, so %(month)s isn't used.")
            % {"first": month_label(first), "last": month_label(last), "month": month_label(month)}
        ]

    def search(self, criteria: SearchCriteria | None = None) -> engine.Search:
        """The search for the engine: the criteria with every chosen group's condition, by parameter."""
        criteria = criteria or self.criteria()
        values = {**criteria.selected, "accepting": criteria.accepting, "free_consult": criteria.free_consult}
        values["max_fee"] = criteria.fee_limit
        values["due"] = criteria.due
        conditions = {}
        for name, group in self.filters.items():
            if isinstance(group, GroupFilter) and values.get(name) not in (None, False, ()):
                condition = group.condition(values[name], criteria.place)
                if condition is not None:
                    conditions[name] = condition
        return engine.Search(criteria, conditions, self.condition_of)

    def active_groups(self) -> list[tuple[str, GroupFilter, object]]:
        """The filter groups the search narrows by, in the form's order, each with its cleaned value."""
        data = self.data_clean
        return [
            (name, group, data.get(name))
            for name, group in self.filters.items()
            if isinstance(group, GroupFilter) and data.get(name) not in (None, False, ())
        ]

    def chips(self, criteria: SearchCriteria) -> list[tuple[str, SearchCriteria]]:
        """Every chosen filter value, named, with the same search without it (a chip that removes it): declared by
        each filter group, so a new group has chips of its own."""
        return [
            (label, criteria.without_value(name, value))
            for name, group, chosen in self.active_groups()
            for label, value in group.chips(chosen)
        ]

    def cleared(self, criteria: SearchCriteria) -> SearchCriteria:
        """The same words, place and order without any filter ("Clear all")."""
        for name, _, _ in self.active_groups():
            criteria = criteria.without(name)
        return criteria

    def condition_of(self, param: str, value, place) -> Q | None:
        return self.filters[param].condition(value, place)

    def filter_queryset(self, queryset):
        """Every result of the search, unordered: the listings the engine finds (one definition of the search)."""
        return queryset.filter(pk__in=engine.matching_ids(self.search()))


def criteria_from_query(data) -> SearchCriteria:
    """The search a QueryDict asks for; never raises."""
    return SearchFilterSet(data).criteria()
