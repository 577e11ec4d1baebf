"""The right fit (issue 14): perinatal credentials (each verified by a founder: CredentialCheck), journey stages
with the months a provider is fully booked, "works with" populations as a search filter, and provider identities
with the provider's own words.

Each new filter is a vocabulary (providers.taxonomy.TERM_FIELDS): its id array, its packed counting words and its
GIN index; the covering index of what a search reads row by row now holds them and the booked months. Their
columns are PLAIN like the others' (see 0007), and the new terms are seeded here.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# (slug, name, description); order follows the list. Founders add more in the admin.
CREDENTIALS = [
    (
        "pmh-c",
        "PMH-C (perinatal mental health)",
        "Perinatal Mental Health Certification, from Postpartum Support International.",
    ),
    ("ibclc", "IBCLC (lactation consultant)", "International Board Certified Lactation Consultant."),
    ("clc", "CLC (lactation counselor)", "Certified Lactation Counselor."),
    ("cnm", "CNM (certified nurse-midwife)", "A registered nurse with a graduate degree in midwifery."),
    (
        "cpm",
        "CPM (certified professional midwife)",
        "Certified for out-of-hospital birth: at home or in a birth centre.",
    ),
    ("certified-birth-doula", "Certified birth doula", "Completed a recognised birth doula certification."),
    (
        "certified-postpartum-doula",
        "Certified postpartum doula",
        "Completed a recognised postpartum doula certification.",
    ),
    ("certified-childbirth-educator", "Certified childbirth educator", "Certified to teach birth preparation classes."),
    (
        "reproductive-psychiatry",
        "Reproductive psychiatry training",
        "Fellowship or formal training in psychiatry for pregnancy, postpartum and fertility.",
    ),
    (
        "bereavement-doula",
        "Certified bereavement doula",
        "Trained to support families through pregnancy and infant loss.",
    ),
    (
        "pelvic-health-certified",
        "Pelvic health certification",
        "A pelvic health specialist certification (for example WCS or PRPC).",
    ),
    (
        "infant-mental-health",
        "Infant mental health endorsement",
        "Endorsed in infant and early childhood mental health.",
    ),
]
STAGES = [
    ("trying-to-conceive", "Trying to conceive or fertility treatment", "Hoping for a baby, in treatment, or waiting."),
    ("pregnant", "Pregnant", "Any time in pregnancy."),
    ("birth", "Birth", "Preparing for birth, giving birth, and the days right after."),
    ("postpartum", "Postpartum (first year)", "The first year with a baby."),
    (
        "after-loss",
        "After a pregnancy or infant loss",
        "Miscarriage, stillbirth, the death of a baby, or a termination.",
    ),
    ("toddler", "Parenting a toddler", "Life with a one- to three-year-old."),
]
# Added to the populations of migration 0003, now a search filter ("Works with").
MORE_POPULATIONS = [
    ("intended-parents", "Surrogates and intended parents", ""),
    ("adoptive-parents", "Adoptive and foster parents", ""),
    ("parents-of-multiples", "Parents of twins or more", ""),
]
IDENTITIES = [
    ("black-provider", "Black provider", ""),
    ("indigenous-provider", "Indigenous provider", ""),
    ("latine-provider", "Latina, Latino or Latine provider", ""),
    ("asian-provider", "Asian American or Pacific Islander provider", ""),
    ("provider-of-colour", "Provider of colour", ""),
    ("lgbtq-provider", "LGBTQ+ provider", ""),
    ("bilingual", "Bilingual or multilingual", ""),
    ("parent-after-loss", "Parent after loss", ""),
    ("lived-experience", "Lived experience of a perinatal mood disorder", ""),
    ("disabled-provider", "Disabled provider", ""),
    ("military-family", "From a military family", ""),
]


def seed(apps, schema_editor):
    def add(model_name, rows, first=0):
        model = apps.get_model("providers", model_name)
        for order, (slug, name, description) in enumerate(rows, start=first):
            model.objects.update_or_create(
                slug=slug, defaults={"name": name, "description": description, "order": order * 10}
            )

    add("Credential", CREDENTIALS)
    add("JourneyStage", STAGES)
    add("Identity", IDENTITIES)
    population = apps.get_model("providers", "Population")
    add("Population", MORE_POPULATIONS, first=population.objects.count())


# The new search columns are PLAIN, like the others (migration 0007 says why); rows are rewritten so existing ones
# follow (SET STORAGE applies to new values only).
STORAGE = r"""
ALTER TABLE providers_provider
    ALTER COLUMN booked_months SET STORAGE PLAIN,
    ALTER COLUMN stages SET STORAGE PLAIN, ALTER COLUMN stages_packed SET STORAGE PLAIN,
    ALTER COLUMN perinatal_credentials SET STORAGE PLAIN, ALTER COLUMN perinatal_credentials_packed SET STORAGE PLAIN,
    ALTER COLUMN identities SET STORAGE PLAIN, ALTER COLUMN identities_packed SET STORAGE PLAIN,
    ALTER COLUMN populations_packed SET STORAGE PLAIN;
