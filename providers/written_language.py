"""The language a provider's own words are written in, when it can be known (issue 15).

Provider text is shown as written, never translated; on a page in another language it is marked with `lang`, so
screen readers pronounce it right. The words tell: English and Spanish each have short words the other never uses.
When they do not (a short headline, another language), the one language the provider offers care in decides, and a
listing naming only English, or no language at all, is English (the listing form is in English).
"""

from __future__ import annotations

import re

# Short words one language uses often and the other never.
ENGLISH = "the and you your with to of my is are for we our in on this that it be can from at who how what will"
SPANISH = "el la los las y de del que en con para su sus mi mis es son un una por usted ustedes le lo al como"
ENGLISH_WORDS, SPANISH_WORDS = frozenset(ENGLISH.split()), frozenset(SPANISH.split())
WORD = re.compile(r"[^\W\d_]+")


def written_language(texts, offered: set[str]) -> str:
    """ "en", "es" or another language code, or "" when it cannot be known. `offered`: the language slugs the
    provider offers care in ("en", "es", "asl"…)."""
    words = [word.lower() for text in texts if text for word in WORD.findall(text)]
    english = sum(word in ENGLISH_WORDS for word in words)
    spanish = sum(word in SPANISH_WORDS for word in words)
    if english >= 2 and english >= 2 * spanish:
        return "en"
    if spanish >= 2 and spanish >= 2 * english:
        return "es"
    spoken = offered - {"asl"}  # sign language is not what a text is written in
    if not spoken or spoken == {"en"}:
        return "en"
    return next(iter(spoken)) if len(spoken) == 1 else ""
