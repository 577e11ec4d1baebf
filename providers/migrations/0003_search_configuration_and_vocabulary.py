"""The accent-insensitive text search configuration, and the shared vocabulary every environment starts with."""

from django.db import migrations

# (slug, name, description); order follows the list.
PROVIDER_TYPES = [
    ("therapist", "Therapist", "Licensed counsellors, social workers and marriage and family therapists."),
    ("psychologist", "Psychologist", "Doctoral-level clinicians who offer therapy and assessment."),
    (
        "psychiatric-prescriber",
        "Psychiatric prescriber",
        "Psychiatrists and psychiatric nurse practitioners who can prescribe and manage medication.",
    ),
    ("doula", "Doula", "Non-medical support through pregnancy, birth, loss or the postpartum months."),
    ("midwife", "Midwife", "Certified nurse-midwives and certified professional midwives."),
    ("obstetrician", "Obstetrician", "Physicians caring for pregnancy and birth."),
    ("lactation-consultant", "Lactation consultant", "Feeding support, including IBCLCs."),
    (
        "pelvic-floor-pt",
        "Pelvic floor physical therapist",
        "Physical therapy for the pelvic floor before and after birth.",
    ),
    ("childbirth-educator", "Childbirth educator", "Classes and preparation for birth and early parenthood."),
    ("support-group", "Support group", "Facilitated groups for parents and families."),
]
PROVIDER_TYPE_PLURALS = {
    "therapist": "Therapists",
    "psychologist": "Psychologists",
    "psychiatric-prescriber": "Psychiatric prescribers",
    "doula": "Doulas",
    "midwife": "Midwives",
    "obstetrician": "Obstetricians",
    "lactation-consultant": "Lactation consultants",
    "pelvic-floor-pt": "Pelvic floor physical therapists",
    "childbirth-educator": "Childbirth educators",
    "support-group": "Support groups",
}
CONCERNS = [
    ("postpartum-depression", "Postpartum depression", "Low mood, emptiness or hopelessness after birth."),
    ("perinatal-anxiety", "Perinatal anxiety", "Worry, panic or dread during pregnancy or after birth."),
    ("perinatal-ocd", "Perinatal OCD", "Unwanted, intrusive thoughts and the rituals that follow them."),
    ("birth-trauma", "Birth trauma", "A birth that felt frightening, out of control or harmful."),
    ("postpartum-psychosis", "Postpartum psychosis", "A rare, serious and treatable emergency after birth."),
    (
        "bipolar-perinatal",
        "Bipolar disorder in pregnancy and postpartum",
        "Mood episodes during pregnancy or after birth.",
    ),
    ("pregnancy-loss", "Pregnancy loss", "Miscarriage, ectopic and chemical pregnancy."),
    ("stillbirth-infant-loss", "Stillbirth and infant loss", "The death of a baby before or after birth."),
    (
        "termination-for-medical-reasons",
        "Termination for medical reasons",
        "Ending a wanted pregnancy for medical reasons.",
    ),
    ("infertility", "Infertility", "Trying to conceive, treatments, and the waiting in between."),
    ("nicu", "NICU experience", "Having a baby in neonatal intensive care."),
    ("high-risk-pregnancy", "High-risk pregnancy", "Pregnancy with medical complications."),
    ("hyperemesis", "Hyperemesis gravidarum", "Severe nausea and vomiting in pregnancy."),
    (
        "sexual-trauma-history",
        "History of sexual trauma",
        "Earlier sexual abuse or assault and how it affects pregnancy, birth and care.",
    ),
    ("intimate-partner-violence", "Intimate partner violence", "Abuse or control in a relationship."),
    ("lgbtq-family-building", "LGBTQ+ family building", "Queer and trans paths to parenthood."),
    (
        "adoption-surrogacy",
        "Adoption and surrogacy",
        "Adoptive parents, birth parents, surrogates and intended parents.",
    ),
    ("partner-support", "Support for partners", "Partners and co-parents, whose wellbeing matters too."),
    (
        "parenting-attachment",
        "Parenting and attachment",
        "Bonding, the early relationship and adjusting to parenthood.",
    ),
    ("substance-use-perinatal", "Substance use in pregnancy and postpartum", "Non-judgemental care for substance use."),
]
MODALITIES = [
    ("emdr", "EMDR", "Eye Movement Desensitization and Reprocessing."),
    ("cbt", "CBT", "Cognitive behavioural therapy."),
    ("dbt", "DBT", "Dialectical behaviour therapy."),
    ("act", "ACT", "Acceptance and commitment therapy."),
    ("ifs", "IFS", "Internal Family Systems."),
    ("cpt", "CPT", "Cognitive processing therapy."),
    ("somatic", "Somatic therapy", "Body-based approaches to trauma."),
    ("ipt", "Interpersonal therapy", "IPT, well studied for perinatal depression."),
    ("psychodynamic", "Psychodynamic therapy", "Understanding patterns shaped by earlier experience."),
    (
        "medication-management",
        "Medication management",
        "Prescribing and monitoring medication in pregnancy and lactation.",
    ),
    ("mindfulness", "Mindfulness-based therapy", "Mindfulness-based approaches."),
    ("group", "Group therapy", "Therapy in a small group."),
    ("child-parent-psychotherapy", "Child-parent psychotherapy", "Therapy for parent and baby together."),
]
POPULATIONS = [
    ("birthing-parents", "Birthing parents", ""),
    ("partners", "Partners and co-parents", ""),
    ("lgbtq", "LGBTQ+ parents", ""),
    ("bipoc", "Black, Indigenous and people of colour", ""),
    ("teen-parents", "Teen parents", ""),
    ("single-parents", "Single parents", ""),
    ("military-families", "Military families", ""),
    ("immigrant-families", "Immigrant families", ""),
    ("disabled-parents", "Disabled parents", ""),
    ("bereaved-parents", "Bereaved parents", ""),
]
LANGUAGES = [
    ("en", "English"),
    ("es", "Spanish"),
    ("pt", "Portuguese"),
    ("fr", "French"),
    ("zh", "Chinese"),
    ("vi", "Vietnamese"),
    ("ar", "Arabic"),
    ("ht", "Haitian Creole"),
    ("ru", "Russian"),
    ("ko", "Korean"),
    ("tl", "Tagalog"),
    ("hi", "Hindi"),
    ("pl", "Polish"),
    ("de", "German"),
    ("he", "Hebrew"),
    ("asl", "American Sign Language"),
]
PAYMENT_METHODS = [
    ("private-insurance", "Private insurance", "In network with at least one private plan."),
    ("medicaid", "Medicaid", "Accepts Medicaid."),
    ("tricare", "TRICARE", "Accepts TRICARE (military families)."),
    ("self-pay", "Self-pay", "Pay per session."),
    ("sliding-scale", "Sliding scale", "Fees adjusted to what you can pay."),
    ("free", "Free or pro bono", "No cost."),
    ("payment-plan", "Payment plan", "Spread the cost over time."),
    ("superbill", "Superbill", "A receipt to claim out-of-network reimbursement."),
]
PAYMENT_PLANS = [
    ("aetna", "Aetna"),
    ("bcbs", "Blue Cross Blue Shield"),
    ("cigna", "Cigna"),
    ("united", "UnitedHealthcare"),
    ("kaiser", "Kaiser Permanente"),
]
PRACTICES = [
    (
        "consent-before-touch",
        "Consent before any touch or exam",
        "Asks before every touch, explains first, and stops when asked.",
    ),
    ("virtual-first-visit", "Virtual first visit", "The first meeting can be by video, before meeting in person."),
    ("support-person-welcome", "Support person welcome", "Bring a partner, friend or doula to any appointment."),
    ("choice-of-provider-gender", "Choice of provider gender", "You can choose the gender of who cares for you."),
    ("trauma-training-certified", "Named trauma training", "Has completed named training in trauma-informed care."),
    ("flexible-scheduling", "Flexible scheduling", "Evening, weekend or short-notice appointments."),
]
FORMATS = [
    ("in-person", "In person", "At an office."),
    ("telehealth", "Telehealth (video)", "By secure video."),
    ("phone", "Phone", "By telephone."),
    ("home-visits", "Home visits", "Comes to your home."),
]


