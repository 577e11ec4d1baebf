"""Founders' moderation in the admin: the actions (bulk from the list, single from a listing's page), the page that
asks for a message where one is required, and the filters of the moderation queue.

Each action calls the one Provider method for its transition; refused transitions become warnings, never errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone

from providers.lifecycle import TRANSITIONS
from providers.models import STALE_AFTER, Provider, TransitionNotAllowed
from providers.states import STATE_CHOICES
from providers.taxonomy import vocabulary


@dataclass(frozen=True)
class Moderation:
    name: str  # the Provider method, and the admin action's name
    label: str  # the button
    done: str  # "%(count)s listings approved."
    note: str = ""  # label of the required message, when one is required
    note_help: str = ""

    @property
    def needs_note(self) -> bool:
        return bool(self.note)

    def run(self, listing, by, note="", seen=None):
        method = getattr(listing, self.name)
        if self.name == "approve":
            return method(by=by, seen=seen)  # from a listing's page: exactly the version the founder saw
        if self.name in ("request_changes",):
            return method(by=by, message=note)
        if self.name in ("reject", "suspend"):
            return method(by=by, reason=note)
        return method(by=by)


MODERATIONS = {
    m.name: m
    for m in [
        Moderation("approve", "Approve", "%(count)s approved (published, or their edits applied)."),
        Moderation(
            "request_changes",
            "Request changes",
            "Changes requested on %(count)s.",
            note="What should change?",
            note_help="Sent to the provider by email and shown on their dashboard. Please be specific and kind.",
        ),
        Moderation(
            "reject",
            "Reject",
            "%(count)s rejected.",
            note="Reason",
            note_help="Sent to the provider by email. On a published listing this rejects only its waiting edits.",
        ),
        Moderation(
            "suspend",
            "Suspend",
            "%(count)s suspended.",
            note="Reason",
            note_help="Sent to the provider by email. The listing leaves the directory until reinstated.",
        ),
        Moderation("reinstate", "Reinstate", "%(count)s reinstated."),
        Moderation("mark_license_verified", "Mark license verified", "License marked verified on %(count)s."),
    ]
}


class NoteForm(forms.Form):
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 6, "cols": 80}), max_length=5000)

    def __init__(self, *args, moderation: Moderation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = moderation.note
        self.fields["note"].help_text = moderation.note_help
        self.fields["note"].error_messages["required"] = "Please write a message: the provider will receive it."


def apply_moderation(request, modeladmin, moderation: Moderation, listings, note="", seen=None) -> int:
    """Runs the transition on each listing; refused ones become one warning each. Returns how many succeeded."""
    done = 0
    for listing in listings:
        try:
            moderation.run(listing, request.user, note, seen)
        except TransitionNotAllowed as error:
            modeladmin.message_user(request, f"Not done for {listing}: {error}", level=messages.WARNING)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, moderation.done % {"count": _listings(done)}, level=messages.SUCCESS)
    return done


def _listings(count):
    return "1 listing" if count == 1 else f"{count} listings"


def note_page(request, modeladmin, moderation, listings, form, *, bulk: bool, seen=None):
    """The page that confirms an action (asking for the message where one is needed); from a listing's page it
    carries the version the founder saw (`seen`)."""
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": f"{moderation.label}: {_listings(len(listings))}",
        "moderation": moderation,
        "listings": listings,
        "form": form,
        "bulk": bulk,
        "seen": seen,
    }
    return TemplateResponse(request, "admin/providers/provider/moderation_note.html", context)


def make_bulk_action(moderation: Moderation):
    def action(modeladmin, request, queryset):
        listings = list(queryset.select_related("owner"))
        if not moderation.needs_note:
            apply_moderation(request, modeladmin, moderation, listings)
            return None
        form = NoteForm(request.POST if "apply" in request.POST else None, moderation=moderation)
        if form.is_bound and form.is_valid():
            apply_moderation(request, modeladmin, moderation, listings, form.cleaned_data["note"])
            return None  # back to the list, with the messages
        return note_page(request, modeladmin, moderation, listings, form, bulk=True)

    action.__name__ = moderation.name
    action.short_description = f"{moderation.label}…" if moderation.needs_note else moderation.label
    action.allowed_permissions = ("change",)
    return action


def available_moderations(listing) -> list[Moderation]:
    """The actions that make sense for this listing now (the buttons on its admin page)."""
    has_edits = getattr(listing, "pending_change", None) is not None
    names = [name for name in TRANSITIONS if name in MODERATIONS and listing.allows(name, has_edits=has_edits)]
    if listing.license_number and listing.license_state and not listing.license_verified_at:
        names.append("mark_license_verified")
    return [MODERATIONS[name] for name in names]


# Filters ----------------------------------------------------------------------------------------------------
class HasPendingEditsFilter(admin.SimpleListFilter):
    title = "edits waiting"
    parameter_name = "edits"

    def lookups(self, request, model_admin):
        return [("yes", "Edits waiting for review"), ("no", "No edits waiting")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pending_change__isnull=False)
        if self.value() == "no":
            return queryset.filter(pending_change__isnull=True)
        return queryset


class StaleAvailabilityFilter(admin.SimpleListFilter):
    title = "availability"
    parameter_name = "availability"

    def lookups(self, request, model_admin):
        return [("stale", f"Not confirmed for {STALE_AFTER.days} days"), ("fresh", "Recently confirmed")]

    def queryset(self, request, queryset):
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "fresh":
            return queryset.fresh()
        return queryset


class StateFilter(admin.SimpleListFilter):
    title = "state (office or telehealth license)"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return STATE_CHOICES

    def queryset(self, request, queryset):
        if self.value():
            office_in_state = Provider.objects.filter(offices__state=self.value()).values("pk")
            return queryset.filter(Q(pk__in=office_in_state) | Q(licensed_states__contains=[self.value()]))
        return queryset


class TypeFilter(admin.SimpleListFilter):
    title = "provider type"
    parameter_name = "type"

    def lookups(self, request, model_admin):
        return [(t.slug, t.name) for t in vocabulary().terms["types"]]

    def queryset(self, request, queryset):
        ids = vocabulary().ids("types", [self.value()]) if self.value() else []
        return queryset.filter(types__overlap=ids) if ids else queryset


def waiting_since(listing):
    """When the founders' decision was first asked for: the submission, or the edits sent."""
    pending = getattr(listing, "pending_change", None)
    if pending is not None:
        return pending.updated_at
    if listing.status == Provider.Status.PENDING:
        return listing.submitted_at
    return None


def days_ago(when) -> str:
    if when is None:
        return ""
    days = (timezone.now() - when).days
    return "today" if days <= 0 else "1 day ago" if days == 1 else f"{days} days ago"
