"""Searching from memory: a bitmap per option over the published listings, kept by each worker.

Counting in PostgreSQL touches every matching row (~5 µs a row with forty-odd aggregates): 200-400 ms for a
nationwide filter or a word most listings mention, at 100,000 listings on two cores. Here every facet option,
flag and licensed state is one bit per listing (numpy, packed eight listings a byte: ~2.5 MB at 100,000), so the
counts for any search are a few thousand byte-wise ANDs and popcounts: about a millisecond. The offices'
coordinates are kept too (sorted by latitude), so the listings within a radius and their nearest office's distance
are found here, and the page is ordered here (the ranks of the sorts that do not depend on the search are computed
once per snapshot). What still comes from PostgreSQL is what only it can answer about words: which documents match
them and how well each ranks (the GIN index and the trigram index on names, `sql.word_matches`).

The bitmaps mirror `directory_listing` at one value of the listings' change counter (`sql.changes`); which
snapshot a worker uses, and when it is reloaded, is directory/search/snapshot.py's business. The answers are the
SQL statement's (`sql.build`): the search tests run on both engines, and tests/directory/test_search_facet_index.py
compares them over random searches.
"""

from __future__ import annotations

import math
import time

import numpy as np

from providers.geo import EARTH_RADIUS_MILES, bounding_box

# One scan of the listing copy: for every (group, option) the ids of the listings that have it, as packed int4s.
# Flags are groups with one option ''; "all" lists every listing.
LOAD = """
SELECT g, k, string_agg(int4send(l.provider_id::int4), ''::bytea)
FROM directory_listing l, LATERAL (
    SELECT 'all', ''
    UNION ALL SELECT 'accepting', '' WHERE l.accepting
    UNION ALL SELECT 'free_consultation', '' WHERE l.free_consultation
    UNION ALL SELECT 'types', unnest(l.types)::text
    UNION ALL SELECT 'concerns', unnest(l.concerns)::text
    UNION ALL SELECT 'modalities', unnest(l.modalities)::text
    UNION ALL SELECT 'languages', unnest(l.languages)::text
    UNION ALL SELECT 'payments', unnest(l.payments)::text
    UNION ALL SELECT 'practices', unnest(l.practices)::text
    UNION ALL SELECT 'formats', unnest(l.formats)::text
    UNION ALL SELECT 'licensed_states', unnest(l.licensed_states)::text
) x(g, k)
GROUP BY g, k
UNION ALL
SELECT 'fee_min', '', string_agg(int4send(provider_id::int4) || int4send(fee_min), ''::bytea)
FROM directory_listing WHERE fee_min IS NOT NULL
UNION ALL
SELECT 'confirmed_at', '',
       string_agg(int4send(provider_id::int4) || float8send(extract(epoch FROM confirmed_at)::float8), ''::bytea)
FROM directory_listing WHERE confirmed_at IS NOT NULL
UNION ALL  -- the database's own collation orders names, as in the SQL pages
SELECT 'name_order', '', string_agg(int4send(provider_id::int4), ''::bytea ORDER BY name_key, provider_id)
FROM directory_listing
UNION ALL
SELECT 'offices', '', string_agg(int4send(o.provider_id::int4) || float8send(o.latitude) || float8send(o.longitude),
                                 ''::bytea)
FROM providers_office o JOIN directory_listing l USING (provider_id)
WHERE o.latitude IS NOT NULL AND o.longitude IS NOT NULL
"""
ID_AND_FLOAT = np.dtype([("id", ">i4"), ("value", ">f8")])
OFFICE = np.dtype([("id", ">i4"), ("latitude", ">f8"), ("longitude", ">f8")])


def unpack_ids(data) -> np.ndarray:
    """Provider ids sent as packed int4s (`string_agg(int4send(id::int4), '')`)."""
    return np.frombuffer(bytes(data or b""), dtype=">i4").astype(np.int64)


TEXT_MATCH = np.dtype([("id", ">i4"), ("rank", ">f4")])
NAME_MATCH = np.dtype([("id", ">i4"), ("rank", ">f4"), ("boost", ">f8"), ("matches", ">i4")])