def seed(apps, schema_editor):
    def add(model_name, rows, **extra):
        model = apps.get_model("providers", model_name)
        for order, row in enumerate(rows):
            slug, name, description = (row + ("",))[:3] if len(row) == 2 else row
            fields = {"name": name, "description": description, "order": order * 10, **extra}
            if model_name == "ProviderType":
                fields["plural"] = PROVIDER_TYPE_PLURALS[slug]
            model.objects.update_or_create(slug=slug, defaults=fields)

    add("ProviderType", PROVIDER_TYPES)
    add("Concern", CONCERNS)
    add("Modality", MODALITIES)
    add("Population", POPULATIONS)
    add("Language", LANGUAGES)
    add("PaymentOption", PAYMENT_METHODS, kind="method")
    payment = apps.get_model("providers", "PaymentOption")
    for order, (slug, name) in enumerate(PAYMENT_PLANS, start=len(PAYMENT_METHODS)):
        payment.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": f"In network with {name}.", "order": order * 10, "kind": "plan"},
        )
    add("Practice", PRACTICES)
    add("Format", FORMATS)


class Migration(migrations.Migration):
    dependencies = [("providers", "0002_listings")]

    operations = [
        migrations.RunSQL(
            """
            CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
            ALTER TEXT SEARCH CONFIGURATION english_unaccent
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
            """,
            "DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;",
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
