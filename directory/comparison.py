"""The saved page: a family's shortlist side by side, read from the providers named in its address
(`/saved/?p=dana-whitfield,rosa-lind`).

The list itself lives only in the family's browser (static/js/shortlist.js keeps it in localStorage); the server
stores nothing and sets no cookie. Because the page is drawn from its address alone, a shared link shows the same
comparison on any device, with or without JavaScript. Only published listings are shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from core.links import site_url
from directory.search.results import remote_phrase
from providers import geo
from providers.models import Provider
from providers.states import state_name
from providers.taxonomy import REMOTE_FORMATS

# A comparison is for choosing between a few: this many fit side by side on a printed page (static/js/shortlist.js
# holds the same number so a family cannot save more than the page shows).
MAX_SAVED = 8
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,140}$")
NEAR_MAX_LENGTH = 100
SHOWN_STATES = 4  # licensed states named before "and N more states"
FAR = 100  # miles from which a distance is given in whole miles


@dataclass
class Entry:
    """One saved provider's column: what a family weighs when choosing, in words."""

    provider: Provider
    url: str
    remove_url: str
    types: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # "Cambridge, MA", one per office
    distance: str = ""  # "3.2 mi from Cambridge, MA 02139", when a place was given
    remote: str = ""  # "Telehealth in MA" / "Telehealth in NY and CT, not MA"
    formats: list[str] = field(default_factory=list)
    payment_methods: list[str] = field(default_factory=list)
    insurance_plans: list = field(default_factory=list)  # providers.plans.AcceptedPlan: name, confirmed_ago
    languages: list[str] = field(default_factory=list)


@dataclass
class SavedQuery:
    """What the address asks for, cleaned leniently: junk and repeats dropped, the list capped."""

    slugs: list[str]
    over_cap: int = 0  # how many were left off past MAX_SAVED
    near: str = ""

    @classmethod
    def from_query(cls, query) -> SavedQuery:
        slugs, seen = [], set()
        for value in query.getlist("p"):
            for slug in value.split(","):
                slug = slug.strip()
                if SLUG_RE.match(slug) and slug.lower() not in seen:
                    seen.add(slug.lower())
                    slugs.append(slug)
        near = " ".join(query.get("near", "").split())[:NEAR_MAX_LENGTH]
        return cls(slugs=slugs[:MAX_SAVED], over_cap=max(0, len(slugs) - MAX_SAVED), near=near)


UNSHOWN = ("bio", "approach", "trainings", "search_document", "rank_document")  # the comparison shows no long text


def saved_path(slugs) -> str:
    """The saved page's address for these providers, e.g. /saved/?p=dana-whitfield,rosa-lind."""
    return reverse("saved") + (f"?{urlencode({'p': ','.join(slugs)}, safe=',')}" if slugs else "")


def page_context(query) -> dict:
    """The saved page's context: one entry per published provider asked for, in the order they were saved."""
    asked = SavedQuery.from_query(query)
    place = geo.resolve(asked.near) if asked.near else None
    found = {
        provider.slug: provider
        for provider in Provider.objects.published()
        .with_offices()
        .with_plans()
        .defer(*UNSHOWN)
        .filter(slug__in=asked.slugs)
    }
    shown = [found[slug] for slug in asked.slugs if slug in found]
    slugs = [provider.slug for provider in shown]
    entries = [_entry(provider, slugs, place, asked.near) for provider in shown]
    return {
        "entries": entries,
        "slugs": slugs,
        "missing": len(asked.slugs) - len(shown),
        "missing_slugs": [slug for slug in asked.slugs if slug not in found],  # shortlist.js drops them from the list
        "over_cap": asked.over_cap,
        "max_saved": MAX_SAVED,
        "near": asked.near,
        "place": place,
        "near_unknown": bool(asked.near) and place is None,
        "share_url": site_url(saved_path(slugs)) if slugs else "",
    }


def _entry(provider, slugs, place, near) -> Entry:
    others = [slug for slug in slugs if slug != provider.slug]
    remove_url = saved_path(others)
    if near and others:
        remove_url += "&" + urlencode({"near": near})
    entry = Entry(
        provider=provider,
        url=provider.get_absolute_url(),
        remove_url=remove_url,
        types=[t.name for t in provider.terms("types")],
        formats=[t.name for t in provider.terms("formats")],
        payment_methods=[t.name for t in provider.terms("payments")],
        insurance_plans=provider.accepted_plans,  # each with when its provider last confirmed it
        languages=[t.name for t in provider.terms("languages")],
    )
    offices = list(provider.offices.all())
    entry.places = list(dict.fromkeys(f"{office.city}, {office.state}" for office in offices))
    if place and place.has_centre and offices:
        miles = min(geo.miles_between(place.latitude, place.longitude, o.latitude, o.longitude) for o in offices)
        values = {"miles": miles, "place": place.label}
        if miles < 0.05:
            entry.distance = _("Less than 0.1 mi from %(place)s") % values
        elif miles < FAR:
            entry.distance = _("%(miles).1f mi from %(place)s") % values
        else:  # a tenth of a mile means nothing across states: "2,604 mi", not "2604.3 mi"
            entry.distance = _("%(miles)s mi from %(place)s") % {**values, "miles": f"{round(miles):,}"}
    entry.remote = _remote(provider, place)
    return entry


def _remote(provider, place) -> str:
    """Where the provider sees people by video or phone: the states they are licensed in, said against the family's
    own state when they gave a place."""
    slugs = {t.slug for t in provider.terms("formats")}
    states = sorted(provider.licensed_states)
    if not states or not slugs & set(REMOTE_FORMATS):
        return ""
    telehealth = "telehealth" in slugs
    if place and place.state in states:
        return remote_phrase(telehealth, state_name(place.state))
    phrase = remote_phrase(telehealth, ", ".join(states[:SHOWN_STATES]), len(states) - SHOWN_STATES)
    if place:
        return _("%(remote)s; not in %(state)s") % {
            "remote": phrase,
            "state": state_name(place.state),
        }
    return phrase
