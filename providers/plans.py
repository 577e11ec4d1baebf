"""Insurance plans a listing is in network with, each with the date its provider last confirmed it.

Which plans a listing accepts is its `plans` array (a vocabulary, providers.taxonomy: the search filters and counts
it like every other). When each was last confirmed is a row per listing and plan here, kept in step with the array
whenever the listing is saved: a plan newly stated is confirmed then, a plan dropped loses its row. The provider
re-confirms all of them in one action (Provider.confirm_plans, from "My listing" or the reminder's link).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils import timezone

from providers.freshness import CONFIRMED_WITHIN, days_ago, days_text
from providers.taxonomy import InsurancePlan, vocabulary

# A plan is flagged "not recently confirmed" when availability would be: the same thresholds (providers.freshness).
PLAN_STALE_AFTER = CONFIRMED_WITHIN


def days_ago_phrase(when) -> str:
    """ "today", "yesterday" or "N days ago", in local calendar days, in the page's language."""
    return days_text(days_ago(when))


class ProviderPlanQuerySet(models.QuerySet):
    def stale(self, now=None):
        return self.filter(confirmed_at__lt=(now or timezone.now()) - PLAN_STALE_AFTER)


class ProviderPlan(models.Model):
    """One insurance plan a listing is in network with, and when its provider last said so."""

    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="plan_confirmations")
    plan = models.ForeignKey("providers.InsurancePlan", on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField("last confirmed")

    objects = ProviderPlanQuerySet.as_manager()

    class Meta:
        verbose_name = "accepted insurance plan"
        constraints = [models.UniqueConstraint(fields=["provider", "plan"], name="provider_plan_once")]

    def __str__(self):
        return f"{self.provider_id}: {self.plan_id}"

    @property
    def is_stale(self) -> bool:
        return timezone.now() - self.confirmed_at > PLAN_STALE_AFTER

    @property
    def confirmed_ago(self) -> str:
        return days_ago_phrase(self.confirmed_at)


@dataclass(frozen=True)
class AcceptedPlan:
    """A plan as families read it on a listing: its name and how long ago the provider last confirmed it."""

    plan: InsurancePlan
    confirmed_at: datetime | None  # None: added in edits that wait for review

    @property
    def name(self) -> str:
        return self.plan.name

    @property
    def confirmed_ago(self) -> str:
        return days_ago_phrase(self.confirmed_at) if self.confirmed_at else ""

    @property
    def is_stale(self) -> bool:
        return self.confirmed_at is not None and timezone.now() - self.confirmed_at > PLAN_STALE_AFTER


def ways_to_pay_of(plans) -> list[int]:
    """The ways to pay (term ids) the plans stand for, once each, in the plans' order (Aetna: private insurance;
    MassHealth: Medicaid; TRICARE: TRICARE, as InsurancePlan.way_to_pay says; a plan without one adds none)."""
    by_id = vocabulary().by_id["plans"]
    implied = (by_id[plan].way_to_pay_id for plan in plans or [] if plan in by_id)
    return [way for way in dict.fromkeys(implied) if way]


def keep_in_step(provider, when=None) -> None:
    """Makes the listing's confirmation rows match its `plans` array: rows for dropped plans go, plans newly stated
    are confirmed `when` (now). Plans the listing already had keep their date."""
    wanted = set(provider.plans or [])
    rows = ProviderPlan.objects.filter(provider_id=provider.pk)
    rows.exclude(plan_id__in=wanted).delete()
    new = wanted - set(rows.values_list("plan_id", flat=True))
    if new:
        when = when or timezone.now()
        known = InsurancePlan.objects.filter(pk__in=new).values_list("pk", flat=True)  # a retired id is skipped
        ProviderPlan.objects.bulk_create(
            [ProviderPlan(provider_id=provider.pk, plan_id=pk, confirmed_at=when) for pk in known],
            ignore_conflicts=True,  # a concurrent save of the same listing added it first
        )


def confirm_all(provider, when=None) -> int:
    """Every plan of the listing confirmed `when` (now); returns how many."""
    keep_in_step(provider, when)
    return ProviderPlan.objects.filter(provider_id=provider.pk).update(confirmed_at=when or timezone.now())
