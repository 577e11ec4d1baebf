"""Real ZIP codes for demo offices, clustered the way practices are: most around cities, some in rural towns.

Offices use only standard (street-delivery) ZIP codes, never PO boxes or single-building codes, and take their
coordinates from the places table (providers.places) exactly as `Office.locate()` would, so a demo office is
indistinguishable from one a provider entered.
"""

from __future__ import annotations

import math
from bisect import bisect
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from providers import geo
from providers.demo.metros import METROS, NEIGHBOURS, Metro
from providers.places import ZipCode

# Share of listings in a small town rather than around a metro area.
RURAL_SHARE = 0.15
# Share of second and third offices in another city of the state rather than the same metro area.
SATELLITE_SHARE = 0.25


@dataclass(frozen=True)
class Home:
    """Where a provider is based: a metro area (even for a rural practice, the nearest big one) and a ZIP code."""

    metro: Metro
    place: geo.Place
    rural: bool = False

    @property
    def state(self) -> str:
        return self.place.state


class Places:
    """ZIP codes grouped by state and by metro area; build once per seeding run (one query, about 30,000 rows).

    Loaded at once, in the thread that builds it: the builder's listings are drawn in a background thread,
    which must not open a database connection of its own.
    """

    def __init__(self):
        self._by_metro: dict[Metro, list[geo.Place]] = {}
        self.by_state: dict[str, list[geo.Place]] = {}
        zips = ZipCode.objects.filter(standard=True).order_by("zip_code")
        for code, city, state, lat, lon in zips.values_list("zip_code", "city", "state", "latitude", "longitude"):
            # The same Place as geo.lookup_zip(code) gives.
            place = geo.Place(f"{city}, {state} {code}", city, state, lat, lon, zip_code=code)
            self.by_state.setdefault(state, []).append(place)

    @cached_property
    def _grid(self) -> dict[tuple[int, int], list[geo.Place]]:
        # One-degree cells: a metro's neighbourhood is a handful of cells, not the whole country.
        grid: dict[tuple[int, int], list[geo.Place]] = {}
        for state in sorted(self.by_state):
            for place in self.by_state[state]:
                grid.setdefault(_cell(place.latitude, place.longitude), []).append(place)
        return grid

    @cached_property
    def _metro_weights(self) -> list[float]:
        return list(accumulate(metro.weight for metro in METROS))

    @cached_property
    def metros_by_state(self) -> dict[str, list[Metro]]:
        found: dict[str, list[Metro]] = {}
        for metro in METROS:
            found.setdefault(metro.state, []).append(metro)
        return found

    def around(self, metro: Metro) -> list[geo.Place]:
        """Standard ZIP codes within the metro's radius of its centre (any state: New York reaches into NJ)."""
        if metro not in self._by_metro:
            lat, lon = self.centre(metro)
            min_lat, max_lat, min_lon, max_lon = geo.bounding_box(lat, lon, metro.radius)
            places = [
                place
                for cell_lat in range(math.floor(min_lat), math.floor(max_lat) + 1)
                for cell_lon in range(math.floor(min_lon), math.floor(max_lon) + 1)
                for place in self._grid.get((cell_lat, cell_lon), [])
                if geo.miles_between(lat, lon, place.latitude, place.longitude) <= metro.radius
            ]
            self._by_metro[metro] = sorted(places, key=lambda place: place.zip_code)
        return self._by_metro[metro]

    def centre(self, metro: Metro) -> tuple[float, float]:
        """The mean position of the city's own standard ZIP codes.

        Not geo.lookup_city(): that also averages ZIP codes which merely accept the city's name in addresses,
        which can be far away (it puts Birmingham, AL about 80 miles from downtown).
        """
        own = [place for place in self.by_state[metro.state] if place.city == metro.city]
        if not own:
            raise ValueError(f"No standard ZIP codes for the demo metro {metro.city}, {metro.state}")
        return sum(p.latitude for p in own) / len(own), sum(p.longitude for p in own) / len(own)

    # Choosing ----------------------------------------------------------------------------------------------
    def pick_metro(self, rng, state: str | None = None) -> Metro:
        if state is None:
            return METROS[bisect(self._metro_weights, rng.random() * self._metro_weights[-1])]
        candidates = self.metros_by_state[state]
        return rng.choices(candidates, weights=[metro.weight for metro in candidates])[0]

    def home(self, rng, state: str | None = None) -> Home:
        """A base for a new provider: around a metro area (weighted by size), or sometimes a small town."""
        metro = self.pick_metro(rng, state)
        if rng.random() < RURAL_SHARE:
            return Home(metro, rng.choice(self.by_state[metro.state]), rural=True)
        place = rng.choice(self.around(metro))
        if state is not None and place.state != state:
            # A state's own listing must be in that state, even when its metro spills over a border.
            in_state = [p for p in self.around(metro) if p.state == state] or self.by_state[state]
            place = rng.choice(in_state)
        return Home(metro, place)

    def another_office(self, rng, home: Home, taken: set[str]) -> geo.Place:
        """A second or third office: usually elsewhere in the same metro area, sometimes another city nearby."""
        metro = self.pick_metro(rng, home.state) if rng.random() < SATELLITE_SHARE else home.metro
        candidates = self.around(metro)
        for _ in range(4):
            place = rng.choice(candidates)
            if place.zip_code not in taken:
                return place
        return place

    def licensed_states(self, rng, home_state: str, extra_chance: float) -> list[str]:
        """The home state, plus (sometimes) one or two neighbours for telehealth across a nearby border."""
        states = {home_state}
        neighbours = NEIGHBOURS[home_state]
        if neighbours and rng.random() < extra_chance:
            how_many = 2 if rng.random() < 0.3 else 1
            states.update(rng.sample(neighbours, k=min(len(neighbours), how_many)))
        return sorted(states)


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude), math.floor(longitude)
