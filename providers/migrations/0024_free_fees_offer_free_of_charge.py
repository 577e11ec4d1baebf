"""A listing whose fee is free offers the way to pay "Free or pro bono" (Provider.implied_ways_to_pay, applied
whenever a listing is saved). Here listings saved before the rule gain it, so `payment=free` finds them all."""

from django.db import migrations


def offer_free_of_charge(apps, schema_editor):
    """One UPDATE: free listings that do not yet offer the "free" way to pay (none if founders removed it)."""
    free = apps.get_model("providers", "PaymentOption").objects.filter(slug="free").values_list("id", flat=True).first()
    if free is not None:
        schema_editor.execute(
            "UPDATE providers_provider SET payments = array_append(payments, %s::smallint)"
            " WHERE fee_unit = 'free' AND NOT payments @> ARRAY[%s::smallint]",
            [free, free],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0023_plans_way_to_pay"),
    ]

    # The way to pay stays when unapplied: a listing may offer it with any fee.
    operations = [migrations.RunPython(offer_free_of_charge, migrations.RunPython.noop)]
