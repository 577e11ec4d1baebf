"""The shared vocabulary: provider types, concerns, modalities, populations, languages, payment options,
trauma-informed practices, formats, perinatal credentials, journey stages and provider identities.

Each is a small table seeded by a data migration so every environment has the same slugs. Providers refer to
terms by id in integer arrays (fast filtering and facet counts, see docs in the search app); `vocabulary()` gives
every term by id and by slug without a query on most requests.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from typing import ClassVar

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    id = models.SmallAutoField(primary_key=True)
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in search URLs; keep it stable.")
    description = models.CharField(max_length=300, blank=True)
    # The Spanish site's words for the term (issue 15); left blank, the English ones are shown.
    name_es = models.CharField("name in Spanish", max_length=80, blank=True)
    description_es = models.CharField("description in Spanish", max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=100)

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        Vocabulary.clear()


class ProviderType(Term):
    plural = models.CharField(max_length=80, blank=True)

    class Meta(Term.Meta):
        verbose_name = "provider type"


class Concern(Term):
    class Meta(Term.Meta):
        verbose_name = "concern"


class Modality(Term):
    class Meta(Term.Meta):
        verbose_name = "modality"
        verbose_name_plural = "modalities"


class Population(Term):
    class Meta(Term.Meta):
        verbose_name = "population served"
        verbose_name_plural = "populations served"


class Language(Term):
    class Meta(Term.Meta):
        verbose_name = "language"


class PaymentOption(Term):
    """A way to pay (self-pay, sliding scale, Medicaid...); named insurance plans are InsurancePlan."""

    class Meta(Term.Meta):
        verbose_name = "payment option"


class InsurancePlan(Term):
    """A named insurance plan families look for ("Aetna", "TRICARE"); a state's Medicaid programme under its own
    name ("MassHealth", "Medi-Cal"), with its state. Founders add plans in the admin."""

    state = models.CharField(
        max_length=2, blank=True, help_text="For a state's own programme (Medicaid): the state's two-letter code."
    )
    way_to_pay = models.ForeignKey(
        PaymentOption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The way to pay this plan is (private insurance, Medicaid, TRICARE). A listing in network with the "
        "plan offers that way to pay too, so families who filter by it find the listing.",
    )

    class Meta(Term.Meta):
        verbose_name = "insurance plan"


class Practice(Term):
    class Meta(Term.Meta):
        verbose_name = "trauma-informed practice"


class Format(Term):
    class Meta(Term.Meta):
        verbose_name = "format"


# Formats a provider offers from their office (a family needs an office within reach) and from anywhere (the family
# needs the provider licensed in their state), by slug.
PLACE_FORMATS = ("in-person", "home-visits")
REMOTE_FORMATS = ("telehealth", "phone")


class Credential(Term):
    """A perinatal credential a provider holds (PMH-C, IBCLC, CNM...); founders verify it per listing
    (providers.credentials.CredentialCheck). The listing's free-text credentials line stays for letters after a name."""

    class Meta(Term.Meta):
        verbose_name = "perinatal credential"


class JourneyStage(Term):
    """Where a family is: trying to conceive, pregnant, birth, postpartum, after a loss, parenting a toddler."""

    class Meta(Term.Meta):
        verbose_name = "journey stage"


class Identity(Term):
    """Who a provider is, shown only when the provider chooses it ("Black provider", "parent after loss")."""

    class Meta(Term.Meta):
        verbose_name = "provider identity"
        verbose_name_plural = "provider identities"


