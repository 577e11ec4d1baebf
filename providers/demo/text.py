"""Composes a listing's headline, bio, approach and trainings from the fragments in `phrases` and `phrases_care`.

Each listing draws its own combination with its own random generator, so listings read differently while the
same seed always writes the same words. The text agrees with the listing's facts: its concerns, modalities,
practices, formats, languages and credentials.
"""

from __future__ import annotations

from dataclasses import dataclass

from providers.demo import phrases as p
from providers.demo import phrases_care as care

REFERENCE_YEAR = 2026  # training years count back from here, so the text never depends on today's date


@dataclass(frozen=True)
class Facts:
    """What the writing needs to know about a listing (slugs for terms, names for languages and states)."""

    voice: str
    role: str
    name: str
    first_name: str
    city: str  # the first office's town, as the profile shows it; "" when the listing has no office
    years: int
    credentials: str
    concerns: list[str]  # the most central first
    modalities: list[str]
    practices: list[str]
    formats: list[str]
    other_languages: list[str]  # names, besides English
    speaks_english: bool
    licensed_state_names: list[str]
    free_consultation: bool

    @property
    def is_group(self) -> bool:
        return self.voice == "group"


def join_words(words: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def compose(rng, facts: Facts) -> dict[str, str]:
    """The listing's headline, bio, approach and trainings, keyed by Provider field name."""
    values = _values(rng, facts)
    return {
        "headline": _fill(_choice(rng, p.HEADLINES[facts.voice], facts), values),
        "bio": bio(rng, facts, values),
        "approach": approach(rng, facts),
        "trainings": trainings(rng, facts),
    }


def _values(rng, facts: Facts) -> dict[str, object]:
    concern_words = [p.CONCERN_WORDS[slug] for slug in facts.concerns] or ["the months around birth"]
    return {
        "c1": concern_words[0],
        "c2": concern_words[1] if len(concern_words) > 1 else "the changes a new baby brings",
        "concerns": join_words(concern_words[:3]),
        "a_role": f"{'an' if facts.role[0] in 'aeiou' else 'a'} {facts.role}",
        "years": facts.years,
        "city": facts.city,
        "first_name": facts.first_name,
        "name": facts.name,
        "past_setting": rng.choice(p.PAST_SETTINGS.get(facts.voice, ["a community clinic"])),
    }


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format_map(values) if "{" in template else template


def _choice(rng, templates: list[str], facts: Facts) -> str:
    """One of the templates; never one naming a town when the listing shows none."""
    return rng.choice(templates if facts.city else [t for t in templates if "{city}" not in t])


def bio(rng, facts: Facts, values: dict[str, object]) -> str:
    """Three short paragraphs: who I am and whom I help; why and what sessions are like; the practical bits."""
    if facts.is_group:
        first = [_choice(rng, p.GROUP_OPENERS, facts), _choice(rng, p.GROUP_WHO, facts)]
        second = [rng.choice(p.GROUP_WHY), *rng.sample(p.SESSIONS["group"], 2)]
        closing = p.GROUP_CLOSINGS
    else:
        first = [_choice(rng, p.OPENERS, facts), _choice(rng, p.WHO_I_SEE, facts)]
        second = [*rng.sample(p.WHY, rng.choice([1, 1, 2])), *rng.sample(p.SESSIONS[facts.voice], 2)]
        closing = p.CLOSINGS
    third = [_where_and_how(rng, facts), _languages(facts)]
    if facts.free_consultation:
        third.append(rng.choice(p.FREE_CONSULTATION))
    third.append(rng.choice(closing))
    paragraphs = [" ".join(_fill(s, values) for s in part if s) for part in (first, second, third)]
    return "\n\n".join(paragraphs)


def _where_and_how(rng, facts: Facts) -> str:
    formats, we = set(facts.formats), ("We" if facts.is_group else "I")
    states = join_words(facts.licensed_state_names)
    if formats <= {"telehealth", "phone"}:
        sentence = rng.choice(
            [
                f"{we} work entirely online, by secure video, across {states}.",
                f"Everything happens by secure video, so you can join from wherever you have a quiet moment in "
                f"{states}.",
            ]
        )
    elif "home-visits" in formats:
        sentence = f"{we} come to you at home in {facts.city} and nearby towns."
        if "telehealth" in formats:
            sentence += " Some visits can happen by video instead."
    elif "telehealth" in formats:
        place = "meet in person" if facts.is_group else "see people in person"
        sentence = f"{we} {place} in {facts.city} and by secure video across {states}."
    else:
        sentence = (
            f"{we} meet in person in {facts.city}." if facts.is_group else f"I see people in person in {facts.city}."
        )
    if "phone" in formats and not facts.is_group:
        sentence += " Phone sessions are available too, for days when video is one thing too many."
    return sentence


def _languages(facts: Facts) -> str:
    if not facts.other_languages:
        return ""
    others = join_words(facts.other_languages)
    sessions = "Meetings" if facts.is_group else "Sessions"
    if not facts.speaks_english:
        return f"{sessions} are in {others}."
    return f"{sessions} are available in English and {others}."


def approach(rng, facts: Facts) -> str:
    """Two paragraphs: principles and concrete practices; then methods and a closing promise."""
    if facts.is_group:
        sentences = rng.sample(care.GROUP_CARE, 4)
        return f"{' '.join(sentences[:2])}\n\n{' '.join(sentences[2:])}"
    first = rng.sample(care.PRINCIPLES, 2)
    first += [rng.choice(care.PRACTICE_SENTENCES[slug]) for slug in facts.practices[:3]]
    second = [rng.choice(care.MODALITY_SENTENCES[slug]) for slug in facts.modalities[:3]]
    second += [rng.choice(care.VOICE_CARE[facts.voice]), rng.choice(care.CARE_CLOSINGS)]
    return f"{' '.join(first)}\n\n{' '.join(second)}"


def trainings(rng, facts: Facts) -> str:
    """One training per line, with a year: credentials first, then modalities, then the voice's own."""
    lines = [training for code, training in care.CREDENTIAL_TRAININGS.items() if code in _codes(facts.credentials)]
    if _codes(facts.credentials) & {"MD", "DO"} and facts.voice in care.PHYSICIAN_TRAININGS:
        lines.append(care.PHYSICIAN_TRAININGS[facts.voice])
    lines += [care.MODALITY_TRAININGS[slug] for slug in facts.modalities if slug in care.MODALITY_TRAININGS][:2]
    pool = care.TRAININGS[facts.voice]
    lines += rng.sample(pool, min(len(pool), rng.randint(1, 3)))
    first_year = REFERENCE_YEAR - facts.years
    dated = sorted((rng.randint(first_year, REFERENCE_YEAR), line) for line in lines)  # oldest first
    return "\n".join(f"{line} ({year})" for year, line in dated)


def _codes(credentials: str) -> set[str]:
    """ "LICSW, PMH-C" -> {"LICSW", "PMH-C"}."""
    return {part.strip() for part in credentials.split(",")}
