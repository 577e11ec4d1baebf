"""What each kind of demo provider is like: how common it is, what it helps with and how, what it charges.

Probabilities are per listing ("0.6" = six in ten listings of that kind have it); concern and modality weights
are relative. They are rough impressions of real perinatal practice, tuned so filters and facets look lifelike:
most therapists take some insurance or a sliding scale, doulas visit homes and never list a therapy modality,
only prescribers offer medication management, most support groups are free.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MENTAL_HEALTH_CONCERNS = {
    "postpartum-depression": 10, "perinatal-anxiety": 10, "birth-trauma": 8, "perinatal-ocd": 5,
    "pregnancy-loss": 5, "stillbirth-infant-loss": 3, "infertility": 5, "nicu": 3, "sexual-trauma-history": 4,
    "termination-for-medical-reasons": 2, "high-risk-pregnancy": 2, "intimate-partner-violence": 2,
    "lgbtq-family-building": 3, "adoption-surrogacy": 2, "partner-support": 4, "parenting-attachment": 5,
    "bipolar-perinatal": 1.5, "postpartum-psychosis": 1, "hyperemesis": 1, "substance-use-perinatal": 1.5,
}  # fmt: skip
BIRTH_WORK_CONCERNS = {
    "birth-trauma": 10, "pregnancy-loss": 5, "stillbirth-infant-loss": 3, "sexual-trauma-history": 6,
    "high-risk-pregnancy": 4, "nicu": 3, "lgbtq-family-building": 4, "partner-support": 4,
    "parenting-attachment": 5, "postpartum-depression": 4, "perinatal-anxiety": 5, "hyperemesis": 2,
    "termination-for-medical-reasons": 1.5, "adoption-surrogacy": 1.5, "intimate-partner-violence": 1,
}  # fmt: skip
TALK_THERAPY_MODALITIES = {
    "cbt": 10, "emdr": 7, "act": 6, "ipt": 5, "ifs": 5, "somatic": 5, "dbt": 4, "psychodynamic": 4,
    "mindfulness": 5, "cpt": 3, "child-parent-psychotherapy": 2, "group": 2,
}  # fmt: skip


# What a package includes, in each kind of provider's words (original writing).
DOULA_PACKAGES = (
    "Two prenatal visits, on-call support from 38 weeks, your labour and birth, and one postpartum visit",
    "Three prenatal visits, continuous support in labour, and two postpartum visits at home",
    "Birth planning together, labour support wherever you give birth, and a check-in call in the first week",
    "Twenty hours of daytime postpartum support at home, in visits of three or four hours",
    "Twelve hours of overnight postpartum support in your first month, so you can sleep",
)
MIDWIFERY_PACKAGES = (
    "All prenatal visits, your birth at home, and six weeks of postpartum care for you and your baby",
    "Prenatal care, birth at our birth centre, newborn checks and postpartum visits to six weeks",
    "Prenatal and postpartum visits, help arranging lab work, and on-call support for your birth",
)
CLASS_PACKAGES = (
    "A five-week evening class series for you and a support person",
    "Two weekend workshops on birth, feeding and the first weeks, with notes to take home",
    "Four private sessions at home, paced to your questions",
)


@dataclass(frozen=True)
class Profile:
    slug: str  # the provider type
    weight: float  # share of listings, relative
    voice: str  # which family of writing fragments (providers.demo.phrases)
    concerns: dict[str, float]
    concern_count: tuple[int, int]
    formats: dict[str, float]
    payments: dict[str, float]
    fee_min: tuple[int, int]  # the lowest fee (per session, or the package price) is drawn from this range
    fee_spread: tuple[int, int]  # the highest fee is the lowest plus this
    packages: tuple[str, ...] = ()  # when set, fees are per package: what one includes, in the provider's words
    modalities: dict[str, float] = field(default_factory=dict)
    modality_count: tuple[int, int] = (0, 0)
    always_modalities: tuple[str, ...] = ()
    telehealth_only: float = 0.0
    hands_on: bool = False  # touches or examines: consent before touch matters most
    licensed: bool = True
    extra_types: dict[str, float] = field(default_factory=dict)
    free_consultation: float = 0.35
    extra_state_chance: float = 0.15  # licensed in a neighbouring state too


PROFILES = [
    Profile(
        "therapist", 40, "talk", MENTAL_HEALTH_CONCERNS, (3, 7),
        formats={"in-person": 0.7, "telehealth": 0.92, "phone": 0.2},
        payments={"private-insurance": 0.55, "medicaid": 0.22, "tricare": 0.06, "self-pay": 0.92,
                  "sliding-scale": 0.45, "superbill": 0.5, "payment-plan": 0.05},
        fee_min=(100, 180), fee_spread=(0, 60),
        modalities=TALK_THERAPY_MODALITIES, modality_count=(2, 5),
        telehealth_only=0.14, free_consultation=0.6, extra_state_chance=0.25,
    ),
    Profile(
        "psychologist", 8, "talk", MENTAL_HEALTH_CONCERNS, (3, 7),
        formats={"in-person": 0.75, "telehealth": 0.9, "phone": 0.1},
        payments={"private-insurance": 0.45, "medicaid": 0.12, "tricare": 0.05, "self-pay": 0.95,
                  "sliding-scale": 0.3, "superbill": 0.65, "payment-plan": 0.05},
        fee_min=(150, 240), fee_spread=(0, 90),
        modalities=TALK_THERAPY_MODALITIES, modality_count=(2, 5),
        telehealth_only=0.12, free_consultation=0.45, extra_state_chance=0.35,
    ),
    Profile(
        "psychiatric-prescriber", 7, "prescriber",
        {"postpartum-depression": 10, "perinatal-anxiety": 9, "perinatal-ocd": 6, "bipolar-perinatal": 6,
         "postpartum-psychosis": 4, "birth-trauma": 4, "pregnancy-loss": 2, "substance-use-perinatal": 3,
         "infertility": 2, "hyperemesis": 1, "high-risk-pregnancy": 2},
        (3, 6),
        formats={"in-person": 0.55, "telehealth": 0.95, "phone": 0.15},
        payments={"private-insurance": 0.75, "medicaid": 0.3, "tricare": 0.08, "self-pay": 0.85,
                  "superbill": 0.35, "sliding-scale": 0.1},
        fee_min=(180, 300), fee_spread=(60, 220),
        modalities={"cbt": 3, "ipt": 2, "psychodynamic": 2, "mindfulness": 1}, modality_count=(0, 2),
        always_modalities=("medication-management",),
        telehealth_only=0.2, free_consultation=0.15, extra_state_chance=0.3,
    ),
    Profile(
        "doula", 14, "doula", BIRTH_WORK_CONCERNS, (3, 6),
        formats={"in-person": 0.9, "home-visits": 0.85, "telehealth": 0.4, "phone": 0.35},
        payments={"self-pay": 0.95, "payment-plan": 0.4, "sliding-scale": 0.35, "medicaid": 0.2,
                  "private-insurance": 0.08, "free": 0.04},
        fee_min=(900, 1800), fee_spread=(0, 900), packages=DOULA_PACKAGES,
        hands_on=True, licensed=False,
        extra_types={"childbirth-educator": 0.15, "lactation-consultant": 0.08},
        free_consultation=0.7, extra_state_chance=0.05,
    ),
    Profile(
        "midwife", 6, "midwife",
        {**BIRTH_WORK_CONCERNS, "high-risk-pregnancy": 1, "pregnancy-loss": 6, "postpartum-depression": 5},
        (3, 6),
        formats={"in-person": 0.95, "home-visits": 0.5, "telehealth": 0.35, "phone": 0.2},
        payments={"private-insurance": 0.6, "medicaid": 0.5, "self-pay": 0.8, "payment-plan": 0.45,
                  "sliding-scale": 0.15, "tricare": 0.05},
        fee_min=(2500, 4500), fee_spread=(0, 3000), packages=MIDWIFERY_PACKAGES,
        hands_on=True, extra_types={"lactation-consultant": 0.1}, free_consultation=0.5,
    ),
    Profile(
        "obstetrician", 2, "ob",
        {"high-risk-pregnancy": 8, "birth-trauma": 8, "pregnancy-loss": 6, "sexual-trauma-history": 6,
         "hyperemesis": 4, "stillbirth-infant-loss": 3, "termination-for-medical-reasons": 3, "infertility": 2,
         "lgbtq-family-building": 2, "substance-use-perinatal": 2},
        (3, 6),
        formats={"in-person": 1.0, "telehealth": 0.3},
        payments={"private-insurance": 0.95, "medicaid": 0.7, "tricare": 0.2, "self-pay": 0.5},
        fee_min=(150, 260), fee_spread=(0, 150),
        hands_on=True, free_consultation=0.05, extra_state_chance=0.05,
    ),
    Profile(
        "lactation-consultant", 9, "lactation",
        {"nicu": 8, "parenting-attachment": 8, "birth-trauma": 6, "sexual-trauma-history": 5,
         "postpartum-depression": 4, "perinatal-anxiety": 4, "lgbtq-family-building": 3, "adoption-surrogacy": 2,
         "high-risk-pregnancy": 1, "partner-support": 2},
        (2, 5),
        formats={"in-person": 0.6, "home-visits": 0.55, "telehealth": 0.6, "phone": 0.3},
        payments={"self-pay": 0.9, "private-insurance": 0.4, "medicaid": 0.2, "superbill": 0.45,
                  "sliding-scale": 0.3, "tricare": 0.04},
        fee_min=(90, 170), fee_spread=(30, 110),
        telehealth_only=0.06, hands_on=True, extra_types={"doula": 0.1}, free_consultation=0.3,
    ),
    Profile(
        "pelvic-floor-pt", 6, "pelvic",
        {"birth-trauma": 10, "sexual-trauma-history": 7, "high-risk-pregnancy": 3, "pregnancy-loss": 2,
         "postpartum-depression": 2, "perinatal-anxiety": 2, "hyperemesis": 1, "lgbtq-family-building": 2},
        (2, 4),
        formats={"in-person": 1.0, "telehealth": 0.25, "home-visits": 0.1},
        payments={"private-insurance": 0.7, "medicaid": 0.2, "tricare": 0.1, "self-pay": 0.85,
                  "superbill": 0.45, "payment-plan": 0.08},
        fee_min=(120, 200), fee_spread=(0, 60),
        hands_on=True, free_consultation=0.35, extra_state_chance=0.05,
    ),
    Profile(
        "childbirth-educator", 4, "educator",
        {"birth-trauma": 8, "sexual-trauma-history": 5, "perinatal-anxiety": 6, "partner-support": 6,
         "lgbtq-family-building": 3, "high-risk-pregnancy": 2, "parenting-attachment": 5, "nicu": 1},
        (2, 5),
        formats={"in-person": 0.6, "telehealth": 0.75, "phone": 0.05},
        payments={"self-pay": 0.9, "sliding-scale": 0.4, "free": 0.15, "medicaid": 0.08, "payment-plan": 0.15},
        fee_min=(120, 300), fee_spread=(0, 150), packages=CLASS_PACKAGES,
        telehealth_only=0.2, licensed=False, extra_types={"doula": 0.3}, free_consultation=0.2,
        extra_state_chance=0.1,
    ),
    Profile(
        "support-group", 4, "group", {}, (1, 1),  # a group's concerns come from its focus (providers.demo.names)
        formats={"in-person": 0.5, "telehealth": 0.75},
        payments={"free": 0.8, "sliding-scale": 0.15, "self-pay": 0.1},
        fee_min=(10, 25), fee_spread=(0, 15),
        modalities={"group": 1}, modality_count=(1, 1),
        telehealth_only=0.3, licensed=False, free_consultation=0.0, extra_state_chance=0.1,
    ),
]  # fmt: skip
PROFILES_BY_SLUG = {profile.slug: profile for profile in PROFILES}

NATIONAL_PLANS = ["aetna", "bcbs", "cigna", "united", "kaiser"]  # TRICARE and Medicaid follow the ways to pay

# Trauma-informed practices: probability for hands-on care, and for talk therapy and groups.
PRACTICES = {
    "consent-before-touch": (0.95, 0.12),
    "virtual-first-visit": (0.35, 0.55),
    "support-person-welcome": (0.85, 0.45),
    "choice-of-provider-gender": (0.15, 0.08),
    "trauma-training-certified": (0.5, 0.6),
    "flexible-scheduling": (0.45, 0.4),
}


def weighted_sample(rng, weights: dict[str, float], k: int) -> list[str]:
    """k distinct keys, likelier ones more often (Efraimidis–Spirakis); deterministic for a given rng state."""
    keyed = sorted(((rng.random() ** (1.0 / w), key) for key, w in weights.items()), reverse=True)
    return [key for _, key in keyed[:k]]


def credentials(rng, type_slug: str, state: str) -> tuple[str, str]:
    """(credentials shown on the listing, license type kept for verification) for a provider in `state`."""
    if type_slug == "therapist":
        title = _counselling_license(rng, state)
        return (f"{title}, PMH-C" if rng.random() < 0.45 else title), title
    if type_slug == "psychologist":
        degree = rng.choice(["PhD", "PsyD"])
        return (f"{degree}, PMH-C" if rng.random() < 0.35 else degree), "Psychologist"
    if type_slug == "psychiatric-prescriber":
        return rng.choice([("MD", "MD"), ("MD", "MD"), ("DO", "DO"), ("PMHNP-BC", "APRN"), ("PMHNP-BC, PMH-C", "APRN")])
    if type_slug == "midwife":
        return rng.choice([("CNM", "CNM"), ("CNM", "CNM"), ("CNM, IBCLC", "CNM"), ("CPM, LM", "LM"), ("LM", "LM")])
    if type_slug == "obstetrician":
        return rng.choice([("MD, FACOG", "MD"), ("MD", "MD"), ("DO, FACOG", "DO")])
    if type_slug == "lactation-consultant":
        return rng.choice([("IBCLC", "IBCLC"), ("IBCLC", "IBCLC"), ("IBCLC, RN", "RN"), ("CLC", ""), ("IBCLC, CD", "")])
    if type_slug == "pelvic-floor-pt":
        return rng.choice([("PT, DPT", "PT"), ("DPT", "PT"), ("DPT, WCS", "PT"), ("DPT, PRPC", "PT")])
    if type_slug == "doula":
        return rng.choice(["Certified birth doula", "Birth and postpartum doula", "Full-spectrum doula", "CD, CLC",
                           "Postpartum doula", "Birth doula, PMH-C"]), ""  # fmt: skip
    if type_slug == "childbirth-educator":
        return rng.choice(["LCCE", "CCE", "Certified childbirth educator", "LCCE, CD"]), ""
    return "", ""


def _counselling_license(rng, state: str) -> str:
    # Counsellors' license names differ by state; a Massachusetts social worker is an LICSW, a Texan one an LCSW.
    social_worker = "LICSW" if state in {"MA", "MN", "DC", "WA", "RI", "VT", "ME"} else "LCSW"
    counsellor = "LMHC" if state in {"NY", "MA", "FL", "WA", "HI", "RI", "IN"} else "LPC"
    if state in {"CA", "OH", "KY", "MN", "NM"}:
        counsellor = "LPCC"
    return rng.choice([social_worker, social_worker, "LMFT", counsellor, counsellor])
