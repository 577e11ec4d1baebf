"""What a listing's fee is for, so families compare like with like: a session, a package, a sliding scale, or free."""

from __future__ import annotations

from django.db import models

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
