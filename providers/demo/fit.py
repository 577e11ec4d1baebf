"""The right fit of a demo listing (issue 14): its perinatal credentials and which of them a founder checked, the
journey stages it supports, the months a doula or midwife is fully booked, more of whom it works with, and what the
provider chooses to share about themselves, in words written for this directory.

Drawn from the listing's own generator (Random("<seed>:<n>:fit")), so the rest of the listing never shifts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from providers.months import add_months, this_month

LOSS = {"pregnancy-loss", "stillbirth-infant-loss", "termination-for-medical-reasons"}
SHARING_SHARE = 0.4  # of providers, those who share anything about who they are
CHECKED_SHARE = 0.65  # of a published listing's credentials, those a founder has checked
BOOKING_TYPES = {"doula", "midwife"}

# Letters in the free-text credentials line, and the credential they stand for.
LETTERS = {
    "PMH-C": "pmh-c",
    "IBCLC": "ibclc",
    "CLC": "clc",
    "CNM": "cnm",
    "CPM": "cpm",
    "LCCE": "certified-childbirth-educator",
    "CCE": "certified-childbirth-educator",
    "Certified childbirth educator": "certified-childbirth-educator",
    "Certified birth doula": "certified-birth-doula",
    "CD": "certified-birth-doula",
    "WCS": "pelvic-health-certified",
    "PRPC": "pelvic-health-certified",
}

# (stage, chance) per kind of provider; a concern can raise a chance (see _stages).
STAGES = {
    "therapist": {"trying-to-conceive": 0.3, "pregnant": 0.75, "birth": 0.25, "postpartum": 0.92, "after-loss": 0.2,
                  "toddler": 0.35},
    "psychologist": {"trying-to-conceive": 0.3, "pregnant": 0.7, "birth": 0.2, "postpartum": 0.9, "after-loss": 0.2,
                     "toddler": 0.4},
    "psychiatric-prescriber": {"trying-to-conceive": 0.45, "pregnant": 0.95, "birth": 0.1, "postpartum": 0.97,
                               "after-loss": 0.25, "toddler": 0.2},
    "doula": {"trying-to-conceive": 0.05, "pregnant": 0.95, "birth": 0.9, "postpartum": 0.7, "after-loss": 0.3,
              "toddler": 0.02},
    "midwife": {"trying-to-conceive": 0.3, "pregnant": 1, "birth": 1, "postpartum": 0.9, "after-loss": 0.3},
    "obstetrician": {"trying-to-conceive": 0.35, "pregnant": 1, "birth": 1, "postpartum": 0.6, "after-loss": 0.45},
    "lactation-consultant": {"pregnant": 0.45, "birth": 0.15, "postpartum": 1, "toddler": 0.4},
    "pelvic-floor-pt": {"pregnant": 0.85, "birth": 0.2, "postpartum": 0.95, "toddler": 0.2},
    "childbirth-educator": {"pregnant": 1, "birth": 0.9, "postpartum": 0.45},
    "support-group": {"pregnant": 0.25, "postpartum": 0.6, "toddler": 0.2},
}  # fmt: skip

# (identity, chance, what the provider might write); {language} is their other language's name.
IDENTITIES = [
    ("black-provider", 0.07, "I'm a Black mother of two. I know how often Black families go unheard in maternity "
     "care, and here you will be heard."),
    ("latine-provider", 0.05, "I'm Latina and grew up between two languages; families are welcome to switch "
     "between them with me."),
    ("asian-provider", 0.04, "I'm Asian American, and I understand how many voices a family can bring to a new "
     "baby's first months."),
    ("indigenous-provider", 0.015, "I'm an Indigenous provider, and I make room for the traditions and people "
     "your family brings with it."),
    ("provider-of-colour", 0.04, "As a provider of colour, I welcome conversations about race and care. You "
     "never have to soften them for me."),
    ("lgbtq-provider", 0.07, "I'm a queer parent. Families of every shape are welcome here, exactly as they are."),
    ("parent-after-loss", 0.05, "I'm a parent after loss. You don't have to explain the quiet after a loss to me; "
     "I have sat in it too."),
    ("lived-experience", 0.06, "I had postpartum anxiety after my first baby. I know how heavy it feels, and I know "
     "it can lift."),
    ("disabled-provider", 0.02, "I'm disabled, and my practice is built so that access is never an afterthought."),
    ("military-family", 0.02, "I grew up in a military family, so I know what a move in the middle of a pregnancy "
     "can do."),
]  # fmt: skip
BILINGUAL_NOTE = "I offer care in {language} as well as English, so nothing gets lost in translation."


@dataclass
class Fit:
    columns: dict  # Provider column values by attname
    checks: list[dict] = field(default_factory=list)  # CredentialCheck values; "provider_id" is set when loading


def right_fit(rng, type_slug: str, row: dict, terms, status: str, now, vocabulary) -> Fit:
    """The listing's credentials, stages, booked months, extra populations and identities, as column values."""
    concerns = set(terms.concerns)
    credentials = _credentials(rng, type_slug, row.get("credentials", ""), concerns)
    populations = set(terms.populations) | _more_populations(rng, concerns)
    identities, note = _identities(rng, type_slug, terms.languages, vocabulary)
    ids = {
        "perinatal_credentials": _ids(vocabulary, "perinatal_credentials", credentials),
        "stages": _ids(vocabulary, "stages", _stages(rng, type_slug, concerns)),
        "populations": _ids(vocabulary, "populations", populations),
        "identities": _ids(vocabulary, "identities", identities),
    }
    columns = {**ids, "identity_note": note, "booked_months": _booked_months(rng, type_slug)}
    checks = []
    if status == "published":
        for credential_id in ids["perinatal_credentials"]:
            if rng.random() < CHECKED_SHARE:
                checked = now - timedelta(days=rng.randint(1, 500), minutes=rng.randint(0, 1439))
                checks.append({"credential_id": credential_id, "verified_at": checked})
    return Fit(columns, checks)


