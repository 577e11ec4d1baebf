"""What a listing's fee is for, so families compare like with like: a session, a package, a sliding scale, or free."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext

MAX_FEE = 20_000  # dollars: above any real package (home-birth midwifery care runs to several thousand)


class FeeUnit(models.TextChoices):
    """A session (therapy, a lactation visit), a package (a birth doula's support, postpartum hours, midwifery care:
    with what it includes), a sliding scale of session fees (its lowest first), or nothing at all."""

    SESSION = "session", "Per session"
    PACKAGE = "package", "Per package"
    SLIDING = "sliding", "Sliding scale (per session)"
    FREE = "free", "Free"

    @classmethod
    def per_session(cls) -> tuple[str, ...]:
        """The units whose amounts are per session."""
        return (cls.SESSION, cls.SLIDING)

    @property
    def way_to_pay(self) -> str:
        """The way to pay (a PaymentOption slug) this unit stands for, which a listing charging so offers too
        (Provider.implied_ways_to_pay): "Free or pro bono" for a free service, "Sliding scale" for a sliding scale."""
        return {FeeUnit.FREE: "free", FeeUnit.SLIDING: "sliding-scale"}.get(self, "")


def fee_summary(unit: str, low: int | None, high: int | None) -> str:
    """The fee in its unit, as cards, profiles and the comparison show it: "$120–$180 per session", "From $1,800 per
    package", "Sliding scale from $60 per session" (up to the full fee), "Free"; "" when no fee is given."""
    if unit == FeeUnit.FREE:
        return gettext("Free")
    per = gettext("per package") if unit == FeeUnit.PACKAGE else gettext("per session")
    money = {"low": f"${low:,}" if low is not None else "", "high": f"${high:,}" if high is not None else ""}
    values = {**money, "per": per}
    if unit == FeeUnit.SLIDING and low is not None:
        if high is not None and high != low:
            return gettext("Sliding scale from %(low)s %(per)s (full fee %(high)s)") % values
        return gettext("Sliding scale from %(low)s %(per)s") % values
    if low is not None and high is not None and low != high:
        return gettext("%(low)s–%(high)s %(per)s") % values
    if low is not None and (high is None or high == low):
        return (gettext("%(low)s %(per)s") if high == low else gettext("From %(low)s %(per)s")) % values
    if high is not None:
        return gettext("Up to %(high)s %(per)s") % values
    return ""


def check_fee(unit: str, low: int | None, high: int | None, includes: str) -> None:
    """ValidationError when the amounts do not make sense: a highest fee below the lowest, a free service with a fee,
    a sliding scale without its lowest fee, a package price without what it includes."""
    if low is not None and high is not None and low > high:
        raise ValidationError({"fee_max": "The highest fee must be at least the lowest fee."})
    if unit == FeeUnit.FREE and (low is not None or high is not None):
        raise ValidationError(
            {"fee_unit": "A free service has no fee: please clear the amounts, or choose how you charge."}
        )
    if unit == FeeUnit.SLIDING and low is None:
        raise ValidationError({"fee_min": "Please give the lowest fee on your sliding scale."})
    if unit == FeeUnit.PACKAGE and not includes.strip() and fee_summary(unit, low, high):
        raise ValidationError(
            {
                "fee_includes": "Please say in a few words what the package includes, e.g. “two prenatal visits,"
                " the birth and one postpartum visit”."
            }
        )
