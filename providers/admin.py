from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.timezone import localtime

from core.admin import ModelAdmin, OutboxAdmin, SafeChangeListMixin
from providers import moderation
from providers.enquiries import ContactMessage
from providers.events import ListingEvent, TransitionNotAllowed
from providers.listing_forms import booked_months_field, booked_months_initial, with_past_booked_months
from providers.models import Office, Provider, ProviderPlan
from providers.pending import LISTING_FIELDS, PendingChange
from providers.reports import ListingReport
from providers.states import STATE_CHOICES
from providers.taxonomy import (
    VOCABULARIES,
    Concern,
    Credential,
    Format,
    Identity,
    InsurancePlan,
    JourneyStage,
    Language,
    Modality,
    PaymentOption,
    Population,
    Practice,
    ProviderType,
    vocabulary,
)
from providers.users import User


def admin_login(request, extra_context=None):
    """The admin's own login form has no rate limit: founders log in through the site's, which has one."""
    if request.user.is_authenticated:  # a provider who followed an admin link
        messages.info(request, "That part of the site is for the directory's founders.")
        return redirect("listing:dashboard")
    next_url = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")


admin.site.login = admin_login


@admin.register(User)
class UserAdmin(SafeChangeListMixin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "is_staff", "is_active", "email_verified_at", "date_joined", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Status", {"fields": ["is_active", "email_verified_at"]}),
        ("Permissions", {"fields": ["is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    readonly_fields = ["last_login", "date_joined"]


class TermAdmin(ModelAdmin):
    list_display = ["name", "name_es", "slug", "order"]  # name_es: the Spanish site's name (blank: the English one)
    list_editable = ["order"]
    search_fields = ["name", "name_es", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        # Listings refer to terms by id; retire a term by renaming it rather than deleting it.
        return False


for model in (ProviderType, Concern, Modality, Population, Language, Practice, Format, PaymentOption):
    admin.site.register(model, TermAdmin)


@admin.register(InsurancePlan)
class InsurancePlanAdmin(TermAdmin):
    """Named plans; a state's Medicaid programme carries its state."""

    list_display = ["name", "slug", "state", "order"]
    list_filter = ["state"]


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


for model in (Credential, JourneyStage, Identity):
    admin.site.register(model, TermAdmin)


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


@admin.register(PendingChange)
class PendingChangeAdmin(ModelAdmin):
    """The queue of edits to published listings; each is decided on its listing's page."""

    list_display = ["provider_link", "updated_at", "fields_changed", "returned"]
    list_select_related = ["provider"]
    fields = ["provider_link", "fields_changed", "message", "created_at", "updated_at"]
    readonly_fields = fields

    @admin.display(description="listing")
    def provider_link(self, obj):
        url = reverse("admin:providers_provider_change", args=[obj.provider_id])
        return format_html('<a href="{}">{}</a>', url, obj.provider)

    @admin.display(description="changed")
    def fields_changed(self, obj):
        return ", ".join(obj.changed_labels())

    @admin.display(description="changes requested", boolean=True)
    def returned(self, obj):
        return bool(obj.message)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ListingEvent)
class ListingEventAdmin(ModelAdmin):
    list_display = ["created_at", "provider", "action", "from_status", "to_status", "actor", "note"]
    list_filter = ["action"]
    list_select_related = ["provider", "actor"]
    search_fields = ["provider__display_name", "note"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.action(description="Mark resolved", permissions=["change"])
def resolve_reports(modeladmin, request, queryset):
    done = 0
    for report in queryset:
        try:
            report.resolve(by=request.user)
        except TransitionNotAllowed as error:
            modeladmin.message_user(request, str(error), level=messages.WARNING)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, f"{done} report{'s' if done != 1 else ''} resolved.", level=messages.SUCCESS)


@admin.register(ListingReport)
class ListingReportAdmin(ModelAdmin):
    list_display = ["created_at", "provider_link", "reason", "status", "resolved_by", "resolved_at"]
    list_filter = ["status", "reason"]
    list_select_related = ["provider", "resolved_by"]
    search_fields = ["provider__display_name", "details"]
    fields = [
        "provider_link",
        "reason",
        "details",
        "created_at",
        "status",
        "resolved_by",
        "resolved_at",
        "resolution_note",
    ]
    readonly_fields = ["provider_link", "reason", "details", "created_at", "status", "resolved_by", "resolved_at"]
    actions = [resolve_reports]
    ordering = ["status", "-created_at"]  # open reports ("open" < "resolved") first, newest first

    @admin.display(description="listing")
    def provider_link(self, obj):
        url = reverse("admin:providers_provider_change", args=[obj.provider_id])
        return format_html('<a href="{}">{}</a>', url, obj.provider)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def marked(runs, tag: str):
    """A text's runs of words, escaped, the changed ones inside <del> or <ins>."""
    wrapped = f"<{tag}>{{}}</{tag}>"  # tag is "del" or "ins", never user input
    return format_html_join("", "{}", ((format_html(wrapped, run.text) if run.changed else run.text,) for run in runs))


@admin.register(ContactMessage)
class ContactMessageAdmin(OutboxAdmin):
    # Founders see that messages flow, and which are stuck and why; never what families wrote.
    list_display = ["provider", *OutboxAdmin.outbox_fields, "sent_at"]
    fields = ["provider", *OutboxAdmin.outbox_fields, "sent_at"]
    readonly_fields = fields
