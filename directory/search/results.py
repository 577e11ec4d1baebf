"""What the search page shows: result cards, facet options with their counts, the summary, the ways out of an
empty result and the pagination, all built from an engine.Outcome. Templates only lay these out."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from directory.search.criteria import (
    TOGGLES,
    SearchCriteria,
    facet_group,
    facet_groups,
)
from directory.search.engine import Outcome
from providers import geo
from providers.models import Provider
from providers.months import month_label
from providers.states import state_name
from providers.taxonomy import PLACE_FORMATS, REMOTE_FORMATS, vocabulary

CARD_CONCERNS = 3
CARD_PAYMENTS = 3
CARD_PLANS = 3
CARD_POPULATIONS = 3
CARD_STAGES = 3  # the chosen ones first; "2 more" after them (the profile lists all)


@dataclass
class Card:
    provider: Provider
    url: str
    distance: str = ""  # "3.2 mi away"
    where: str = ""  # "Cambridge, MA"
    remote: str = ""  # "Telehealth in MA"
    types: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    payments: list[str] = field(default_factory=list)
    fee: str = ""  # "$120–$180 per session" (Provider.fee_summary, worked out once)
    speaks_spanish: bool = False  # "Atiende en español" on the Spanish site
    written_in: str = ""  # the language of the provider's own words, when known (lang="…")
    plans: list = field(default_factory=list)  # providers.plans.AcceptedPlan, the family's chosen plans first
    more_plans: int = 0
    credentials: list[tuple[str, bool]] = field(default_factory=list)  # (short name, verified by the directory)
    stages: list[str] = field(default_factory=list)
    populations: list[str] = field(default_factory=list)
    identities: list[str] = field(default_factory=list)
    open_for_due: str = ""  # "Not fully booked in March 2027", for providers who say when they are booked


@dataclass
class Option:
    slug: str
    name: str
    count: int
    checked: bool
    input_id: str
    param: str = ""
    folded: bool = False  # listed under the group's fold (SearchCriteria.folds)

    @property
    def disabled(self) -> bool:
        # Still usable when checked: a family must always be able to untick what they chose.
        return self.count == 0 and not self.checked


@dataclass
class Facet:
    param: str
    legend: str
    options: list[Option]

    @property
    def checked(self) -> int:
        return sum(option.checked for option in self.options)

    @property
    def shown(self) -> list[Option]:
        return [option for option in self.options if not option.folded]

    @property
    def folded(self) -> list[Option]:
        """Options folded away (SearchCriteria.folds)."""
        return [option for option in self.options if option.folded]

    @property
    def folded_open(self) -> bool:
        return any(option.checked for option in self.folded)


@dataclass
class Chip:
    """A chosen filter value above the results, a link to the same search without it."""

    label: str
    url: str


def search_url(query: str) -> str:
    return reverse("search") + (f"?{query}" if query else "")


def cards(outcome: Outcome) -> list[Card]:
    """The page's providers, in the engine's order, fetched through the providers' own QuerySet verbs."""
    ids = [pid for pid, _, _ in outcome.rows]
    found = Provider.objects.published().for_cards().in_bulk(ids)
    criteria = outcome.criteria
    back = criteria.query_string()
    suffix = "?" + urlencode({"back": back}) if back else ""
    terms = vocabulary()
    chosen = {param: set(terms.ids(facet_group(param).field, slugs)) for param, slugs in criteria.selected.items()}
    result = []
    for pid, miles, remote in outcome.rows:
        provider = found.get(pid)
        if provider is None:  # unpublished between the two reads: simply left out
            continue
        card = Card(provider=provider, url=reverse("providers:detail", kwargs={"slug": provider.slug}) + suffix)
        _locate(card, provider, criteria, miles, remote)
        card.types = [t.name for t in provider.terms("types")]
        card.speaks_spanish = any(t.slug == "es" for t in provider.terms("languages"))
        card.written_in = provider.written_in
        card.concerns = [t.name for t in _chosen_first(provider.terms("concerns"), chosen.get("concern"))][
            :CARD_CONCERNS
        ]
        ways = provider.ways_to_pay(keep=chosen.get("payment", ()))
        card.payments = [t.name for t in _chosen_first(ways, chosen.get("payment"))][:CARD_PAYMENTS]
        card.fee = provider.fee_summary
        plans = sorted(provider.accepted_plans, key=lambda accepted: accepted.plan.id not in chosen.get("plan", ()))
        card.plans, card.more_plans = plans[:CARD_PLANS], max(0, len(plans) - CARD_PLANS)
        _fit(card, provider, criteria, chosen)
        result.append(card)
    return result


def _fit(card, provider, criteria, chosen):
    """Who the provider is and whom they serve: credentials (verified or not), stages, populations, identities."""
    card.credentials = [(short_name(term.name), verified) for term, verified in provider.credentials_with_checks]
    stages = [t.name for t in _chosen_first(provider.terms("stages"), chosen.get("stage"))]
    more = len(stages) - CARD_STAGES
    card.stages = stages[:CARD_STAGES] + ([_("%(more)s more") % {"more": more}] if more > 1 else stages[CARD_STAGES:])
    populations = _chosen_first(provider.terms("populations"), chosen.get("population"))
    card.populations = [t.name for t in populations][:CARD_POPULATIONS]
    card.identities = [t.name for t in provider.terms("identities")]
    if criteria.due is not None and provider.booked_months:
        card.open_for_due = _("Not fully booked in %(month)s") % {"month": month_label(criteria.due)}


def short_name(name: str) -> str:
    """ "PMH-C (perinatal mental health)" -> "PMH-C": cards show the letters, profiles the whole name."""
    return name.split(" (", 1)[0]