def word_relevance(text_matches, name_matches, near_place: bool) -> tuple[np.ndarray, np.ndarray]:
    """(provider ids, relevance) of what the words find (`sql.word_matches`), scored as `sql.build` ranks them: a
    document match by its rank; a name close to the words by its boost, plus the rank near a place, or nationwide
    the rank only if the document matches too. A listing found both ways keeps its (never lower) name score."""
    text = np.frombuffer(bytes(text_matches or b""), dtype=TEXT_MATCH)
    names = np.frombuffer(bytes(name_matches or b""), dtype=NAME_MATCH)
    name_rank = names["rank"].astype(float)
    if near_place:
        name_scores = name_rank + names["boost"]
    else:
        name_scores = names["boost"] + np.where(names["matches"] == 1, name_rank, 0.0)
    # Ranked by key (`sql.word_matches(among=...)`), a listing found only by its name has a text row too: drop it.
    text = text[~np.isin(text["id"], names["id"][names["matches"] == 0])]
    ids = np.concatenate([text["id"], names["id"]]).astype(np.int64)
    scores = np.concatenate([text["rank"].astype(float), name_scores])
    order = np.lexsort([-scores, ids])
    ids, scores = ids[order], scores[order]
    first = np.ones(len(ids), dtype=bool)
    first[1:] = ids[1:] != ids[:-1]
    return ids[first], scores[first]


def popcount(bits: np.ndarray) -> np.ndarray | int:
    """Set bits along the last axis."""
    return np.bitwise_count(bits).sum(axis=-1, dtype=np.int64)