@dataclass(frozen=True)
class TermField:
    """One vocabulary, declared once: the Provider array field holding a listing's term ids, the model of its terms,
    how the listing form asks for it, and, when families can filter by it, the search parameter and its legend.

    Everything else follows from this declaration: the Provider field and its GIN index (providers.models), a
    filter's tally in the `term_tallies` column (providers.models), the listing form's and the admin's checkboxes,
    the pending-change fields, the search filter, its facet counts and its fieldset on the search page. Adding a
    vocabulary is one entry here plus its migration: what `makemigrations` writes, its AlterField of the tallies
    column replaced by `search_columns.declare_tallies(..., replacing=True)` (see the README), and a data migration
    for its terms.
    """

    field: str  # the Provider ArrayField, e.g. "concerns"
    model: type[Term]
    question: str  # the listing form's label
    help_text: str = ""
    param: str = ""  # the search's GET parameter; "" when families do not filter by it
    legend: str = ""  # the search page's fieldset legend
    # the listing form's section: "about" (About you), "who" (Who you help), "how" (How you work) or "fees"
    section: str = "who"
    columns: bool = True  # the listing form lays its checkboxes out in columns (short names)

    @property
    def is_filter(self) -> bool:
        return bool(self.param)


# In the order the search page shows its filters: how and who first, then what the family is going through.
TERM_FIELDS = (
    TermField(
        "formats", Format, "How you see clients", param="format", legend=_("How you'd like to meet"), section="how"
    ),
    TermField(
        "types", ProviderType, "What kind of provider are you?", "Choose all that apply.", "type", _("Type of provider")
    ),
    TermField(
        "stages",
        JourneyStage,
        "Where are the families you support?",
        "Choose every stage you work with.",
        "stage",
        _("Where you are now"),
        columns=False,
    ),
    TermField(
        "concerns",
        Concern,
        "What can you help with?",
        "Choose all that apply.",
        "concern",
        _("What you'd like support with"),
    ),
    TermField(
        "practices",
        Practice,
        "Trauma-informed practices you offer",
        "Families filter by these, so tick only what you always do.",
        "practice",
        _("Trauma-informed practices"),
        section="how",
        columns=False,
    ),
    TermField(
        "perinatal_credentials",
        Credential,
        "Perinatal credentials you hold (optional)",
        "Our founders check each one; families then see “Verified by the directory” beside it.",
        "credential",
        _("Perinatal credentials"),
        section="about",
        columns=False,
    ),
    TermField(
        "payments",
        PaymentOption,
        "Ways to pay",
        "Your plans and fee add their own: Aetna lists private insurance, and a free service lists “Free or pro bono”.",
        "payment",
        _("Payment and insurance"),
        section="fees",
    ),
    TermField(
        "plans",
        InsurancePlan,
        "Insurance plans you are in network with (optional)",
        "Families see each plan with the date you last confirmed it; a plan you add counts as confirmed today. "
        "Naming a plan also lists its way to pay (Aetna: private insurance; MassHealth: Medicaid).",
        "plan",
        _("Insurance plans"),
        section="fees",
    ),
    TermField("languages", Language, "Languages you offer care in (optional)", param="language", legend=_("Languages")),
    TermField(
        "modalities",
        Modality,
        "Approaches you use (optional)",
        param="modality",
        legend=_("Therapy approaches"),
        section="how",
    ),
    TermField(
        "populations",
        Population,
        "Who do you work with? (optional)",
        param="population",
        legend=_("Who they work with"),
        columns=False,
    ),
    TermField(
        "identities",
        Identity,
        "Anything about you that you would like families to know? (optional)",
        "Only what you choose to share. Families can look for it; you never have to.",
        "identity",
        _("Who the provider is"),
        section="about",
        columns=False,
    ),
)
# The Provider array field that holds each vocabulary's term ids, and the model of its terms.
VOCABULARIES = {term_field.field: term_field.model for term_field in TERM_FIELDS}


def filters() -> tuple[TermField, ...]:
    """The vocabularies families filter by, in the page's order (read when asked, so a test can declare one)."""
    return tuple(term_field for term_field in TERM_FIELDS if term_field.is_filter)


FILTERS = filters()