def _chosen_first(items, chosen):
    chosen = chosen or set()
    return sorted(items, key=lambda term: term.id not in chosen)  # stable: vocabulary order otherwise


def _locate(card, provider, criteria, miles, remote):
    offices = provider.card_offices  # {"city", "state", "latitude", "longitude"}, in the order they were added
    place = criteria.place
    if criteria.has_distance and offices:
        nearest = min(
            offices,
            key=lambda o: geo.miles_between(place.latitude, place.longitude, o["latitude"], o["longitude"]),
        )
        card.where = f"{nearest['city']}, {nearest['state']}"
    elif offices:  # in a whole state, an office there first
        first = next((o for o in offices if place and o["state"] == place.state), offices[0])
        card.where = f"{first['city']}, {first['state']}"
    if miles is not None and criteria.has_distance:
        card.distance = _("Less than 0.1 mi away") if miles < 0.05 else _("%(miles).1f mi away") % {"miles": miles}
    formats = {t.slug for t in provider.terms("formats")}
    if place and remote:
        card.remote = remote_phrase("telehealth" in formats, place.state)
    elif not place and formats & set(REMOTE_FORMATS) and provider.licensed_states:
        states = sorted(provider.licensed_states)
        card.remote = remote_phrase("telehealth" in formats, ", ".join(states[:3]), more=len(states) - 3)


def remote_phrase(telehealth: bool, states: str, more: int = 0) -> str:
    """ "Telehealth in MA", "By phone in MA, NH, VT and 2 more states": on cards and in the saved comparison."""
    values = {"states": states, "more": more}
    if more > 0 and telehealth:
        phrase = ngettext(
            "Telehealth in %(states)s and %(more)s more state",
            "Telehealth in %(states)s and %(more)s more states",
            more,
        )
    elif more > 0:
        phrase = ngettext(
            "By phone in %(states)s and %(more)s more state", "By phone in %(states)s and %(more)s more states", more
        )
    else:
        phrase = _("Telehealth in %(states)s") if telehealth else _("By phone in %(states)s")
    return phrase % values


def facets(outcome: Outcome, form) -> list[Facet]:
    """The filter form's checkbox groups (the FilterSet's fields, their choices from the vocabulary), each option
    with the count it would give."""
    criteria, counts = outcome.criteria, outcome.counts
    result = []
    for group in facet_groups():
        chosen = set(criteria.slugs(group.param))
        terms = {term.slug: term for term in vocabulary().terms[group.field]}
        by_id = counts.options.get(group.param, {})
        options = [
            Option(
                slug,
                name,
                by_id.get(terms[slug].id, 0),
                slug in chosen,
                f"f-{group.param}-{slug}",
                group.param,
                folded=criteria.folds(terms[slug]),
            )
            for slug, name in form.fields[group.param].choices
            if criteria.offers(group.param, terms[slug])
        ]
        result.append(Facet(group.param, form.fields[group.param].label, options))
    return result


def chips(outcome: Outcome, filterset) -> list[Chip]:
    """The active filters as removable chips, in the filter form's order (each group names its own values)."""
    return [Chip(label, search_url(rest.query_string())) for label, rest in filterset.chips(outcome.criteria)]


def toggles(outcome: Outcome) -> list[Option]:
    criteria, counts = outcome.criteria, outcome.counts
    return [
        Option("1", label, counts.options.get(param, {}).get(1, 0), getattr(criteria, param), f"f-{param}", param)
        for param, label in TOGGLES.items()
    ]


def summary(outcome: Outcome) -> str:
    """ "148 providers matching “birth trauma” within 25 miles of Cambridge, MA 02139 or by telehealth in
    Massachusetts": what was searched, in words. Plain text (the template escapes it)."""
    criteria = outcome.criteria
    total = outcome.total
    parts = [ngettext("%(count)s provider", "%(count)s providers", total) % {"count": f"{total:,}"}]
    if criteria.q:
        parts.append(_("matching “%(words)s”") % {"words": criteria.q})
    parts.append(where_phrase(criteria))
    return " ".join(parts)


def where_phrase(criteria: SearchCriteria) -> str:
    place = criteria.place
    if place is None:
        return _("nationwide")
    formats = set(criteria.slugs("format"))
    state = state_name(place.state)
    if place.has_centre:
        near = _("within %(radius)s miles of %(place)s") % {"radius": criteria.radius, "place": place.label}
    else:
        near = _("with an office in %(state)s") % {"state": state}
    remote = _("by telehealth in %(state)s") % {"state": state}
    if formats and not formats & set(REMOTE_FORMATS):
        return near
    if formats and not formats & set(PLACE_FORMATS):
        return _("available %(remote)s") % {"remote": remote}
    if not place.has_centre:
        return _("in %(state)s, in person or by telehealth") % {"state": state}
    return _("%(near)s or %(remote)s") % {"near": near, "remote": remote}


def _filter_name(param: str) -> str:
    if facet_group(param):
        return facet_group(param).legend
    return TOGGLES.get(param) or (_("Due month") if param == "due" else _("Highest fee"))


def pagination(outcome: Outcome) -> list[dict]:
    """Page links around the current page, with gaps: 1 … 4 5 [6] 7 8 … 40."""
    current, last = outcome.criteria.page, outcome.pages
    if last <= 1:
        return []
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    items, previous = [], 0
    for number in shown:
        if number - previous > 1:
            items.append({"gap": True})
        items.append(
            {
                "number": number,
                "current": number == current,
                "url": search_url(outcome.criteria.adjusted(page=number).query_string()),
            }
        )
        previous = number
    return items
