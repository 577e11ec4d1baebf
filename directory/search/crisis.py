"""Words in a search that call for help before a list of providers.

The search still runs: the page shows the crisis lines first, kindly, and the results below them. Matching is on
normalised text (lower case, no accents, no apostrophes, punctuation as spaces), so "Can't go on", "cant go on"
and "CAN’T GO ON" all match; phrases match whole words only ("suicid…" is a stem on purpose).
"""

from __future__ import annotations

import re
import unicodedata

PHRASES = (
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
    r"intrusive thoughts?",
    r"overdos\w*",
)
PATTERN = re.compile(r"\b(?:" + "|".join(PHRASES) + r")\b")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’‘`´]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def signals_crisis(text: str) -> bool:
    return bool(text) and PATTERN.search(normalise(text)) is not None
