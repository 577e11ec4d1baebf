"""Builds demo listings in memory, as the column values of a Provider row and its Office rows.

Listing number n is drawn from its own generator, Random("<seed>:<n>"), so the same seed always gives the same
listing n, whatever else changes: a run with 40 providers is the first 40 of a run with 300.

Rows are plain dicts keyed by field attname, ready for COPY (providers.demo.bulk), rather than model instances:
at 100,000 listings, building and preparing model instances cost more than everything else in Python together.
Fields a row leaves out get their model defaults.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.text import slugify

from providers import geo
from providers.demo import text
from providers.demo.fit import right_fit
from providers.demo.listing_parts import Extras, Terms, choose_terms, fees, role_for
from providers.demo.names import group_name, person_name
from providers.demo.places import Home, Places
from providers.demo.profiles import PROFILES, Profile, credentials
from providers.freshness import CONFIRMED_WITHIN, REMIND_AFTER, STALE_AFTER
from providers.models import Provider
from providers.plans import PLAN_STALE_AFTER
from providers.states import STATE_CODES, STATE_NAMES
from providers.taxonomy import vocabulary

NOT_ACCEPTING_SHARE = 0.2
# Most providers answered a reminder lately; a few have not yet (amber on their cards), fewer still have let it lapse
# long enough to sink in the results.
UNCONFIRMED_SHARE = 0.06
STALE_SHARE = 0.08
PHOTO_SHARE = 0.6
PHOTO_LIMIT = 300  # only the first listings get photos: drawing them is the slowest part of a large run
OWNED_PUBLISHED = 3  # the first published listings have accounts too, to try the provider pages

DEMO_EMAIL_TEMPLATE = "provider{number}@example.org"


@dataclass
class DemoListing:
    number: int
    provider: dict  # Provider column values by attname; "id" and "owner_id" are set when loading
    offices: list[dict] = field(default_factory=list)  # Office column values; "provider_id" is set when loading
    plan_confirmations: list[dict] = field(default_factory=list)  # ProviderPlan values; "provider_id" likewise
    credential_checks: list[dict] = field(default_factory=list)  # CredentialCheck values; "provider_id" likewise
    owner_email: str = ""  # an account to create and link, or "" for none
    photo_seed: str = ""  # a seed for the portrait, or "" for no photo


def demo_email(number: int) -> str:
    return DEMO_EMAIL_TEMPLATE.format(number=number)


class Builder:
    def __init__(self, seed: int, now, places: Places | None = None, taken_slugs=()):
        self.seed = seed
        self.now = now
        self.places = places or Places()
        self.vocabulary = vocabulary()
        self.slugs = set(taken_slugs)
        self._profile_weights = [profile.weight for profile in PROFILES]
        self._provider_fields = {f.attname for f in Provider._meta.concrete_fields}
        coverage = list(STATE_CODES)
        random.Random(f"{seed}:states").shuffle(coverage)
        self.coverage = coverage  # listing n (n <= 52) is based in coverage[n - 1]: every state has someone

    def listings(self, published: int, drafts: int, pending: int) -> Iterator[DemoListing]:
        statuses = [Provider.Status.PUBLISHED] * published
        statuses += [Provider.Status.DRAFT] * drafts + [Provider.Status.PENDING] * pending
        for number, status in enumerate(statuses, start=1):
            yield self.listing(number, status)

    def listing(self, number: int, status: str) -> DemoListing:
        rng = random.Random(f"{self.seed}:{number}")
        profile = rng.choices(PROFILES, weights=self._profile_weights)[0]
        state = self.coverage[number - 1] if number <= len(self.coverage) else None
        home = self.places.home(rng, state)
        if profile.slug == "support-group":
            name, focus = group_name(rng, home.place.city)
            pronouns, extras = "", Extras(group_concerns=list(focus.concerns), bereaved=focus.bereaved)
        else:
            (name, pronouns), extras = person_name(rng), Extras()
        terms = choose_terms(rng, profile, home, extras)
        offices = self._offices(rng, profile, home, terms.formats, must_have_one=state is not None)
        licensed = {home.state, *(office["state"] for office in offices)}
        licensed.update(self.places.licensed_states(rng, home.state, profile.extra_state_chance))
        shown_credentials, license_type = credentials(rng, profile.slug, home.state)
        fee_columns = fees(rng, profile, terms.payments)
        row = {
            "status": status,
            "display_name": name,
            "slug": self._unique_slug(name),
            "pronouns": pronouns,
            "credentials": shown_credentials,
            **fee_columns,
            "free_consultation": rng.random() < profile.free_consultation,
            "licensed_states": sorted(licensed),
            "contact_email": demo_email(number),
            **{field_name: self._ids(field_name, slugs) for field_name, slugs in terms.as_dict().items()},
        }
        row.update(self._text(rng, row, profile, offices, terms, status))
        row.update(self._contact(rng, row["slug"], home))
        row.update(self._availability(rng))
        row.update(self._license(rng, profile, license_type, home.state, status))
        row.update(self._moderation_dates(rng, status))
        fit_rng = random.Random(f"{self.seed}:{number}:fit")  # its own generator: the rest of the listing never shifts
        fit = right_fit(fit_rng, profile.slug, row, terms, status, self.now, self.vocabulary)
        row.update(fit.columns)
        owned = status != Provider.Status.PUBLISHED or number <= OWNED_PUBLISHED
        wants_photo = number <= PHOTO_LIMIT and rng.random() < PHOTO_SHARE
        return DemoListing(
            number=number,
            provider=row,
            offices=offices,
            plan_confirmations=self._plan_confirmations(number, row),
            credential_checks=fit.checks,
            owner_email=demo_email(number) if owned else "",
            photo_seed=f"{self.seed}:{number}:photo" if wants_photo else "",
        )

    # The parts of a listing -----------------------------------------------------------------------------------
    def _plan_confirmations(self, number: int, row: dict) -> list[dict]:
        """When each plan was last confirmed: mostly with the availability, some earlier, a few long ago (shown as
        not confirmed lately). Drawn from the listing's own second generator, so the rest of it never shifts."""
        rng = random.Random(f"{self.seed}:{number}:plans")
        confirmed = row.get("availability_confirmed_at") or self.now
        found = []
        for plan_id in row.get("plans", []):
            draw = rng.random()
            stale = rng.randint(PLAN_STALE_AFTER.days + 1, 400)
            days = 0 if draw < 0.7 else rng.randint(1, 90) if draw < 0.92 else stale
            found.append({"plan_id": plan_id, "confirmed_at": min(confirmed, self.now) - timedelta(days=days)})
        return found

    def _ids(self, field_name: str, slugs: list[str]) -> list[int]:
        return sorted(self.vocabulary.ids(field_name, slugs))

    def _unique_slug(self, name: str) -> str:
        base = slugify(name)[:120] or "provider"
        slug, n = base, 2
        while slug in self.slugs:
            slug, n = f"{base}-{n}", n + 1
        self.slugs.add(slug)
        return slug

    def _offices(self, rng, profile: Profile, home: Home, formats: list[str], must_have_one: bool) -> list[dict]:
        online_only = set(formats) <= {"telehealth", "phone"}
        if online_only:
            # Half of online-only providers still list the city they work from; the rest list no office (except
            # the listings that put a state on the map).
            count = 1 if rng.random() < 0.5 or must_have_one else 0
        else:
            count = rng.choices([1, 2, 3], weights=[65, 27, 8])[0]
        places = [home.place]
        while len(places) < count:
            places.append(self.places.another_office(rng, home, {p.zip_code for p in places}))
        group = profile.slug == "support-group"
        several = count > 1
        return [_office(rng, place, index, several, online_only, group) for index, place in enumerate(places[:count])]

    def _text(self, rng, row: dict, profile: Profile, offices: list[dict], terms: Terms, status: str) -> dict:
        languages = self.vocabulary.by_slug["languages"]
        facts = text.Facts(
            voice=profile.voice,
            role=role_for(profile.slug, row["credentials"]),
            name=row["display_name"],
            first_name=row["display_name"].split()[0],
            city=offices[0]["city"] if offices else "",  # the town the listing shows; none when it works only online
            years=rng.randint(2, 12) if profile.slug == "support-group" else rng.randint(2, 26),
            credentials=row["credentials"],
            concerns=terms.concerns,
            modalities=terms.modalities,
            practices=terms.practices,
            formats=terms.formats,
            other_languages=[languages[slug].name for slug in terms.languages if slug != "en"],
            speaks_english="en" in terms.languages,
            licensed_state_names=[STATE_NAMES[code] for code in row["licensed_states"]],
            free_consultation=row["free_consultation"],
        )
        written = text.compose(rng, facts)
        if status == Provider.Status.DRAFT and rng.random() < 0.5:
            written["approach"] = written["trainings"] = ""  # a draft still being written
        return written

    def _contact(self, rng, slug: str, home: Home) -> dict:
        found = {}
        domain = rng.choice(["example.org", "example.org", "example.com", "example.net"])
        if rng.random() < 0.75:
            found["website"] = f"https://{slug}.{domain}/"
            if rng.random() < 0.35:
                found["booking_url"] = f"{found['website']}book"
        if rng.random() < 0.85:
            # 555-0100 to 555-0199 is the range set aside for fiction: these numbers never ring anyone.
            found["phone"] = f"({home.metro.area_code}) 555-01{rng.randint(0, 99):02d}"
        return found

    def _availability(self, rng) -> dict:
        draw = rng.random()
        if draw < STALE_SHARE:
            days = rng.randint(STALE_AFTER.days + 1, 420)
        elif draw < STALE_SHARE + UNCONFIRMED_SHARE:
            days = rng.randint(CONFIRMED_WITHIN.days + 1, STALE_AFTER.days - 1)
        else:
            # Reminded at REMIND_AFTER, most answer within days: confirmations thin out after it.
            days = int(REMIND_AFTER.days * 1.3 * rng.random() ** 1.5)
        return {
            "accepting_new_clients": rng.random() >= NOT_ACCEPTING_SHARE,
            "availability_confirmed_at": self.now - timedelta(days=days, minutes=rng.randint(0, 1439)),
        }

    def _license(self, rng, profile: Profile, license_type: str, state: str, status: str) -> dict:
        if not (profile.licensed and license_type):
            return {}
        found = {
            "license_type": license_type,
            "license_state": state,
            "license_number": f"DEMO-{rng.randint(10000, 999999)}",  # never a real license's number
        }
        if status == Provider.Status.PUBLISHED and rng.random() < 0.75:
            found["license_verified_at"] = self.now - timedelta(days=rng.randint(1, 700))
        return found

    def _moderation_dates(self, rng, status: str) -> dict:
        submitted = self.now - timedelta(days=rng.randint(0, 900), minutes=rng.randint(0, 1439))
        if status == Provider.Status.PENDING:
            submitted = self.now - timedelta(hours=rng.randint(1, 96))
        found = {}
        if status != Provider.Status.DRAFT:
            found["submitted_at"] = submitted
        if status == Provider.Status.PUBLISHED:
            found["published_at"] = submitted + timedelta(hours=rng.randint(2, 72))
        # Only the fields the model has (the moderation work adds them).
        return {name: value for name, value in found.items() if name in self._provider_fields}


