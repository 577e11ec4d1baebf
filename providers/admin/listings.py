"""Listings in the admin: every field a founder may correct, the credentials they checked, the edits waiting for
review side by side, the history, and each moderation step (providers.moderation) from the listing's own page."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from core.admin import ModelAdmin
from providers import moderation
from providers.events import ListingEvent
from providers.listing_forms import booked_months_field, booked_months_initial, with_past_booked_months
from providers.models import Office, Provider, ProviderPlan
from providers.pending import LISTING_FIELDS
from providers.states import STATE_CHOICES
from providers.taxonomy import VOCABULARIES, vocabulary


class PlanConfirmationInline(admin.TabularInline):
    """When the provider last confirmed each plan (the plans themselves are ticked above, with the others)."""

    model = ProviderPlan
    extra = 0
    fields = ["plan", "confirmed_at"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "Insurance plans, last confirmed"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("plan").order_by("plan__order", "plan__name")


class OfficeInline(admin.StackedInline):
    model = Office
    extra = 0
    fields = ["name", "street", "show_street", "city", "state", "zip_code"]


class ListingEventInline(admin.TabularInline):
    """The listing's history, read-only: nothing a founder or provider did is overwritten."""

    model = ListingEvent
    fk_name = "provider"
    extra = 0
    fields = ["created_at", "action", "from_status", "to_status", "actor", "note"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "History"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class ProviderAdminForm(forms.ModelForm):
    """Taxonomy arrays as checkboxes (not lists of ids), like the provider's own form."""

    licensed_states = forms.TypedMultipleChoiceField(
        choices=STATE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Provider
        fields = [*LISTING_FIELDS, "slug", "accepting_new_clients", "availability_confirmed_at"]

    verified_credentials = forms.TypedMultipleChoiceField(
        label="Credentials checked",
        help_text="Tick each perinatal credential you have checked (for example in the certifying body's registry). "
        "Families see “Verified by the directory” beside it; the date and your name are kept, never shown.",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        held = self.instance.terms("perinatal_credentials") if self.instance.pk else []
        self.fields["verified_credentials"].choices = [(term.id, term.name) for term in held]
        self.initial["verified_credentials"] = [term.id for term, verified in self._checked() if verified]
        self.fields["booked_months"] = booked_months_field()
        self.initial["booked_months"] = booked_months_initial(self.instance)
        vocab = vocabulary()
        for field in VOCABULARIES:
            self.fields[field] = forms.TypedMultipleChoiceField(
                label=self.fields[field].label,
                choices=[(t.id, t.name) for t in vocab.terms[field]],
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def _checked(self):
        return self.instance.credentials_with_checks if self.instance.pk else []

    def clean_booked_months(self):
        return with_past_booked_months(self.instance, self.cleaned_data["booked_months"])


@admin.register(Provider)
class ProviderAdmin(ModelAdmin):
    form = ProviderAdminForm
    list_display = [
        "display_name",
        "status",
        "waiting",
        "owner_email",
        "license",
        "license_checked",
        "has_edits",
    ]
    list_filter = [
        "status",
        moderation.HasPendingEditsFilter,
        moderation.StaleAvailabilityFilter,
        moderation.StateFilter,
        moderation.TypeFilter,
    ]
    list_select_related = ["owner", "pending_change"]
    search_fields = ["display_name", "slug", "owner__email", "contact_email", "license_number"]
    readonly_fields = [
        "status",
        "owner",
        "edits_waiting",
        "submitted_at",
        "published_at",
        "license_verified_at",
        "credential_checks",
        "availability_reminder_sent_at",
        "photo_preview",  # photos go through core.images (metadata stripped): only the provider's form sets them
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        ("Moderation", {"fields": ["status", "owner", "submitted_at", "published_at", "edits_waiting"]}),
        (
            "Who",
            {
                "fields": [
                    "display_name",
                    "slug",
                    "pronouns",
                    "credentials",
                    "headline",
                    "bio",
                    "approach",
                    "identity_note",
                ]
            },
        ),
        ("What and for whom", {"fields": [*VOCABULARIES, "trainings"]}),
        (
            "Where and how much",
            {"fields": ["licensed_states", "fee_unit", "fee_min", "fee_max", "fee_includes", "free_consultation"]},
        ),
        ("Contact", {"fields": ["website", "booking_url", "phone", "contact_email"]}),
        (
            "Verification",
            {
                "fields": [
                    "license_type",
                    "license_number",
                    "license_state",
                    "license_verified_at",
                    "verified_credentials",
                    "credential_checks",
                ]
            },
        ),
        ("Photo", {"fields": ["photo_preview"]}),
        (
            "Availability",
            {
                "fields": [
                    "accepting_new_clients",
                    "availability_confirmed_at",
                    "availability_reminder_sent_at",
                    "booked_months",
                ]
            },
        ),
        ("Dates", {"fields": ["created_at", "updated_at"]}),
    ]
    inlines = [OfficeInline, PlanConfirmationInline, ListingEventInline]
    actions = [moderation.make_bulk_action(m) for m in moderation.MODERATIONS.values()]

    @admin.display(description="waiting since", ordering="submitted_at")
    def waiting(self, obj):
        return moderation.days_ago(moderation.waiting_since(obj))

    @admin.display(description="owner", ordering="owner__email")
    def owner_email(self, obj):
        return obj.owner.email if obj.owner_id else "—"

    @admin.display(description="license", ordering="license_number")
    def license(self, obj):
        return f"{obj.license_number} ({obj.license_state})" if obj.license_number else "—"

    @admin.display(description="verified", boolean=True, ordering="license_verified_at")
    def license_checked(self, obj):
        return obj.license_verified_at is not None

    @admin.display(description="photo")
    def photo_preview(self, obj):
        if not obj.photo:
            return "No photo"
        return format_html('<img src="{}" width="120" height="120" alt="">', obj.photo.url)

    @admin.display(description="edits waiting", boolean=True)
    def has_edits(self, obj):
        return getattr(obj, "pending_change", None) is not None

    @admin.display(description="edits waiting for review")
    def edits_waiting(self, obj):
        """Field by field: what is live, and what the provider proposes, the words that change marked."""
        pending = getattr(obj, "pending_change", None) if obj.pk else None
        if pending is None:
            return "None"
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
            (
                (row["label"], marked(row["live_runs"], "del"), marked(row["proposed_runs"], "ins"))
                for row in pending.comparison()
            ),
        )
        photo = (
            format_html('<p>New photo: <img src="{}" width="120" height="120" alt=""></p>', pending.photo.url)
            if pending.photo
            else ""
        )
        message = (
            format_html("<p><strong>Changes requested:</strong> {}</p>", pending.message) if pending.message else ""
        )
        return format_html(
            '<p>Sent {}.</p>{}<table class="edits-comparison"><thead><tr><th scope="col">Field</th>'
            '<th scope="col">Live now</th><th scope="col">Proposed</th></tr></thead><tbody>{}</tbody></table>{}',
            moderation.days_ago(pending.updated_at),
            message,
            rows,
            photo,
        )

    @admin.display(description="credential checks")
    def credential_checks(self, obj):
        """Who checked which credential, and when (never public)."""
        checks = obj.credential_checks.select_related("credential", "verified_by") if obj.pk else []

        def by(check):  # no founder: an account since deleted, or demo data loaded before the demo founder
            return f" by {check.verified_by}" if check.verified_by else ""

        lines = format_html_join(
            "",
            "<li>{}: checked {}{}</li>",
            ((c.credential.name, date_format(localtime(c.verified_at)), by(c)) for c in checks),
        )
        return format_html("<ul>{}</ul>", lines) if lines else "None yet"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "verified_credentials" in form.cleaned_data:
            obj.set_verified_credentials(form.cleaned_data["verified_credentials"], by=request.user)
        if change and form.changed_data:
            # A founder's direct edit is recorded like every other change to a listing.
            ListingEvent.objects.create(
                provider=obj,
                actor=request.user,
                action=ListingEvent.Action.EDITED_IN_ADMIN,
                from_status=obj.status,
                to_status=obj.status,
                note="Changed: " + ", ".join(form.changed_data),
            )

    # One listing at a time, from its page ---------------------------------------------------------------------
    def get_urls(self):
        custom = [
            path(
                "<path:object_id>/moderate/<str:action>/",
                self.admin_site.admin_view(self.moderate_view),
                name="providers_provider_moderate",
            )
        ]
        return custom + super().get_urls()

    def moderate_view(self, request, object_id, action):
        step = moderation.MODERATIONS.get(action)
        if step is None:
            raise Http404("No such action.")
        try:
            pk = Provider._meta.pk.to_python(object_id)
        except ValidationError:
            raise Http404("No such listing.") from None
        listing = get_object_or_404(Provider.objects.select_related("owner", "pending_change"), pk=pk)
        if not self.has_change_permission(request, listing):
            raise PermissionDenied
        change_url = reverse("admin:providers_provider_change", args=[listing.pk])
        # The version of the listing the founder saw on its page (review_version), carried to the POST: approving
        # applies exactly that, or stops if the provider has changed it since.
        seen = (request.POST if request.method == "POST" else request.GET).get("seen") or None
        if request.method != "POST":
            form = moderation.NoteForm(moderation=step) if step.needs_note else None
            return moderation.note_page(request, self, step, [listing], form, bulk=False, seen=seen)
        if step.needs_note:
            form = moderation.NoteForm(request.POST, moderation=step)
            if not form.is_valid():
                return moderation.note_page(request, self, step, [listing], form, bulk=False, seen=seen)
            moderation.apply_moderation(request, self, step, [listing], form.cleaned_data["note"])
        else:
            moderation.apply_moderation(request, self, step, [listing], seen=seen)
        return redirect(change_url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["moderations"] = moderation.available_moderations(obj)
            context["review_version"] = obj.review_version()
        return super().render_change_form(request, context, add, change, form_url, obj)


def marked(runs, tag: str):
    """A text's runs of words, escaped, the changed ones inside <del> or <ins>."""
    wrapped = f"<{tag}>{{}}</{tag}>"  # tag is "del" or "ins", never user input
    return format_html_join("", "{}", ((format_html(wrapped, run.text) if run.changed else run.text,) for run in runs))