class FacetIndex:
    """Bitmaps over the listings of one snapshot; listing i is bit i of the packed arrays (ids sorted)."""

    def __init__(self, version: int, rows, loaded_at: float | None = None):
        self.version = version
        self.loaded_at = time.monotonic() if loaded_at is None else loaded_at
        rows = list(rows)
        self.ids = np.sort(next((unpack_ids(data) for g, _, data in rows if g == "all"), np.zeros(0, np.int64)))
        self.size = len(self.ids)
        self.everyone = self.bits(self.ids)
        self.fee = np.full(self.size, np.nan)
        self.terms: dict[str, dict[int, np.ndarray]] = {}
        self.flags: dict[str, np.ndarray] = {}
        self.states: dict[str, np.ndarray] = {}
        self.confirmed = np.full(self.size, np.nan)  # epoch seconds
        self.name_rank = np.zeros(self.size, dtype=np.int64)
        self._ranks: dict[str, np.ndarray] = {}
        self.offices = np.zeros(0, dtype=[("position", np.int64), ("latitude", float), ("longitude", float)])
        for group, key, data in rows:
            if group == "confirmed_at":
                records = np.frombuffer(bytes(data or b""), dtype=ID_AND_FLOAT)
                found, positions = self._positions(records["id"].astype(np.int64))
                self.confirmed[positions] = records["value"][found]
            elif group == "name_order":
                found, positions = self._positions(unpack_ids(data))
                self.name_rank[positions] = np.arange(len(positions))
            elif group == "offices":
                records = np.frombuffer(bytes(data or b""), dtype=OFFICE)
                found, positions = self._positions(records["id"].astype(np.int64))
                offices = np.zeros(len(positions), dtype=self.offices.dtype)
                offices["position"] = positions
                offices["latitude"] = records["latitude"][found]
                offices["longitude"] = records["longitude"][found]
                self.offices = np.sort(offices, order="latitude")  # a bounding box is then two binary searches
            elif group == "fee_min":
                pairs = unpack_ids(data).reshape(-1, 2)
                found, positions = self._positions(pairs[:, 0])
                self.fee[positions] = pairs[found, 1]
            elif group == "licensed_states":
                self.states[key] = self.bits(unpack_ids(data))
            elif key == "":
                self.flags[group] = self.bits(unpack_ids(data))
            else:
                self.terms.setdefault(group, {})[int(key)] = self.bits(unpack_ids(data))

    @classmethod
    def load(cls, connection, version: int) -> FacetIndex:
        with connection.cursor() as cursor:
            cursor.execute(LOAD)
            return cls(version, cursor.fetchall())

    def _positions(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(which of `ids` are listed, their positions)."""
        positions = np.searchsorted(self.ids, ids)
        found = positions < self.size
        found[found] = self.ids[positions[found]] == ids[found]
        return found, positions[found]

    def bits(self, ids) -> np.ndarray:
        """The packed bitmap of these provider ids (ids not listed are ignored)."""
        members = np.zeros(self.size, dtype=bool)
        members[self._positions(np.asarray(ids, dtype=np.int64))[1]] = True
        return np.packbits(members)

    def members(self, bits: np.ndarray) -> np.ndarray:
        """The provider ids in a bitmap."""
        return self.ids[np.flatnonzero(np.unpackbits(bits, count=self.size))]

    def none(self) -> np.ndarray:
        return np.zeros_like(self.everyone)

    def option_bits(self, field: str, term_ids) -> np.ndarray:
        """One row per term (in the order given); a term no listing has is all zeros."""
        known = self.terms.get(field, {})
        zeros = self.none()
        return np.array([known.get(i, zeros) for i in term_ids]).reshape(len(term_ids), len(zeros))

    def counts(self, spec, candidates: np.ndarray, in_range: np.ndarray | None = None):
        """What `sql.build(facets=True)` counts, for the listings in `candidates` (a bitmap): (the total, per
        group and option the results with it chosen as well (disjunctive within its group, conjunctive across), per
        active filter the results without it, and the bitmap of the results). `in_range`: with a place, the listings
        with an office in range."""
        criteria = spec.criteria
        licensed = self.states.get(criteria.place.state, self.none()) if criteria.place else None
        groups = []  # (param, term ids, option bitmaps, pass bitmap or None)
        for group in spec.facet_groups:
            field, ids = group.field, spec.option_ids[group.field]
            options = self.option_bits(field, ids)
            if field == "formats" and criteria.place:
                # In person needs an office in range; telehealth and phone need a licence in the place's state.
                remote = np.isin(ids, spec.remote_format_ids)[:, None]
                options = options & np.where(remote, licensed, in_range)
            selected = np.isin(ids, spec.selected_ids.get(field, []))
            passes = np.bitwise_or.reduce(options[selected], axis=0) if selected.any() else None
            groups.append((group.param, ids, options, passes))
        for param, flag, chosen in (
            ("accepting", "accepting", criteria.accepting),
            ("free_consult", "free_consultation", criteria.free_consult),
        ):
            bits = self.flags.get(flag, self.none())
            groups.append((param, [1], bits[None, :], bits if chosen else None))
        fee_passes = None
        if criteria.max_fee is not None:
            fee_passes = np.packbits(self.fee <= criteria.max_fee)  # NaN (no fee stated) is never within
        groups.append(("max_fee", [], np.zeros((0, len(self.everyone)), np.uint8), fee_passes))

        active = [g for g in groups if g[3] is not None]
        # ok[param]: the candidates passing every active group but `param`'s; everyone else's: passing them all.
        passing_all = candidates.copy()
        for *_, passes in active:
            passing_all &= passes
        ok = {}
        for param, *_ in active:
            bits = candidates.copy()
            for other, *_, passes in active:
                if other != param:
                    bits &= passes
            ok[param] = bits
        options = {}
        for param, ids, bitmaps, _ in groups:
            numbers = popcount(bitmaps & ok.get(param, passing_all)) if len(ids) else []
            options[param] = {int(i): int(n) for i, n in zip(ids, numbers, strict=True)}
        without = {param: int(popcount(bits)) for param, bits in ok.items()}
        return int(popcount(passing_all)), options, without, passing_all

    def candidates(self, spec, in_range: np.ndarray | None = None, word_ids=None) -> np.ndarray:
        """The search's candidate listings as a bitmap, as `sql.build`'s c: near a place, those with an office in
        range (`in_range`) ∪ those licensed in its state offering telehealth or phone; then only those matching the
        words."""
        criteria = spec.criteria
        chosen = in_range | self._remote_here(spec) if criteria.place else self.everyone.copy()
        if criteria.q:
            chosen &= self.bits(word_ids)
        return chosen

    def _remote_here(self, spec) -> np.ndarray:
        """Listings licensed in the place's state that offer telehealth or phone."""
        offers = self.option_bits("formats", spec.remote_format_ids)
        offers = np.bitwise_or.reduce(offers, axis=0) if len(offers) else self.none()
        return self.states.get(spec.criteria.place.state, self.none()) & offers

    def near(self, place, radius: float) -> np.ndarray:
        """Miles from the place to each listing's nearest office within `radius` (NaN: none in range), by the same
        bounding box and haversine formula as `sql.NEAR`."""
        min_lat, max_lat, min_lon, max_lon = bounding_box(place.latitude, place.longitude, radius)
        latitudes = self.offices["latitude"]
        box = self.offices[np.searchsorted(latitudes, min_lat, "left") : np.searchsorted(latitudes, max_lat, "right")]
        box = box[(box["longitude"] >= min_lon) & (box["longitude"] <= max_lon)]
        # Term by term as in SQL (radians of the differences), so both give the same miles to the last digit.
        lat = box["latitude"]
        a = (
            np.sin(np.radians(lat - place.latitude) / 2) ** 2
            + math.cos(math.radians(place.latitude))
            * np.cos(np.radians(lat))
            * np.sin(np.radians(box["longitude"] - place.longitude) / 2) ** 2
        )
        miles = 2 * EARTH_RADIUS_MILES * np.arcsin(np.minimum(1, np.sqrt(a)))
        within = miles <= radius
        nearest = np.full(self.size, np.inf)
        np.minimum.at(nearest, box["position"][within], miles[within])
        nearest[np.isinf(nearest)] = np.nan
        return nearest

    def page(self, spec, results: np.ndarray, miles: np.ndarray | None, offset: int, limit: int, relevance=None):
        """Rows (provider id, miles or None, by telehealth or phone here) of the page, in `sql._order`'s order:
        listings nobody confirmed lately last, then by the sort, then by name and id. `relevance`: with words and
        the relevance sort, (provider ids, relevance) of the word matches (`word_relevance`)."""
        criteria = spec.criteria
        sort = criteria.effective_sort()
        positions = np.flatnonzero(np.unpackbits(results, count=self.size))
        stale = ~(self.confirmed[positions] >= spec.stale_before.timestamp())  # never confirmed: stale
        rank = None
        if relevance is not None:
            by_position = np.zeros(self.size)
            found, at = self._positions(relevance[0])
            by_position[at] = relevance[1][found]
            rank = by_position[positions]
        if miles is None and rank is None:
            # Nationwide the order but for staleness is the same for every search: ranked once, then only the
            # rows up to the page are sorted (the whole directory's page 1 without sorting 100,000 rows).
            key = stale * self.size + self._rank(sort)[positions]
            end = offset + limit
            top = np.argpartition(key, end - 1)[:end] if end < len(key) else np.arange(len(key))
            order = top[np.argsort(key[top])][offset:end]
        else:
            keys = self._sort_keys(positions, sort, miles[positions] if miles is not None else None, rank)
            order = np.lexsort([self.name_rank[positions], *reversed(keys), stale])[offset : offset + limit]
        chosen = positions[order]
        remote = np.zeros(len(chosen), dtype=bool)
        if criteria.place:
            remote = np.unpackbits(self._remote_here(spec), count=self.size)[chosen].astype(bool)
        return [
            (int(self.ids[i]), None if miles is None or np.isnan(miles[i]) else float(miles[i]), bool(r))
            for i, r in zip(chosen, remote, strict=True)
        ]

    def _sort_keys(self, positions: np.ndarray, sort: str, miles: np.ndarray | None, rank=None) -> list[np.ndarray]:
        """The sort's keys for these listings, most significant first (before name and id; after staleness).
        `rank`: with words, their relevance (which then leads the relevance sort, before distance)."""
        confirmed = self.confirmed[positions]
        newest_first = np.where(np.isnan(confirmed), np.inf, -confirmed)
        accepting = np.unpackbits(self.flags.get("accepting", self.none()), count=self.size)[positions]
        nearest_first = np.where(np.isnan(miles), np.inf, miles) if miles is not None else None
        keys = []
        if sort == "relevance":
            keys += [-rank] if rank is not None else []
            keys += [nearest_first] if nearest_first is not None else []
            keys += [accepting == 0, newest_first] if rank is None else []  # False (taking clients) sorts first
        elif sort == "distance" and nearest_first is not None:
            keys.append(nearest_first)
        elif sort == "recently-confirmed":
            keys.append(newest_first)
        return keys

    def _rank(self, sort: str) -> np.ndarray:
        """Each listing's rank in the nationwide `sort` order, staleness aside (computed once per snapshot)."""
        if sort not in self._ranks:
            everyone = np.arange(self.size)
            order = np.lexsort([self.name_rank, *reversed(self._sort_keys(everyone, sort, None))])
            rank = np.empty(self.size, dtype=np.int64)
            rank[order] = everyone
            self._ranks[sort] = rank
        return self._ranks[sort]
