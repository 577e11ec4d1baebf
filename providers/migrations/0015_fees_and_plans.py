"""Honest fees and insurance plans that can be trusted (issue 14, points 4 and 5).

Fees gain a unit (per session, per package with what it includes, sliding scale, free): the amounts stay in
fee_min/fee_max, now in that unit, and the search reads the unit and both amounts row by row (the covering index).

Insurance plans become their own vocabulary (InsurancePlan, filterable as `plan`): the national plans and every
state's Medicaid programme under its own name. Each plan a listing accepts has a row in ProviderPlan with the date it
was last confirmed. The five plans that were payment options (kind "plan") move here with their listings, confirmed
as of the listing's last availability confirmation (or its last change); payment options lose their kind.
"""

import django.contrib.postgres.fields
import django.contrib.postgres.indexes
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

# (slug, name, description); national plans first, in this order. Founders add more in the admin.
NATIONAL_PLANS = [
    ("aetna", "Aetna", "Aetna and Aetna CVS Health plans."),
    ("bcbs", "Blue Cross Blue Shield", "Any Blue Cross or Blue Shield plan (Anthem, Highmark, CareFirst…)."),
    ("cigna", "Cigna", "Cigna and Evernorth plans."),
    (
        "united",
        "UnitedHealthcare / Optum",
        "UnitedHealthcare plans; Optum manages many of their mental-health benefits.",
    ),
    ("kaiser", "Kaiser Permanente", "Kaiser Permanente members (in the states where it runs its own care)."),
    ("tricare", "TRICARE", "The health programme for service members, veterans and their families."),
]
# Each state's Medicaid programme, under the name families know it by.
MEDICAID_PROGRAMMES = {
    "AL": "Alabama Medicaid", "AK": "Alaska Medicaid", "AZ": "AHCCCS", "AR": "Arkansas Medicaid",
    "CA": "Medi-Cal", "CO": "Health First Colorado", "CT": "HUSKY Health", "DE": "Delaware Medicaid",
    "DC": "DC Medicaid", "FL": "Florida Medicaid", "GA": "Georgia Medicaid", "HI": "Med-QUEST",
    "ID": "Idaho Medicaid", "IL": "Illinois Medicaid", "IN": "Indiana Medicaid", "IA": "IA Health Link",
    "KS": "KanCare", "KY": "Kentucky Medicaid", "LA": "Healthy Louisiana", "ME": "MaineCare",
    "MD": "Maryland Medicaid", "MA": "MassHealth", "MI": "Michigan Medicaid", "MN": "Minnesota Medical Assistance",
    "MS": "Mississippi Medicaid", "MO": "MO HealthNet", "MT": "Montana Medicaid", "NE": "Nebraska Medicaid",
    "NV": "Nevada Medicaid", "NH": "New Hampshire Medicaid", "NJ": "NJ FamilyCare", "NM": "New Mexico Medicaid",
    "NY": "New York Medicaid", "NC": "NC Medicaid", "ND": "North Dakota Medicaid", "OH": "Ohio Medicaid",
    "OK": "SoonerCare", "OR": "Oregon Health Plan", "PA": "Pennsylvania Medical Assistance", "PR": "Plan Vital",
    "RI": "Rhode Island Medicaid", "SC": "South Carolina Medicaid", "SD": "South Dakota Medicaid", "TN": "TennCare",
    "TX": "Texas Medicaid", "UT": "Utah Medicaid", "VT": "Green Mountain Care", "VA": "Cardinal Care",
    "WA": "Apple Health", "WV": "West Virginia Medicaid", "WI": "BadgerCare Plus", "WY": "Wyoming Medicaid",
}  # fmt: skip
STATE_NAMES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "the District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "PR": "Puerto Rico",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}  # fmt: skip (as of this migration; providers.states may change)

STORAGE = """
ALTER TABLE providers_provider ALTER COLUMN plans SET STORAGE PLAIN, ALTER COLUMN plans_packed SET STORAGE PLAIN;
"""


def seed_plans(apps, schema_editor):
    plan_model = apps.get_model("providers", "InsurancePlan")
    for order, (slug, name, description) in enumerate(NATIONAL_PLANS, start=1):
        plan_model.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "order": order * 10}
        )
    by_state_name = sorted(MEDICAID_PROGRAMMES, key=lambda code: STATE_NAMES[code])
    for order, code in enumerate(by_state_name, start=100):
        plan_model.objects.update_or_create(
            slug=f"medicaid-{code.lower()}",
            defaults={
                "name": MEDICAID_PROGRAMMES[code],
                "description": f"Medicaid in {STATE_NAMES[code]}.",
                "order": order,
                "state": code,
            },
        )


