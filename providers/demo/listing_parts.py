"""The term choices, fees and role of one demo listing, drawn to fit its kind of provider and where it is."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from providers.demo.metros import KAISER_STATES
from providers.demo.places import Home
from providers.demo.profiles import NATIONAL_PLANS, PRACTICES, Profile, weighted_sample
from providers.fees import FeeUnit

# Other languages anywhere, relative: Spanish by far the most common, as in the US.
LANGUAGE_WEIGHTS = {
    "es": 12, "fr": 1.5, "pt": 1, "zh": 1, "vi": 1, "ar": 1, "ru": 1, "ko": 0.7, "tl": 0.7, "hi": 0.7,
    "de": 0.7, "pl": 0.5, "he": 0.5, "ht": 0.5,
}  # fmt: skip
ASL_SHARE = 0.015
LOSS_CONCERNS = {"pregnancy-loss", "stillbirth-infant-loss", "termination-for-medical-reasons"}


@dataclass
class Extras:
    """What a support group's focus fixes in advance."""

    group_concerns: list[str] = field(default_factory=list)
    bereaved: bool = False


@dataclass
class Terms:
    """A listing's vocabulary choices, as slugs; `as_dict()` keys are the Provider's array fields."""

    types: list[str]
    concerns: list[str]
    modalities: list[str]
    populations: list[str]
    languages: list[str]
    payments: list[str]
    practices: list[str]
    formats: list[str]
    plans: list[str]

    def as_dict(self) -> dict[str, list[str]]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def choose_terms(rng, profile: Profile, home: Home, extras: Extras) -> Terms:
    concerns = extras.group_concerns or weighted_sample(rng, profile.concerns, rng.randint(*profile.concern_count))
    modalities = list(profile.always_modalities)
    modalities += weighted_sample(rng, profile.modalities, rng.randint(*profile.modality_count))
    languages = _languages(rng, home)
    return Terms(
        types=[profile.slug, *(slug for slug, chance in profile.extra_types.items() if rng.random() < chance)],
        concerns=concerns,
        modalities=modalities,
        populations=_populations(rng, concerns, languages, extras.bereaved),
        languages=languages,
        payments=(payments := _payments(rng, profile)),
        practices=_practices(rng, profile),
        formats=_formats(rng, profile),
        plans=_plans(rng, payments, home.state),
    )


def _formats(rng, profile: Profile) -> list[str]:
    if rng.random() < profile.telehealth_only:
        return ["telehealth", "phone"] if rng.random() < 0.3 else ["telehealth"]
    chosen = [slug for slug, chance in profile.formats.items() if rng.random() < chance]
    return chosen or [max(profile.formats, key=profile.formats.get)]


def _languages(rng, home: Home) -> list[str]:
    if home.state == "PR":
        # Spanish first in Puerto Rico; many providers also work in English.
        return ["es", "en"] if rng.random() < 0.6 else ["es"]
    chosen = ["en"]
    local = home.metro.languages
    if rng.random() < (0.22 if local else 0.1):
        if local and rng.random() < 0.7:
            # Earlier languages in a metro's list are the more common there.
            chosen.append(rng.choices(local, weights=[len(local) - i for i in range(len(local))])[0])
        else:
            chosen.append(rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0])
        if rng.random() < 0.1:
            chosen.append(rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0])
    if rng.random() < ASL_SHARE:
        chosen.append("asl")
    return list(dict.fromkeys(chosen))


def _populations(rng, concerns: list[str], languages: list[str], bereaved: bool) -> list[str]:
    has = set(concerns)
    chances = {
        "birthing-parents": 0.9,
        "partners": 0.8 if "partner-support" in has else 0.4,
        "lgbtq": 0.9 if "lgbtq-family-building" in has else 0.35,
        "bipoc": 0.25,
        "teen-parents": 0.08,
        "single-parents": 0.15,
        "military-families": 0.06,
        "immigrant-families": 0.5 if len(languages) > 1 else 0.08,
        "disabled-parents": 0.08,
        "bereaved-parents": 0.9 if bereaved or has & LOSS_CONCERNS else 0.05,
    }
    return [slug for slug, chance in chances.items() if rng.random() < chance] or ["birthing-parents"]


def _payments(rng, profile: Profile) -> list[str]:
    chosen = [slug for slug, chance in profile.payments.items() if rng.random() < chance]
    if "superbill" in chosen and "self-pay" not in chosen:
        chosen.append("self-pay")  # a superbill is a receipt for a session paid for
    return chosen or ["self-pay"]


def _plans(rng, payments: list[str], state: str) -> list[str]:
    """Named plans that fit the ways to pay: a few private plans (Kaiser only where it runs its own care), the
    state's own Medicaid programme, TRICARE."""
    chosen = []
    if "private-insurance" in payments:
        national = [plan for plan in NATIONAL_PLANS if plan != "kaiser" or state in KAISER_STATES]
        chosen += rng.sample(national, rng.randint(1, min(4, len(national))))
    if "medicaid" in payments:
        chosen.append(f"medicaid-{state.lower()}")
    if "tricare" in payments:
        chosen.append("tricare")
    return chosen


def _practices(rng, profile: Profile) -> list[str]:
    column = 0 if profile.hands_on else 1
    chosen = [slug for slug, chances in PRACTICES.items() if rng.random() < chances[column]]
    return chosen or ["trauma-training-certified"]


def fees(rng, profile: Profile, payments: list[str]) -> dict:
    """The listing's fee columns, in their unit: a package (and what it includes) for those who sell one, a sliding
    scale (lowest first) for those who offer one, else per session; free for a free group or service."""
    if payments == ["free"]:
        return {"fee_unit": FeeUnit.FREE, "fee_min": None, "fee_max": None}
    base = _round5(rng.randint(*profile.fee_min))
    highest = base + _round5(rng.randint(*profile.fee_spread))
    if profile.packages:
        return {
            "fee_unit": FeeUnit.PACKAGE,
            "fee_min": base,
            "fee_max": highest,
            "fee_includes": rng.choice(profile.packages),
        }
    if "sliding-scale" in payments:
        lowest = min(max(10, base - _round5(rng.randint(30, 80))), highest)
        return {"fee_unit": FeeUnit.SLIDING, "fee_min": lowest, "fee_max": highest}
    return {"fee_unit": FeeUnit.SESSION, "fee_min": base, "fee_max": highest}


def _round5(value: int) -> int:
    return 5 * round(value / 5)


def role_for(type_slug: str, credentials: str) -> str:
    """How the provider names their work in a sentence: "a certified nurse-midwife", "a therapist"."""
    if type_slug == "psychiatric-prescriber":
        return "psychiatric nurse practitioner" if "PMHNP" in credentials else "perinatal psychiatrist"
    if type_slug == "midwife":
        return "certified nurse-midwife" if "CNM" in credentials else "licensed midwife"
    if type_slug == "lactation-consultant":
        return "lactation counselor" if credentials.startswith("CLC") else "lactation consultant"
    if type_slug == "doula":
        return "full-spectrum doula" if "Full-spectrum" in credentials else "doula"
    return {
        "therapist": "therapist",
        "psychologist": "psychologist",
        "obstetrician": "obstetrician",
        "pelvic-floor-pt": "pelvic floor physical therapist",
        "childbirth-educator": "childbirth educator",
    }.get(type_slug, "provider")