def _ids(vocabulary, field_name: str, slugs) -> list[int]:
    return sorted(vocabulary.ids(field_name, slugs))


def _credentials(rng, type_slug: str, shown: str, concerns: set[str]) -> list[str]:
    letters = [part.strip() for part in shown.split(",")]
    found = {LETTERS[part] for part in letters if part in LETTERS}
    if "PMH-C" in shown:
        found.add("pmh-c")
    if type_slug == "doula":
        if "postpartum" in shown.lower() and rng.random() < 0.6:
            found.add("certified-postpartum-doula")
        if "birth" in shown.lower() and rng.random() < 0.5:
            found.add("certified-birth-doula")
        if concerns & LOSS and rng.random() < 0.5:
            found.add("bereavement-doula")
    if type_slug == "psychiatric-prescriber" and rng.random() < 0.45:
        found.add("reproductive-psychiatry")
    if type_slug in {"therapist", "psychologist"} and "parenting-attachment" in concerns and rng.random() < 0.2:
        found.add("infant-mental-health")
    return sorted(found)


def _stages(rng, type_slug: str, concerns: set[str]) -> list[str]:
    chances = dict(STAGES.get(type_slug, {"postpartum": 1}))
    if "infertility" in concerns:
        chances["trying-to-conceive"] = 0.95
    if concerns & LOSS:
        chances["after-loss"] = 0.95
    if "birth-trauma" in concerns:
        chances["birth"] = max(chances.get("birth", 0), 0.7)
    if "parenting-attachment" in concerns:
        chances["toddler"] = max(chances.get("toddler", 0), 0.7)
    chosen = [slug for slug, chance in chances.items() if rng.random() < chance]
    return chosen or [max(chances, key=chances.get)]


def _more_populations(rng, concerns: set[str]) -> set[str]:
    adoption = "adoption-surrogacy" in concerns
    chances = {
        "intended-parents": 0.6 if adoption else 0.04,
        "adoptive-parents": 0.55 if adoption else 0.04,
        "parents-of-multiples": 0.25 if "nicu" in concerns else 0.06,
    }
    return {slug for slug, chance in chances.items() if rng.random() < chance}


def _identities(rng, type_slug: str, languages: list[str], vocabulary) -> tuple[list[str], str]:
    """What the provider chooses to share (most share nothing), and sometimes a sentence in their own words."""
    if type_slug == "support-group" or rng.random() > SHARING_SHARE:
        return [], ""
    chosen = [(slug, note) for slug, chance, note in IDENTITIES if rng.random() < chance * 2]
    others = [slug for slug in languages if slug != "en"]
    if others and rng.random() < 0.5:
        name = vocabulary.by_slug["languages"][others[0]].name if others[0] in vocabulary.by_slug["languages"] else ""
        chosen.append(("bilingual", BILINGUAL_NOTE.format(language=name) if name else ""))
    chosen = chosen[:2]
    notes = [note for _, note in chosen if note]
    note = notes[0] if notes and rng.random() < 0.7 else ""
    return [slug for slug, _ in chosen], note


def _booked_months(rng, type_slug: str) -> list:
    """Doulas and midwives: a few fully booked months among the next ten, most often the nearer ones."""
    if type_slug not in BOOKING_TYPES or rng.random() < 0.35:
        return []
    start = this_month()
    months = {add_months(start, min(rng.randint(0, 9), rng.randint(0, 9))) for _ in range(rng.randint(1, 4))}
    return sorted(months)
