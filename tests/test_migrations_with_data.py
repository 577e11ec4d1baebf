"""Migrations that move data must also run on a database that has listings, not only on the empty test database."""

from contextlib import contextmanager

import pytest
from django.contrib.postgres.fields import ArrayField
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor

BEFORE_PLANS = [("providers", "0014_right_fit")]
BEFORE_FEES_WAYS = [("providers", "0023_plans_way_to_pay")]


@contextmanager
def as_at(migration):
    """The models as they were at `migration`, the database migrated back to it; on leaving, migrated forward to
    the latest migration again, with whatever the block created (and if it failed: later tests need the schema)."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(migration)
    try:
        yield executor.loader.project_state(migration).apps
    finally:
        MigrationExecutor(connection).migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_plans_move_out_of_payments_on_a_database_with_listings():
    with as_at(BEFORE_PLANS) as apps:
        payment = apps.get_model("providers", "PaymentOption")
        provider = apps.get_model("providers", "Provider")
        # Reversing 0015 does not bring its plans back among the ways to pay: set one up as it was before.
        aetna, _ = payment.objects.update_or_create(slug="aetna", defaults={"name": "Aetna", "kind": "plan"})
        sliding = payment.objects.exclude(kind="plan").first()
        listing = provider.objects.create(
            status="published", display_name="Dana Whitfield", slug="dana-whitfield", payments=[aetna.pk, sliding.pk]
        )

    from providers.models import Provider

    moved = Provider.objects.get(pk=listing.pk)
    assert [accepted.plan.slug for accepted in moved.accepted_plans] == ["aetna"]
    assert all(accepted.confirmed_at is not None for accepted in moved.accepted_plans)
    assert sliding.pk in moved.payments and aetna.pk not in moved.payments
    # 0023: Aetna is private insurance, so the listing now offers that way to pay.
    from providers.taxonomy import PaymentOption

    assert PaymentOption.objects.get(slug="private-insurance").pk in moved.payments


@pytest.mark.django_db(transaction=True)
def test_free_and_sliding_scale_listings_saved_before_the_rule_offer_their_way_to_pay_after_it():
    with as_at(BEFORE_FEES_WAYS) as apps:
        ways = dict(apps.get_model("providers", "PaymentOption").objects.values_list("slug", "pk"))
        provider = apps.get_model("providers", "Provider")
        free = provider.objects.create(
            status="published", display_name="Harbor Loss Circle", slug="harbor-loss-circle", fee_unit="free"
        )
        sliding = provider.objects.create(
            status="published", display_name="Iris Okafor", slug="iris-okafor", fee_unit="sliding", fee_min=40,
            payments=[ways["self-pay"]],
        )  # fmt: skip
        paid = provider.objects.create(
            status="published", display_name="Dana Whitfield", slug="dana-whitfield", payments=[ways["self-pay"]]
        )

    from providers.models import Provider

    assert Provider.objects.get(pk=free.pk).payments == [ways["free"]]
    assert Provider.objects.get(pk=sliding.pk).payments == [ways["self-pay"], ways["sliding-scale"]]
    assert Provider.objects.get(pk=paid.pk).payments == [ways["self-pay"]]


@pytest.mark.django_db(transaction=True)
def test_a_new_vocabularys_migration_declares_the_tallies_anew_plain_and_can_be_unapplied():
    # What a new vocabulary's migration does (README): PostgreSQL cannot alter the generated tallies column, so
    # declare_tallies(..., replacing=True) drops it and adds it with the new expression, PLAIN, in one ALTER TABLE.
    from providers.models import Provider
    from providers.search_columns import TALLIES, Tally, declare_tallies, tally_positions
    from tests.providers.factories import PublishedProviderFactory

    PublishedProviderFactory(types=[1], formats=[2])
    formats_and_types = models.GeneratedField(
        expression=models.Func(
            models.Func(models.F("formats"), function="providers_tally"),
            models.Func(models.F("types"), function="providers_tally"),
            function="ARRAY",
            template="ARRAY[%(expressions)s]",
            output_field=Tally(),
        ),
        output_field=ArrayField(Tally()),
        db_persist=True,
    )
    operations = declare_tallies(formats_and_types, replacing=True)
    executor = MigrationExecutor(connection)
    states = [executor.loader.project_state(executor.loader.graph.leaf_nodes())]
    with connection.schema_editor() as editor:
        for operation in operations:
            states.append(states[-1].clone())
            operation.state_forwards("providers", states[-1])
            operation.database_forwards("providers", editor, states[-2], states[-1])
    assert tallies_column() == ("p", ["10000000", "1"])  # format 2's lane, type 1's; stored uncompressed

    with connection.schema_editor() as editor:
        for operation, before, after in reversed(list(zip(operations, states[:-1], states[1:], strict=True))):
            operation.database_backwards("providers", editor, after, before)
    storage, tallies = tallies_column()
    assert storage == "p" and len(tallies) == len(tally_positions(Provider._meta.get_field(TALLIES)))


def tallies_column() -> tuple[str, list[str]]:
    """The tallies column's storage and the one listing's tallies."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'providers_provider'::regclass"
            " AND attname = 'term_tallies'"
        )
        storage = cursor.fetchone()[0]
        cursor.execute("SELECT term_tallies::text[] FROM providers_provider")
        return storage, cursor.fetchone()[0]
