"""The demo directory shows the right fit (issue 14): perinatal credentials, some checked by a founder, journey
stages, doulas and midwives with fully booked months, whom providers work with and what some share about themselves."""

import io
import random
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from providers.credentials import CredentialCheck
from providers.demo import fit
from providers.models import Provider
from providers.months import this_month
from providers.taxonomy import vocabulary
from tests.providers.factories import terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", "--providers", "120", stdout=io.StringIO())
    return Provider.objects.published()


def test_the_demo_exercises_every_new_filter(demo):
    for field in ["perinatal_credentials", "stages", "populations", "identities"]:
        used = {term_id for ids in demo.values_list(field, flat=True) for term_id in ids}
        assert len(used) >= 3, field
    assert demo.exclude(stages=[]).count() == demo.count()  # every listing says whom it supports
    assert demo.filter(populations__overlap=terms("populations", "intended-parents", "adoptive-parents")).exists()


def test_some_credentials_are_verified_by_a_founder_and_only_ones_the_listing_holds(demo):
    checks = CredentialCheck.objects.filter(provider__in=demo).select_related("provider")
    assert checks.count() >= 5
    assert all(check.credential_id in check.provider.perinatal_credentials for check in checks)
    held = sum(len(ids) for ids in demo.values_list("perinatal_credentials", flat=True))
    assert checks.count() < held  # not every credential is checked yet


def test_doulas_and_midwives_are_fully_booked_some_months_ahead(demo):
    booked = demo.exclude(booked_months=[])
    assert booked.exists()
    birth_workers = terms("types", "doula", "midwife")
    assert not booked.exclude(types__overlap=birth_workers).exists()
    assert all(
        month >= this_month() and month.day == 1
        for months in booked.values_list("booked_months", flat=True)
        for month in months
    )


def test_identities_are_shared_by_some_with_their_own_words(demo):
    sharing = demo.exclude(identities=[])
    assert 0 < sharing.count() < demo.count() // 2  # never required; most share nothing
    notes = list(demo.exclude(identity_note="").values_list("identity_note", flat=True))
    assert notes and all(len(note) <= 300 for note in notes)
    assert not demo.filter(Q(identity_note__gt="") & Q(identities=[])).exists()


def test_the_fit_of_a_listing_is_drawn_from_its_own_generator():
    chosen = SimpleNamespace(concerns=["pregnancy-loss"], populations=["birthing-parents"], languages=["en", "pt"])
    row = {"credentials": "Birth doula, PMH-C"}
    now = timezone.now()
    one = fit.right_fit(random.Random("7:1:fit"), "doula", row, chosen, "published", now, vocabulary())
    two = fit.right_fit(random.Random("7:1:fit"), "doula", row, chosen, "published", now, vocabulary())
    assert (one.columns, one.checks) == (two.columns, two.checks)
    assert terms("perinatal_credentials", "pmh-c")[0] in one.columns["perinatal_credentials"]
    assert terms("stages", "after-loss")[0] in one.columns["stages"]  # a loss concern: after a loss, always
