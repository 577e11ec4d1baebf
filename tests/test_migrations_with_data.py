"""Migrations that move data must also run on a database that has listings, not only on the empty test database."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_PLANS = [("providers", "0014_right_fit")]


@pytest.mark.django_db(transaction=True)
def test_plans_move_out_of_payments_on_a_database_with_listings():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE_PLANS)
    apps = executor.loader.project_state(BEFORE_PLANS).apps
    payment = apps.get_model("providers", "PaymentOption")
    provider = apps.get_model("providers", "Provider")
    # Reversing 0015 does not bring its plans back among the ways to pay: set one up as it was before.
    aetna, _ = payment.objects.update_or_create(slug="aetna", defaults={"name": "Aetna", "kind": "plan"})
    sliding = payment.objects.exclude(kind="plan").first()
    listing = provider.objects.create(
        status="published", display_name="Dana Whitfield", slug="dana-whitfield", payments=[aetna.pk, sliding.pk]
    )

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    from providers.models import Provider

    moved = Provider.objects.get(pk=listing.pk)
    assert [accepted.plan.slug for accepted in moved.accepted_plans] == ["aetna"]
    assert all(accepted.confirmed_at is not None for accepted in moved.accepted_plans)
    assert sliding.pk in moved.payments and aetna.pk not in moved.payments