def _words(text: str) -> list[str]:
    return text.split()


# A first office's name: "main" only beside others, and never a bare "Office" under the profile's "Office" heading.
OFFICE_NAMES = ["Main office", "Main office", "Practice office", "Practice office", ""]
LONE_OFFICE_NAMES = ["Practice office", "", "", "Practice office", ""]  # as many as OFFICE_NAMES: the same draws
STREET_NAMES = _words("""Linden Maple Cedar Willow Harbor Hillside Orchard Chestnut Meadow Birch Magnolia Juniper Laurel
Sycamore Aspen Riverside Prospect Union Garden Spring Elm Park Lake Summit Highland Brookside Clover Rosewood
Heritage Beacon""")
STREET_KINDS = ["Street", "Avenue", "Road", "Lane", "Boulevard", "Way", "Drive", "Place"]


def _office(rng, place: geo.Place, index: int, several: bool, online_only: bool, group: bool) -> dict:
    if online_only:
        name = "Where we're based (we meet online)" if group else "Where I'm based (sessions are online)"
    elif group:
        name = rng.choice(["Meeting room", "Community room", "Where we meet"])
    else:
        name = rng.choice(OFFICE_NAMES if several else LONE_OFFICE_NAMES) if index == 0 else f"{place.city} office"
    street = f"{rng.randint(10, 2999)} {rng.choice(STREET_NAMES)} {rng.choice(STREET_KINDS)}"
    if rng.random() < 0.3:
        street += f", Suite {rng.randint(100, 450)}"
    has_street = not online_only and rng.random() < 0.85
    return {
        "name": name[:120],
        "street": street if has_street else "",
        "show_street": has_street and rng.random() < 0.5,
        "city": place.city,
        "state": place.state,
        "zip_code": place.zip_code,
        "latitude": place.latitude,
        "longitude": place.longitude,
    }