UPDATE providers_provider SET stages = stages || '{}', perinatal_credentials = perinatal_credentials || '{}',
    identities = identities || '{}', populations = populations || '{}', booked_months = booked_months || '{}';
ANALYZE providers_provider;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0013_spanish_names"),
    ]

    operations = [
        migrations.CreateModel(
            name="Credential",
            fields=[
                ("id", models.SmallAutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=80)),
                (
                    "slug",
                    models.SlugField(help_text="Used in search URLs; keep it stable.", max_length=60, unique=True),
                ),
                ("description", models.CharField(blank=True, max_length=300)),
                ("name_es", models.CharField(blank=True, max_length=80, verbose_name="name in Spanish")),
                ("description_es", models.CharField(blank=True, max_length=300, verbose_name="description in Spanish")),
                ("order", models.PositiveSmallIntegerField(default=100)),
            ],
            options={
                "verbose_name": "perinatal credential",
                "ordering": ["order", "name"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="CredentialCheck",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("verified_at", models.DateTimeField()),
            ],
            options={
                "verbose_name": "credential check",
            },
        ),
        migrations.CreateModel(
            name="Identity",
            fields=[
                ("id", models.SmallAutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=80)),
                (
                    "slug",
                    models.SlugField(help_text="Used in search URLs; keep it stable.", max_length=60, unique=True),
                ),
                ("description", models.CharField(blank=True, max_length=300)),
                ("name_es", models.CharField(blank=True, max_length=80, verbose_name="name in Spanish")),
                ("description_es", models.CharField(blank=True, max_length=300, verbose_name="description in Spanish")),
                ("order", models.PositiveSmallIntegerField(default=100)),
            ],
            options={
                "verbose_name": "provider identity",
                "verbose_name_plural": "provider identities",
                "ordering": ["order", "name"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="JourneyStage",
            fields=[
                ("id", models.SmallAutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=80)),
                (
                    "slug",
                    models.SlugField(help_text="Used in search URLs; keep it stable.", max_length=60, unique=True),
                ),
                ("description", models.CharField(blank=True, max_length=300)),
                ("name_es", models.CharField(blank=True, max_length=80, verbose_name="name in Spanish")),
                ("description_es", models.CharField(blank=True, max_length=300, verbose_name="description in Spanish")),
                ("order", models.PositiveSmallIntegerField(default=100)),
            ],
            options={
                "verbose_name": "journey stage",
                "ordering": ["order", "name"],
                "abstract": False,
            },
        ),
        migrations.RemoveIndex(
            model_name="provider",
            name="provider_search_row",
        ),
        migrations.AddField(
            model_name="provider",
            name="booked_months",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.DateField(), blank=True, default=list, size=None, verbose_name="fully booked months"
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="identities",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.SmallIntegerField(), blank=True, default=list, size=None
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="identity_note",
            field=models.CharField(
                blank=True,
                help_text="Optional, shown on the profile as the provider wrote it (with the identities they chose).",
                max_length=300,
                verbose_name="about me, in my words",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="perinatal_credentials",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.SmallIntegerField(), blank=True, default=list, size=None
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="populations_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("populations"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="stages",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.SmallIntegerField(), blank=True, default=list, size=None
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(fields=["stages"], name="provider_stages"),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["perinatal_credentials"], name="provider_perinatal_credentials"
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(fields=["populations"], name="provider_populations"),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(fields=["identities"], name="provider_identities"),
        ),
        migrations.AddField(
            model_name="credentialcheck",
            name="credential",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT, related_name="checks", to="providers.credential"
            ),
        ),
        migrations.AddField(
            model_name="credentialcheck",
            name="provider",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE, related_name="credential_checks", to="providers.provider"
            ),
        ),
        migrations.AddField(
            model_name="credentialcheck",
            name="verified_by",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="identities_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("identities"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="perinatal_credentials_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("perinatal_credentials"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="stages_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("stages"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.AddConstraint(
            model_name="credentialcheck",
            constraint=models.UniqueConstraint(
                fields=("provider", "credential"), name="credential_checked_once_per_listing"
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=models.Index(
                condition=models.Q(("status", "published")),
                fields=["id"],
                include=(
                    "name_key",
                    "accepting_new_clients",
                    "free_consultation",
                    "fee_min",
                    "availability_confirmed_at",
                    "licensed_states",
                    "booked_months",
                    "formats",
                    "types",
                    "stages",
                    "concerns",
                    "practices",
                    "perinatal_credentials",
                    "payments",
                    "languages",
                    "modalities",
                    "populations",
                    "identities",
                    "formats_packed",
                    "types_packed",
                    "stages_packed",
                    "concerns_packed",
                    "practices_packed",
                    "perinatal_credentials_packed",
                    "payments_packed",
                    "languages_packed",
                    "modalities_packed",
                    "populations_packed",
                    "identities_packed",
                ),
                name="provider_search_row",
            ),
        ),
        migrations.RunSQL(STORAGE, migrations.RunSQL.noop),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
