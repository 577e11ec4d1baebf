"""Words in a search that call for help before a list of providers, in two tiers.

- Words of danger ("suicidal", "hurt my baby", "can't go on"): 988, 911 and the National Maternal Mental Health
  Hotline first.
- Distressing but common words ("intrusive thoughts", "scary thoughts"): reassurance that such thoughts are common
  and treatable, and the Postpartum Support International HelpLine; never the self-harm alarm.

Either way the words never end in an empty page: they are not used as a text filter (a person typing them needs
someone who helps, not a listing that happens to contain them). The search instead shows the providers who help
with what the words point to, near the place or by telehealth in its state, those taking new clients first:
`helping()` gives the searches to try, the first that finds someone wins.

Matching is on normalised text (lower case, no accents, no apostrophes, punctuation as spaces), so "Can't go on",
"cant go on" and "CAN’T GO ON" all match; phrases match whole words only ("suicid…" is a stem on purpose). When
words of both tiers are typed, danger wins.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from django.db import models

from directory.search.crisis_es import DANGER_PHRASES_ES, DISTRESS_PHRASES_ES
from directory.search.criteria import SearchCriteria


class Tier(models.TextChoices):
    DANGER = "danger", "Words of danger"
    DISTRESS = "distress", "Distressing but common thoughts"


DANGER_PHRASES = (
    r"suicid\w*",
    r"kill(?:ing)? myself",
    r"end(?:ing)? my life",
    r"take my (?:own )?life",
    r"end it all",
    r"want(?:ed)? to die",
    r"wanna die",
    r"better off dead",
    r"better off without me",
    r"no reason to live",
    r"dont want to (?:live|be alive|be here)",
    r"(?:cant|can not|cannot) go on",
    r"(?:cant|can not|cannot) do this anymore",
    r"self harm\w*",
    r"(?:hurt|harm|cut)(?:ing)? myself",
    r"(?:hurt|harm|kill|shake|shaking|smother)(?:ing)? (?:my|the) (?:baby|babies|child|children|kids?|son|daughter)",
    r"psychosis",
    r"psychotic",
    r"hearing voices",
    r"overdos\w*",
)
# Thoughts many parents have and few say aloud: common, treatable, and no sign of danger in themselves.
DISTRESS_PHRASES = (
    r"(?:intrusive|scary|unwanted|disturbing|frightening|horrible|awful|bad|upsetting) thoughts?",
    r"thoughts? (?:that|which) (?:scare|frighten|disturb)s? me",
)
# Each tier in English and in Spanish (directory.search.crisis_es).
DANGER = re.compile(r"\b(?:" + "|".join(DANGER_PHRASES + DANGER_PHRASES_ES) + r")\b")
DISTRESS = re.compile(r"\b(?:" + "|".join(DISTRESS_PHRASES + DISTRESS_PHRASES_ES) + r")\b")

# Who helps: perinatal mental-health clinicians; for distressing thoughts, those who treat perinatal OCD and anxiety.
HELPER_TYPES = ("therapist", "psychologist", "psychiatric-prescriber")
HELPER_CONCERNS = {Tier.DANGER: (), Tier.DISTRESS: ("perinatal-ocd", "perinatal-anxiety")}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def assess(text: str) -> Tier | None:
    """The tier the words call for, or None for an everyday search."""
    if not text:
        return None
    words = normalise(text)
    if DANGER.search(words):
        return Tier.DANGER
    if DISTRESS.search(words):
        return Tier.DISTRESS
    return None


def signals_crisis(text: str) -> bool:
    """Whether the words call for help first (either tier)."""
    return assess(text) is not None


def place_words_as_words(criteria: SearchCriteria) -> SearchCriteria:
    """Words of crisis typed where the place goes ("I can't go on" in the ZIP code box, the home page's first box)
    read as the words they are, so the page answers with help: never "We couldn't find “I can't go on”", nor the
    place a typo away ("cant go on" reads as Canton, MI)."""
    if assess(criteria.near) is None:
        return criteria
    return replace(criteria, q=" ".join(part for part in (criteria.q, criteria.near) if part), near="", place=None)


def helping(criteria: SearchCriteria, tier: Tier) -> list[SearchCriteria]:
    """The searches that show who helps, most fitting first, ending with one that only a directory with nobody in
    the place and its state leaves empty. The family's own filters stay unless nothing else finds anyone; the
    words are never a text filter; taking new clients first means: only those taking new clients, while there
    are any."""
    base = criteria.adjusted(q="", page=criteria.page, notes=criteria.notes)
    selected = dict(base.selected)
    selected.setdefault("type", HELPER_TYPES)
    if HELPER_CONCERNS[tier]:
        selected.setdefault("concern", HELPER_CONCERNS[tier])
    fitting = base.adjusted(selected=selected, page=base.page, notes=base.notes)
    by_type = base.adjusted(selected={**base.selected, "type": selected["type"]}, page=base.page, notes=base.notes)
    place_only = SearchCriteria(near=criteria.near, place=criteria.place, radius=criteria.radius, page=criteria.page)
    tries = [fitting.adjusted(accepting=True, page=base.page, notes=base.notes), fitting, by_type, base, place_only]
    unique = {search.query_string(): search for search in reversed(tries)}  # the same search once, first kept
    return list(reversed(unique.values()))
