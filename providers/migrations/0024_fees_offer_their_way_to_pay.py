"""A listing's fee offers the way to pay it stands for (FeeUnit.way_to_pay, applied whenever a listing is saved by
Provider.implied_ways_to_pay): a free service "Free or pro bono", a sliding scale "Sliding scale". Here listings
saved before the rule gain theirs, so `payment=free` and `payment=sliding-scale` find them all."""

from django.db import migrations

# FeeUnit.way_to_pay as it stood when this migration was written.
WAYS = {"free": "free", "sliding": "sliding-scale"}


def offer_fees_ways_to_pay(apps, schema_editor):
    """One UPDATE per unit: listings charging so that do not yet offer its way to pay (none if founders removed
    it)."""
    ways = dict(apps.get_model("providers", "PaymentOption").objects.values_list("slug", "id"))
    for unit, slug in WAYS.items():
        if slug in ways:
            schema_editor.execute(
                "UPDATE providers_provider SET payments = array_append(payments, %s::smallint)"
                " WHERE fee_unit = %s AND NOT payments @> ARRAY[%s::smallint]",
                [ways[slug], unit, ways[slug]],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0023_plans_way_to_pay"),
    ]

    # The ways to pay stay when unapplied: a listing may offer them with any fee.
    operations = [migrations.RunPython(offer_fees_ways_to_pay, migrations.RunPython.noop)]
