"""Edits to a published listing, kept apart until a founder approves them.

The live listing stays exactly as approved; the provider's edits wait in one PendingChange per listing: the changed
fields as JSON, the whole proposed list of offices (when it changed) and a staged photo. Approving applies them in
one transaction (Provider.approve); withdrawing or rejecting discards them and their staged photo files.

Text is compared as the listing keeps it (providers.wording: LF line ends, no trailing spaces), so a form saved
unchanged stages nothing and each field listed as changed really is; the comparison marks what changed word by word.
"""

from __future__ import annotations

import copy

from django.db import models, transaction

from providers.events import ListingEvent, TransitionNotAllowed
from providers.fees import FeeUnit
from providers.months import as_month, month_label
from providers.photos import photo_path, save_square_photos
from providers.states import STATE_NAMES
from providers.taxonomy import VOCABULARIES, vocabulary
from providers.wording import around_changes, normalised, word_changes

# Every field a provider edits on their listing (availability is confirmed separately, without review).
LISTING_FIELDS = [
    "display_name",
    "pronouns",
    "credentials",
    "headline",
    "bio",
    "approach",
    "trainings",
    "identity_note",
    *VOCABULARIES,  # one array of term ids per vocabulary (providers.taxonomy.TERM_FIELDS)
    "fee_unit",
    "fee_min",
    "fee_max",
    "fee_includes",
    "free_consultation",
    "licensed_states",
    "booked_months",
    "website",
    "booking_url",
    "phone",
    "contact_email",
    "license_type",
    "license_number",
    "license_state",
]
OFFICE_FIELDS = ["name", "street", "show_street", "city", "state", "zip_code"]
TERM_ARRAYS = set(VOCABULARIES)


def _photo_path(instance, filename):  # named by migration 0004
    return photo_path(instance, filename)


def _same(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))  # booked months: dates live, ISO strings from a form
    return normalised(a) == normalised(b)


def listing_values(values: dict) -> dict:
    """The listing's fields among `values`, text normalised as the listing keeps it."""
    return {f: normalised(v) for f, v in values.items() if f in LISTING_FIELDS}


def office_dicts(offices) -> list[dict]:
    return [{"id": office.pk, **{f: getattr(office, f) for f in OFFICE_FIELDS}} for office in offices]


def _offices_equal(live: list[dict], proposed: list[dict]) -> bool:
    key = lambda d: (d.get("id") or 0, d["zip_code"], d["city"])  # noqa: E731
    return sorted(live, key=key) == sorted(proposed, key=key)