def move_plans_out_of_payments(apps, schema_editor):
    """Listings' plan payment options become their plans, each confirmed as of the listing's last confirmation."""
    payment_model = apps.get_model("providers", "PaymentOption")
    plan_model = apps.get_model("providers", "InsurancePlan")
    provider_model = apps.get_model("providers", "Provider")
    confirmation_model = apps.get_model("providers", "ProviderPlan")
    pending_model = apps.get_model("providers", "PendingChange")
    old = dict(payment_model.objects.filter(kind="plan").values_list("id", "slug"))
    new = dict(plan_model.objects.values_list("slug", "id"))
    moved = {old_id: new[slug] for old_id, slug in old.items() if slug in new}

    def split(ids):
        return [i for i in ids if i not in old], sorted({moved[i] for i in ids if i in moved})

    for provider in provider_model.objects.filter(payments__overlap=list(old)).iterator():
        provider.payments, provider.plans = split(provider.payments)
        provider_model.objects.filter(pk=provider.pk).update(payments=provider.payments, plans=provider.plans)
        confirmed = provider.availability_confirmed_at or provider.updated_at
        confirmation_model.objects.bulk_create(
            confirmation_model(provider_id=provider.pk, plan_id=pk, confirmed_at=confirmed) for pk in provider.plans
        )
    for pending in pending_model.objects.filter(data__has_key="payments"):
        pending.data["payments"], plans = split(pending.data["payments"])
        if plans:
            pending.data["plans"] = plans
        pending.save(update_fields=["data"])
    payment_model.objects.filter(kind="plan").delete()
    # The plan rows' foreign keys are checked at commit; checked now, so the ALTER TABLEs after this step do not meet
    # "pending trigger events" on a database that has listings.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("providers", "0014_right_fit")]

    operations = [
        migrations.CreateModel(
            name="InsurancePlan",
            fields=[
                ("id", models.SmallAutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=80)),
                (
                    "slug",
                    models.SlugField(help_text="Used in search URLs; keep it stable.", max_length=60, unique=True),
                ),
                ("description", models.CharField(blank=True, max_length=300)),
                ("name_es", models.CharField(blank=True, max_length=80, verbose_name="name in Spanish")),
                (
                    "description_es",
                    models.CharField(blank=True, max_length=300, verbose_name="description in Spanish"),
                ),
                ("order", models.PositiveSmallIntegerField(default=100)),
                (
                    "state",
                    models.CharField(
                        blank=True,
                        help_text="For a state's own programme (Medicaid): the state's two-letter code.",
                        max_length=2,
                    ),
                ),
            ],
            options={"verbose_name": "insurance plan", "ordering": ["order", "name"], "abstract": False},
        ),
        migrations.CreateModel(
            name="ProviderPlan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("confirmed_at", models.DateTimeField(verbose_name="last confirmed")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="providers.insuranceplan"
                    ),
                ),
                (
                    "provider",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="plan_confirmations",
                        to="providers.provider",
                    ),
                ),
            ],
            options={"verbose_name": "accepted insurance plan"},
        ),
        migrations.AddConstraint(
            model_name="providerplan",
            constraint=models.UniqueConstraint(fields=("provider", "plan"), name="provider_plan_once"),
        ),
        migrations.RemoveIndex(model_name="provider", name="provider_search_row"),
        migrations.AddField(
            model_name="provider",
            name="fee_unit",
            field=models.CharField(
                choices=[
                    ("session", "Per session"),
                    ("package", "Per package"),
                    ("sliding", "Sliding scale (per session)"),
                    ("free", "Free"),
                ],
                default="session",
                max_length=10,
                verbose_name="fees are",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="fee_includes",
            field=models.CharField(blank=True, max_length=160, verbose_name="what the package includes"),
        ),
        migrations.AlterField(
            model_name="provider",
            name="fee_max",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(20000)],
                verbose_name="highest fee (USD)",
            ),
        ),
        migrations.AlterField(
            model_name="provider",
            name="fee_min",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[django.core.validators.MaxValueValidator(20000)],
                verbose_name="lowest fee (USD)",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="plans",
            field=django.contrib.postgres.fields.ArrayField(
                base_field=models.SmallIntegerField(), blank=True, default=list, size=None
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="plans_packed",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(models.F("plans"), function="providers_pack_terms"),
                output_field=django.contrib.postgres.fields.ArrayField(base_field=models.BigIntegerField(), size=None),
            ),
        ),
        migrations.RunSQL(STORAGE, migrations.RunSQL.noop),
        migrations.RunPython(seed_plans, migrations.RunPython.noop),
        migrations.RunPython(move_plans_out_of_payments, migrations.RunPython.noop),
        migrations.RemoveField(model_name="paymentoption", name="kind"),
        migrations.AddConstraint(
            model_name="provider",
            constraint=models.CheckConstraint(
                condition=models.Q(("fee_unit__in", ["session", "package", "sliding", "free"])),
                name="provider_fee_unit_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="provider",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("fee_unit", "free"), _negated=True),
                    models.Q(("fee_max__isnull", True), ("fee_min__isnull", True)),
                    _connector="OR",
                ),
                name="provider_free_has_no_fee",
            ),
        ),
        migrations.AddIndex(
            model_name="provider",
            index=django.contrib.postgres.indexes.GinIndex(fields=["plans"], name="provider_plans"),
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
                    "fee_unit",
                    "fee_min",
                    "fee_max",
                    "availability_confirmed_at",
                    "licensed_states",
                    "booked_months",
                    "formats_packed",
                    "types_packed",
                    "stages_packed",
                    "concerns_packed",
                    "practices_packed",
                    "perinatal_credentials_packed",
                    "payments_packed",
                    "plans_packed",
                    "languages_packed",
                    "modalities_packed",
                    "populations_packed",
                    "identities_packed",
                ),  # fmt: skip
                name="provider_search_row",
            ),
        ),
    ]
