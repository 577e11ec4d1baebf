"""Provider listings and their offices.

Only published listings are ever public: every public query starts from `Provider.objects.published()`.
Taxonomy choices are stored as arrays of term ids (see providers.taxonomy) with GIN indexes, which filter and
count facets several times faster than join tables at 100,000 listings.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.db.models import F, Func, OuterRef, Q
from django.db.models.functions import JSONObject, Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from providers import months
from providers.credentials import CredentialCheck
from providers.enquiries import ContactMessage  # noqa: F401  (model registration)
from providers.events import ListingEvent, ListingStatus, TransitionNotAllowed  # noqa: F401  (model registration)
from providers.fees import MAX_FEE, FeeUnit, check_fee, fee_summary
from providers.freshness import STALE_AFTER, Availability, days_ago, days_text  # STALE_AFTER: read from here too
from providers.lifecycle import LifecycleQuerySetMixin, ListingLifecycleMixin
from providers.offices import Office
from providers.pending import PendingChange  # noqa: F401  (model registration)
from providers.photos import photo_path, save_square_photos
from providers.places import ZipCode  # noqa: F401  (model registration, CityName too)
from providers.plans import (  # noqa: F401  (ProviderPlan: model)
    AcceptedPlan,
    ProviderPlan,
    confirm_all,
    keep_in_step,
    ways_to_pay_of,
)
from providers.reports import ListingReport  # noqa: F401  (model registration)
from providers.search_columns import TALLIES, search_indexes, term_tallies
from providers.search_document import refresh_search_documents  # also imported from here by others
from providers.states import STATE_CHOICES, STATE_CODES
from providers.taxonomy import (  # noqa: F401  (model registration)
    FILTERS,
    TERM_FIELDS,
    Concern,
    Credential,
    Format,
    Identity,
    JourneyStage,
    Language,
    Modality,
    PaymentOption,
    Population,
    Practice,
    ProviderType,
    vocabulary,
)
from providers.users import User  # noqa: F401  (AUTH_USER_MODEL = "providers.User")
from providers.written_language import written_language

# What providers write in their own words, shown as written in every language of the site.
WRITTEN_FIELDS = ("headline", "bio", "approach", "trainings")


def term_ids():
    return ArrayField(models.SmallIntegerField(), default=list, blank=True)


# What a result card reads of the listing itself (ProviderQuerySet.for_cards): no long texts, search documents or
# dates it does not show. A template reading another column would cost a query per card (the search page's query
# budget test catches that).
CARD_FIELDS = (
    "status", "display_name", "slug", "credentials", "headline", "photo_small",
    "accepting_new_clients", "availability_confirmed_at", "fee_unit", "fee_min", "fee_max",
    "licensed_states", "booked_months",
    *(term_field.field for term_field in TERM_FIELDS),
)  # fmt: skip


class ProviderQuerySet(LifecycleQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Provider.Status.PUBLISHED)

    def accepting_clients(self):
        return self.filter(accepting_new_clients=True)

    def stale(self, now=None):
        """Listings whose availability nobody has confirmed for STALE_AFTER."""
        cutoff = (now or timezone.now()) - STALE_AFTER
        return self.filter(Q(availability_confirmed_at__lt=cutoff) | Q(availability_confirmed_at__isnull=True))

    def fresh(self, now=None):
        cutoff = (now or timezone.now()) - STALE_AFTER
        return self.filter(availability_confirmed_at__gte=cutoff)

    def licensed_in(self, state):
        return self.filter(licensed_states__contains=[state])

    def offering(self, format_slug):
        ids = vocabulary().ids("formats", [format_slug])
        return self.filter(formats__overlap=ids) if ids else self.none()

    def with_offices(self):
        return self.prefetch_related(models.Prefetch("offices", queryset=Office.objects.order_by("id")))

    def with_plans(self):
        """Each listing's plan confirmations in one more query (the plans' names come from the vocabulary)."""
        return self.prefetch_related("plan_confirmations")

    def for_cards(self):
        """What a result card shows, in one statement: the card's own columns (CARD_FIELDS) and, read alongside, its
        offices (`card_offices`), plan confirmation dates and verified credentials, which accepted_plans and
        credentials_with_checks then read instead of querying. Fetching 20 cards took ~17 ms as a deferred fetch and
        three prefetch queries (much of it parsing dates and arrays no card shows), ~9 ms as one statement."""
        rows = {"provider": OuterRef("pk")}
        return self.only(*CARD_FIELDS).annotate(
            card_offices=ArraySubquery(
                Office.objects.filter(**rows)
                .order_by("id")
                .values(json=JSONObject(city="city", state="state", latitude="latitude", longitude="longitude"))
            ),
            plans_confirmed=ArraySubquery(
                ProviderPlan.objects.filter(**rows).values(json=JSONObject(plan="plan_id", at="confirmed_at"))
            ),
            verified_credentials=ArraySubquery(CredentialCheck.objects.filter(**rows).values("credential_id")),
        )

    def refresh_search_documents(self):
        """Rebuilds the stored full-text document of these listings in one UPDATE (names weigh most)."""
        ids = list(self.values_list("id", flat=True))
        if ids:
            refresh_search_documents(ids)
        return len(ids)


class Provider(ListingLifecycleMixin, models.Model):
    Status = ListingStatus  # its transitions: providers.lifecycle.TRANSITIONS

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # deleting an account deletes its listing: nothing of it stays public
        related_name="listing",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)

    # Who
    display_name = models.CharField("name", max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    pronouns = models.CharField(max_length=40, blank=True)
    credentials = models.CharField(max_length=120, blank=True, help_text='e.g. "LICSW, PMH-C"')
    headline = models.CharField(max_length=160, blank=True)
    bio = models.TextField(blank=True, help_text="Plain text; blank lines separate paragraphs.")
    approach = models.TextField(
        "how I practise trauma-informed care", blank=True, help_text="Plain text; blank lines separate paragraphs."
    )
    trainings = models.TextField("trainings and certifications", blank=True)
    identity_note = models.CharField(
        "about me, in my words",
        max_length=300,
        blank=True,
        help_text="Optional, shown on the profile as the provider wrote it (with the identities they chose).",
    )

    # What, for whom, how: one array of term ids per vocabulary, added below from providers.taxonomy.TERM_FIELDS.
    licensed_states = ArrayField(
        models.CharField(max_length=2, choices=STATE_CHOICES), default=list, blank=True, help_text="For telehealth."
    )

    # Money
    fee_unit = models.CharField("fees are", max_length=10, choices=FeeUnit.choices, default=FeeUnit.SESSION)
    fee_min = models.PositiveIntegerField(
        "lowest fee (USD)", null=True, blank=True, validators=[MaxValueValidator(MAX_FEE)]
    )
    fee_max = models.PositiveIntegerField(
        "highest fee (USD)", null=True, blank=True, validators=[MaxValueValidator(MAX_FEE)]
    )
    fee_includes = models.CharField("what the package includes", max_length=160, blank=True)
    free_consultation = models.BooleanField(default=False)

    # Contact
    website = models.URLField(max_length=300, blank=True)
    booking_url = models.URLField("booking link", max_length=300, blank=True)
    phone = models.CharField("public phone", max_length=30, blank=True)
    contact_email = models.EmailField(
        "private contact email", help_text="Enquiries are sent here. Never shown on the site."
    )

    # Verification (never public; the site shows only "License verified")
    license_type = models.CharField(max_length=60, blank=True)
    license_number = models.CharField(max_length=60, blank=True)
    license_state = models.CharField(max_length=2, choices=STATE_CHOICES, blank=True)
    license_verified_at = models.DateTimeField(null=True, blank=True)

    # Photo: a square crop in two sizes, metadata stripped (core.images)
    photo = models.ImageField(upload_to=photo_path, blank=True, width_field="photo_width", height_field="photo_height")
    photo_small = models.ImageField(upload_to=photo_path, blank=True)
    photo_width = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    # Availability, with the date a person last confirmed it
    accepting_new_clients = models.BooleanField(default=True)
    availability_confirmed_at = models.DateTimeField(null=True, blank=True)
    availability_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Months (their first day) a doula or midwife is fully booked: a search for a due month leaves them out then.
    booked_months = ArrayField(models.DateField(), default=list, blank=True, verbose_name="fully booked months")

    # Moderation (see providers.lifecycle; the history is in ListingEvent)
    submitted_at = models.DateTimeField("submitted for review", null=True, blank=True, editable=False)
    published_at = models.DateTimeField("first published", null=True, blank=True, editable=False)

    # Search columns. The full document (providers.search_document) only decides what matches, through its GIN
    # index, and is kept out of line; relevance is ranked on its A and B weights alone (name, concerns; headline,
    # types, modalities, cities), a small document kept in the row. Names match typos through trigrams.
    search_document = SearchVectorField(null=True, editable=False)
    rank_document = models.GeneratedField(
        expression=Func(F("search_document"), template="ts_filter(%(expressions)s, '{a,b}')"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    name_key = models.GeneratedField(
        expression=Lower(Func(F("display_name"), function="providers_unaccent")),
        output_field=models.TextField(),
        db_persist=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(fee_min__isnull=True) | Q(fee_max__isnull=True) | Q(fee_min__lte=models.F("fee_max")),
                name="provider_fee_min_not_above_max",
            ),
            models.CheckConstraint(condition=Q(fee_unit__in=FeeUnit.values), name="provider_fee_unit_valid"),
            models.CheckConstraint(
                condition=~Q(fee_unit=FeeUnit.FREE) | Q(fee_min__isnull=True, fee_max__isnull=True),
                name="provider_free_has_no_fee",
            ),
            models.CheckConstraint(
                condition=Q(licensed_states__contained_by=STATE_CODES), name="provider_licensed_states_valid"
            ),
            models.CheckConstraint(
                condition=Q(license_state="") | Q(license_state__in=STATE_CODES), name="provider_license_state_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "display_name"], name="provider_status_name"),
            GinIndex(fields=["search_document"], name="provider_search_document"),
            GinIndex(fields=["licensed_states"], name="provider_licensed_states"),
            *(GinIndex(fields=[f.field], name=f"provider_{f.field}") for f in FILTERS),
            *search_indexes([f.field for f in FILTERS], published=Q(status=ListingStatus.PUBLISHED)),
            GinIndex(
                OpClass(F("name_key"), name="gin_trgm_ops"),
                name="provider_name_trigrams",
                condition=Q(status=ListingStatus.PUBLISHED),
            ),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug(self.display_name)
        update_fields = kwargs.get("update_fields")

        def saving(*fields) -> bool:
            return update_fields is None or bool(set(fields) & set(update_fields))

        if saving("plans", "fee_unit"):
            missing = [way for way in self.implied_ways_to_pay() if way not in (self.payments or [])]
            if missing:  # a family filtering by that way to pay finds the listing; nothing is taken away
                self.payments = [*(self.payments or []), *missing]
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "payments"}
        super().save(*args, **kwargs)
        refresh_search_documents([self.pk])
        if saving("plans"):
            keep_in_step(self)  # a plan newly stated is confirmed now; a dropped one loses its date
        if saving("perinatal_credentials"):
            # A check is of a credential the listing lists: one dropped (and perhaps listed again) is checked anew.
            self.credential_checks.exclude(credential_id__in=self.perinatal_credentials).delete()

    def get_absolute_url(self):
        return reverse("providers:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        check_fee(self.fee_unit, self.fee_min, self.fee_max, self.fee_includes)
        for field in ("website", "booking_url"):
            value = getattr(self, field)
            if value:
                URLValidator(schemes=["http", "https"])(value)

    @classmethod
    def unique_slug(cls, name):
        base = slugify(name)[:120] or "provider"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    # Presentation helpers -----------------------------------------------------------------------------------
    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def license_verified(self):
        return self.license_verified_at is not None

    @property
    def written_in(self) -> str:
        """The language of the listing's own words (headline, bio, approach, trainings), or "" when unknown: pages in
        another language mark them with it (providers.written_language). Deferred texts are left unread."""
        deferred = self.get_deferred_fields()
        texts = [getattr(self, name) for name in WRITTEN_FIELDS if name not in deferred]
        return written_language(texts, {term.slug for term in self.terms("languages")})

    def terms(self, field):
        """The vocabulary terms stored in one of the id arrays, e.g. provider.terms("concerns")."""
        return vocabulary().named(field, getattr(self, field))

    def implied_ways_to_pay(self) -> list[int]:
        """The ways to pay (term ids) the listing's other facts stand for: each named plan's (Aetna: private
        insurance, providers.plans.ways_to_pay_of) and its fee's (a free service: "Free or pro bono"; a sliding
        scale: "Sliding scale", FeeUnit.way_to_pay). Saving adds them to `payments`, so filtering by a way to pay
        finds every listing that offers it."""
        ways = ways_to_pay_of(self.plans)
        by_fee = vocabulary().by_slug["payments"].get(FeeUnit(self.fee_unit).way_to_pay) if self.fee_unit else None
        if by_fee and by_fee.id not in ways:
            ways.append(by_fee.id)
        return ways

    def ways_to_pay(self, keep=()) -> list:
        """The ways to pay shown beside the listing's plans and fee: one they stand for (Aetna: private insurance; a
        free fee: "Free or pro bono") is left to them, which show its date or say it ("Free", "Sliding scale from
        $60 per session"). `keep`: term ids shown anyway (the ones a family filtered by)."""
        covered = set(self.implied_ways_to_pay()) - set(keep)
        return [term for term in self.terms("payments") if term.id not in covered]

    @property
    def initials(self):
        words = [w for w in self.display_name.replace("-", " ").split() if w[:1].isalpha()]
        if not words:
            return "?"
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()

    @property
    def availability(self) -> Availability:
        """What families read about whether this provider takes new clients (providers.freshness)."""
        return Availability.of(self)

    @property
    def availability_is_stale(self):
        """Unconfirmed for STALE_AFTER: the listing sinks below fresher ones in search results."""
        return self.availability.sinks

    @property
    def days_since_confirmed(self):
        if self.availability_confirmed_at is None:
            return None
        return (timezone.now() - self.availability_confirmed_at).days

    @property
    def confirmed_ago(self):
        """ "today", "yesterday" or "N days ago" in local calendar days; "" if never confirmed."""
        if self.availability_confirmed_at is None:
            return ""
        return days_text(days_ago(self.availability_confirmed_at))

    # Fees: what the amounts are for ------------------------------------------------------------------------
    @property
    def fee_summary(self):
        """The fee in its unit: "$120–$180 per session", "From $1,800 per package", "Free"… (providers.fees)."""
        return fee_summary(self.fee_unit, self.fee_min, self.fee_max)

    @property
    def package_includes(self) -> str:
        """What the package price covers; "" unless the fee is per package."""
        return self.fee_includes if self.fee_unit == FeeUnit.PACKAGE else ""

    # Insurance plans, each with the date it was last confirmed (providers.plans) ------------------------------
    @property
    def accepted_plans(self) -> list[AcceptedPlan]:
        """The listing's plans in the vocabulary's order, each with when it was last confirmed (None for a plan
        added in edits still waiting for review). Reads the prefetched confirmations (with_plans) if there."""
        if not self.plans:
            return []
        if hasattr(self, "plans_confirmed"):  # read along with the listing (ProviderQuerySet.for_cards)
            dates = {row["plan"]: datetime.fromisoformat(row["at"]) for row in self.plans_confirmed}
        else:
            dates = {row.plan_id: row.confirmed_at for row in self.plan_confirmations.all()} if self.pk else {}
        return [AcceptedPlan(plan, dates.get(plan.id)) for plan in self.terms("plans")]

    def confirm_plans(self, when=None) -> int:
        """The provider says every plan on the listing is still right: each is confirmed now. Returns how many."""
        return confirm_all(self, when)

    def paragraphs(self, field):
        text = getattr(self, field) or ""
        return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]

    # Perinatal credentials, stages, who they work with ---------------------------------------------------------
    @property
    def credentials_with_checks(self) -> list[tuple[Credential, bool]]:
        """The perinatal credentials the listing holds, each with whether a founder verified it."""
        if not self.perinatal_credentials:
            return []
        if hasattr(self, "verified_credentials"):  # read along with the listing (ProviderQuerySet.for_cards)
            verified = set(self.verified_credentials)
        else:
            verified = {check.credential_id for check in self.credential_checks.all()}
        return [(term, term.id in verified) for term in self.terms("perinatal_credentials")]

    def set_verified_credentials(self, credential_ids, *, by) -> list[Credential]:
        """A founder's checks: each listed credential among `credential_ids` is verified now by `by` (an earlier
        check keeps its date and founder); checks of the others are withdrawn. Returns the newly verified ones."""
        wanted = set(credential_ids) & set(self.perinatal_credentials)
        checks = self.credential_checks.all()
        checks.exclude(credential_id__in=wanted).delete()
        new = wanted - set(checks.values_list("credential_id", flat=True))
        now = timezone.now()
        CredentialCheck.objects.bulk_create(
            CredentialCheck(provider=self, credential_id=pk, verified_at=now, verified_by=by) for pk in new
        )
        return vocabulary().named("perinatal_credentials", new)

    def booked_in(self, month) -> bool:
        return month in map(months.as_month, self.booked_months)

    @property
    def upcoming_booked_months(self) -> list:
        """The months from this one on that the provider is fully booked, in order (a previewed pending change
        holds them as ISO strings)."""
        return sorted(m for m in map(months.as_month, self.booked_months) if m >= months.this_month())

    # Availability: the one fact a provider updates without review --------------------------------------------
    def confirm_availability(self, accepting: bool, when=None):
        self.accepting_new_clients = accepting
        self.availability_confirmed_at = when or timezone.now()
        Provider.objects.filter(pk=self.pk).update(
            accepting_new_clients=accepting, availability_confirmed_at=self.availability_confirmed_at
        )

    # Photo ---------------------------------------------------------------------------------------------------
    def set_photo(self, uploaded):
        """Validates, strips metadata and stores a 480 px and a 160 px square; ValidationError if unusable."""
        old = [f.name for f in (self.photo, self.photo_small) if f]
        save_square_photos(self.photo, self.photo_small, uploaded)
        self._delete_files(old)

    def remove_photo(self):
        self._delete_files([f.name for f in (self.photo, self.photo_small) if f])
        self.photo = self.photo_small = None
        self.photo_width = self.photo_height = None

    def _delete_files(self, names):
        storage = self._meta.get_field("photo").storage
        for name in names:
            storage.delete(name)


for _term_field in TERM_FIELDS:
    Provider.add_to_class(_term_field.field, term_ids())
Provider.add_to_class(TALLIES, term_tallies(f.field for f in FILTERS))