@dataclass
class Vocabulary:
    """Every term of every vocabulary, by id and by slug, cached in-process for a few minutes.

    Terms change rarely (founders, in the admin); a stale name for a few minutes is harmless. There is one for each
    language of the site, loaded together: in the Spanish one a term's `name` and `description` are its Spanish
    words (or the English ones where founders have given none), so whatever shows a term reads naturally.
    """

    terms: dict[str, list[Term]]
    by_id: dict[str, dict[int, Term]]
    by_slug: dict[str, dict[str, Term]]

    TTL_SECONDS: ClassVar[int] = 300
    _cached: ClassVar[dict[str, Vocabulary]] = {}  # by language: "en", "es"
    _loaded_at: ClassVar[float] = 0.0

    @classmethod
    def load(cls, language: str | None = None) -> Vocabulary:
        """The vocabulary in `language`, by default the active one (the page's)."""
        now = time.monotonic()
        if not cls._cached or now - cls._loaded_at > cls.TTL_SECONDS:
            terms = _load_all_terms()
            cls._cached = {"en": cls.of(terms), "es": cls.of(_in_spanish(terms))}
            cls._loaded_at = now
        return cls._cached["es" if (language or get_language() or "").startswith("es") else "en"]

    @classmethod
    def of(cls, terms: dict[str, list[Term]]) -> Vocabulary:
        return cls(
            terms=terms,
            by_id={field: {t.id: t for t in items} for field, items in terms.items()},
            by_slug={field: {t.slug: t for t in items} for field, items in terms.items()},
        )

    @classmethod
    def clear(cls) -> None:
        cls._cached = {}

    def named(self, field: str, ids) -> list[Term]:
        """The terms for `ids`, in the vocabulary's order; unknown ids are skipped."""
        lookup = self.by_id[field]
        found = [lookup[i] for i in ids or [] if i in lookup]
        return sorted(found, key=lambda t: (t.order, t.name))

    def ids(self, field: str, slugs) -> list[int]:
        """The ids for known `slugs`; unknown ones are ignored."""
        lookup = self.by_slug[field]
        return [lookup[s].id for s in slugs or [] if s in lookup]


# The columns a vocabulary's model has beyond Term's, each with what the others read in its place (one UNION ALL).
OWN_COLUMNS = {"plural": "''", "state": "''", "way_to_pay_id": "NULL::bigint"}
COMMON_COLUMNS = ("id", "name", "slug", "description", "order", "name_es", "description_es")


def _load_all_terms() -> dict[str, list[Term]]:
    """Every vocabulary in ONE query (a page's query budget is small), as model instances in their order."""
    from django.db import connections, router

    selects = []
    for field, model in VOCABULARIES.items():
        present = {f.attname for f in model._meta.concrete_fields}
        own = [column if column in present else stand_in for column, stand_in in OWN_COLUMNS.items()]
        columns = ", ".join([*(f'"{column}"' for column in COMMON_COLUMNS), *own])
        selects.append(f"SELECT '{field}', {columns} FROM {model._meta.db_table}")  # noqa: S608 (names from models)
    sql = " UNION ALL ".join(selects) + " ORDER BY 1, 6, 3"  # vocabulary, order, name
    alias = router.db_for_read(ProviderType)
    terms: dict[str, list[Term]] = {field: [] for field in VOCABULARIES}
    with connections[alias].cursor() as cursor:
        cursor.execute(sql)
        for field, *values in cursor.fetchall():
            model = VOCABULARIES[field]
            present = {f.attname for f in model._meta.concrete_fields}
            row = dict(zip((*COMMON_COLUMNS, *OWN_COLUMNS), values, strict=True))
            term = model(**{column: value for column, value in row.items() if column in present})
            term._state.adding, term._state.db = False, alias
            terms[field].append(term)
    return terms


def _in_spanish(terms: dict[str, list[Term]]) -> dict[str, list[Term]]:
    """Copies of the terms named in Spanish (in the same order: the founders' order, ties by English name)."""
    spanish = {}
    for field, items in terms.items():
        spanish[field] = []
        for term in items:
            translated = copy.copy(term)
            translated.name = term.name_es or term.name
            translated.description = term.description_es or term.description
            spanish[field].append(translated)
    return spanish


def vocabulary() -> Vocabulary:
    return Vocabulary.load()
