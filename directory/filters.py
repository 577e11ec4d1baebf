"""Reading the search page's GET parameters into a SearchCriteria.

Lenient by design: a search URL is often hand-edited, truncated or years old. Unknown slugs are dropped, numbers
out of range fall back to their defaults, over-long text is shortened (and the page says so); nothing here raises.
The SQL is in directory.search. django-filter's FilterSet is not used: its validation rejects a whole parameter
for one stale slug, where a family should simply get the rest of their search.
"""

from __future__ import annotations

import unicodedata

from directory.search.criteria import (
    DEFAULT_RADIUS,
    FACET_GROUPS,
    RADIUS_CHOICES,
    SORTS,
    SearchCriteria,
)
from providers import geo
from providers.taxonomy import vocabulary

MAX_Q = 200
MAX_NEAR = 100
MAX_VALUES = 50  # per multi-valued parameter: more is never a real search
MAX_FEE = 5000
MAX_PAGE = 100_000
TRUE_VALUES = {"1", "on", "true", "yes"}


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


def criteria_from_query(data) -> SearchCriteria:
    """The search a QueryDict asks for; never raises."""
    notes = []
    q, shortened = clean_text(data.get("q", ""), MAX_Q)
    if shortened:
        notes.append(f"Your search was long, so we used its first {MAX_Q} characters.")
    near, _ = clean_text(data.get("near", ""), MAX_NEAR)
    place = geo.resolve(near) if near else None

    radius = parse_int(data.get("radius"), DEFAULT_RADIUS, low=1, high=10_000)
    if radius not in RADIUS_CHOICES:  # the nearest offered distance, so the Distance menu shows what was used
        radius = min(RADIUS_CHOICES, key=lambda choice: (abs(choice - radius), choice))

    terms = vocabulary()
    selected = {}
    for group in FACET_GROUPS:
        known = terms.by_slug[group.field]
        slugs = []
        for value in data.getlist(group.param)[:MAX_VALUES]:
            slug = value.strip().lower()
            if slug in known and slug not in slugs:
                slugs.append(slug)
        if slugs:
            selected[group.param] = tuple(slugs)

    max_fee = parse_int(data.get("max_fee"), None, low=0, high=MAX_FEE) if data.get("max_fee") else None
    sort = data.get("sort", "relevance")
    sort = sort if sort in SORTS else "relevance"
    if sort == "distance" and place is None:
        notes.append("Sorting by distance needs a ZIP code or city, so these are sorted by best match.")
    page = parse_int(data.get("page"), 1, low=1) or 1
    page = min(page, MAX_PAGE)
    return SearchCriteria(
        q=q,
        near=near,
        place=place,
        radius=radius,
        selected=selected,
        accepting=data.get("accepting", "").strip().lower() in TRUE_VALUES,
        free_consult=data.get("free_consult", "").strip().lower() in TRUE_VALUES,
        max_fee=max_fee,
        sort=sort,
        page=page,
        notes=tuple(notes),
    )