class PendingChange(models.Model):
    provider = models.OneToOneField("providers.Provider", on_delete=models.CASCADE, related_name="pending_change")
    data = models.JSONField("changed fields", default=dict, blank=True)
    offices = models.JSONField("proposed offices", null=True, blank=True, help_text="Empty when offices are unchanged.")
    photo = models.ImageField(upload_to=_photo_path, blank=True)
    photo_small = models.ImageField(upload_to=_photo_path, blank=True)
    remove_photo = models.BooleanField(default=False)
    message = models.TextField(
        blank=True, help_text="The founders' message when they asked for changes to these edits."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "pending change"

    def __str__(self):
        return f"Edits to {self.provider}"

    # Staging -----------------------------------------------------------------------------------------------
    @classmethod
    def stage(cls, provider, *, values, offices, photo=None, remove_photo=False, by=None):
        """Keeps what differs between the submitted listing and the live one. Returns the PendingChange, or None
        when nothing differs (any earlier pending change is then discarded)."""
        with transaction.atomic():
            listing = type(provider).objects.select_for_update(of=("self",)).select_related("owner").get(pk=provider.pk)
            if not listing.edits_need_review:
                raise TransitionNotAllowed("Only a published listing keeps edits for review.")
            if listing.owner_id and not listing.owner.email_verified:
                raise TransitionNotAllowed("Please confirm your email address before sending edits for review.")
            pending = cls.objects.filter(provider=listing).first() or cls(provider=listing)
            pending.data = {f: v for f, v in listing_values(values).items() if not _same(getattr(listing, f), v)}
            live_offices = office_dicts(listing.offices.all())
            pending.offices = None if _offices_equal(live_offices, offices) else offices
            if photo:
                pending._stage_photo(photo)
                pending.remove_photo = False
            elif remove_photo:
                pending._drop_staged_photo()
                pending.remove_photo = bool(listing.photo)
            if not (pending.data or pending.offices is not None or pending.photo or pending.remove_photo):
                if pending.pk:
                    pending.discard()
                return None
            pending.message = ""  # the provider has answered any request for changes
            pending.save()
            ListingEvent.objects.create(
                provider=listing,
                actor=by,
                action=ListingEvent.Action.EDITS_SUBMITTED,
                from_status=listing.status,
                to_status=listing.status,
                note="Changed: " + ", ".join(pending.changed_labels()),
            )
            return pending

    def _stage_photo(self, uploaded):
        """Validates, strips metadata and stages the two square sizes, as Provider.set_photo does for drafts."""
        self._drop_staged_photo()
        save_square_photos(self.photo, self.photo_small, uploaded)

    def _drop_staged_photo(self):
        names = [f.name for f in (self.photo, self.photo_small) if f]
        self.photo = self.photo_small = None
        _delete_files_on_commit(self._meta.get_field("photo").storage, names)

    # Deciding ----------------------------------------------------------------------------------------------
    def apply(self):
        """Applies the edits to the (locked) live listing; called by Provider.approve inside its transaction."""
        listing = self.provider
        for field, value in self.data.items():
            setattr(listing, field, value)
        if self.remove_photo:
            old = [f.name for f in (listing.photo, listing.photo_small) if f]
            listing.photo = listing.photo_small = None
            listing.photo_width = listing.photo_height = None
            _delete_files_on_commit(listing._meta.get_field("photo").storage, old)
        if self.photo:
            old = [f.name for f in (listing.photo, listing.photo_small) if f]
            listing.photo.name, listing.photo_small.name = self.photo.name, self.photo_small.name
            listing._meta.get_field("photo").update_dimension_fields(listing, force=True)
            _delete_files_on_commit(listing._meta.get_field("photo").storage, old)
        if self.offices is not None:
            sync_offices(listing, self.offices)
        listing.save()  # also rebuilds the search document
        # The staged files now belong to the listing: forget them before deleting this row.
        self.photo = self.photo_small = None
        self.delete()

    def discard(self):
        self._drop_staged_photo()
        self.delete()

    # Showing -----------------------------------------------------------------------------------------------
    def comparison(self) -> list[dict]:
        """Field-by-field: label, the live value and the proposed value, in words, and both as runs of words with
        what changed marked (`live_runs`, `proposed_runs`; `*_near` keep only a few words around each change)."""
        listing = self.provider
        rows = [
            {
                "field": f,
                "label": _label(listing, f),
                "live": _display(f, getattr(listing, f)),
                "proposed": _display(f, v),
            }
            for f, v in sorted(self.data.items(), key=lambda item: LISTING_FIELDS.index(item[0]))
        ]
        if self.offices is not None:
            rows.append(
                {
                    "field": "offices",
                    "label": "Offices",
                    "live": _offices_text(office_dicts(listing.offices.all())),
                    "proposed": _offices_text(self.offices),
                }
            )
        if self.photo or self.remove_photo:
            rows.append(
                {
                    "field": "photo",
                    "label": "Photo",
                    "live": "A photo" if listing.photo else "No photo",
                    "proposed": "A new photo" if self.photo else "No photo (removed)",
                }
            )
        for row in rows:
            row["live_runs"], row["proposed_runs"] = word_changes(row["live"], row["proposed"])
            row["live_near"], row["proposed_near"] = map(around_changes, (row["live_runs"], row["proposed_runs"]))
        return rows

    def changed_labels(self) -> list[str]:
        return [row["label"] for row in self.comparison()]

    def proposed_listing(self):
        """An unsaved copy of the listing with the edits applied, for the preview and the completeness check."""
        Office = self.provider.offices.model  # noqa: N806
        listing = copy.copy(self.provider)
        listing._state = copy.copy(listing._state)
        listing._state.fields_cache = dict(listing._state.fields_cache)
        for field, value in self.data.items():
            setattr(listing, field, value)
        if self.photo:
            listing.photo, listing.photo_small = self.photo, self.photo_small
        elif self.remove_photo:
            listing.photo = listing.photo_small = None
        if self.offices is not None:
            offices = [Office(provider=listing, **{f: d[f] for f in OFFICE_FIELDS}) for d in self.offices]
        else:
            offices = list(self.provider.offices.all())
        # provider.offices.all() reads this cache: the preview shows the proposed offices.
        listing._prefetched_objects_cache = {"offices": offices}
        return listing


def sync_offices(listing, proposed: list[dict]):
    Office = listing.offices.model  # noqa: N806
    existing = {office.pk: office for office in listing.offices.all()}
    kept = set()
    for item in proposed:
        fields = {f: item[f] for f in OFFICE_FIELDS}
        office = existing.get(item.get("id"))
        if office is None:
            Office(provider=listing, **fields).save()
            continue
        kept.add(office.pk)
        moved = office.zip_code != fields["zip_code"]
        for field, value in fields.items():
            setattr(office, field, value)
        if moved:
            office.locate()
        office.save()
    for pk, office in existing.items():
        if pk not in kept:
            office.delete()


def _delete_files_on_commit(storage, names):
    names = [n for n in names if n]
    if not names:
        return

    def delete():
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete)


def _label(listing, field):
    label = str(listing._meta.get_field(field).verbose_name)
    return label[:1].upper() + label[1:]


def _display(field, value) -> str:
    if value in (None, "", []):
        return "—"
    if field in TERM_ARRAYS:
        return ", ".join(t.name for t in vocabulary().named(field, value)) or "—"
    if field == "licensed_states":
        return ", ".join(STATE_NAMES.get(code, code) for code in sorted(value))
    if field == "license_state":
        return STATE_NAMES.get(value, value)
    if field == "booked_months":
        return ", ".join(month_label(month) for month in sorted(map(as_month, value)))
    if field == "fee_unit":
        return FeeUnit(value).label if value in FeeUnit.values else str(value)
    if field in ("fee_min", "fee_max"):
        return f"${value:,}"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def _offices_text(offices: list[dict]) -> str:
    if not offices:
        return "—"
    lines = []
    for d in offices:
        street = f"{d['street']}, " if d.get("street") else ""
        shown = "" if d.get("show_street") or not street else " (street not shown)"
        name = f"{d['name']}: " if d.get("name") else ""
        lines.append(f"{name}{street}{d['city']}, {d['state']} {d['zip_code']}{shown}")
    return "; ".join(lines)
