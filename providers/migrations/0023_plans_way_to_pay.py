"""Each insurance plan names the way to pay it is (private insurance, Medicaid, TRICARE), and a listing in network
with a plan offers that way to pay (Provider.implied_ways_to_pay, applied whenever a listing is saved). Here the
known plans get theirs, and listings saved before the rule gain the ways to pay their plans imply, so filtering by
"Private insurance" finds everyone who named Aetna."""

import django.db.models.deletion
from django.db import migrations, models


def name_ways_to_pay(apps, schema_editor):
    """A state's programme is Medicaid, TRICARE is TRICARE, every other plan is private insurance (founders change
    a plan's in the admin)."""
    InsurancePlan = apps.get_model("providers", "InsurancePlan")
    ways = {option.slug: option for option in apps.get_model("providers", "PaymentOption").objects.all()}
    for plan in InsurancePlan.objects.filter(way_to_pay__isnull=True):
        slug = "medicaid" if plan.state else "tricare" if plan.slug == "tricare" else "private-insurance"
        if slug in ways:
            plan.way_to_pay = ways[slug]
            plan.save(update_fields=["way_to_pay"])


def offer_plans_ways_to_pay(apps, schema_editor):
    """One UPDATE per plan: listings in network with it that do not yet offer its way to pay."""
    for plan_id, way_id in (
        apps.get_model("providers", "InsurancePlan")
        .objects.filter(way_to_pay__isnull=False)
        .values_list("id", "way_to_pay_id")
    ):
        schema_editor.execute(
            "UPDATE providers_provider SET payments = array_append(payments, %s::smallint)"
            " WHERE plans @> ARRAY[%s::smallint] AND NOT payments @> ARRAY[%s::smallint]",
            [way_id, plan_id, way_id],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0022_offices_by_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="insuranceplan",
            name="way_to_pay",
            field=models.ForeignKey(
                blank=True,
                help_text="The way to pay this plan is (private insurance, Medicaid, TRICARE). A listing in network "
                "with the plan offers that way to pay too, so families who filter by it find the listing.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="providers.paymentoption",
            ),
        ),
        migrations.RunPython(name_ways_to_pay, migrations.RunPython.noop),
        # Ways to pay added to listings stay when unapplied: a listing may offer one without a named plan.
        migrations.RunPython(offer_plans_ways_to_pay, migrations.RunPython.noop),
    ]
