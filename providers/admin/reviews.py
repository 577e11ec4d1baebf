"""What comes in for founders to look at: edits waiting (each decided on its listing's page), reports from families,
every listing's history, and whether messages to providers went out (never what families wrote)."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from core.admin import ModelAdmin, OutboxAdmin
from providers.enquiries import ContactMessage
from providers.events import ListingEvent, TransitionNotAllowed
from providers.pending import PendingChange
from providers.reports import ListingReport


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


@admin.register(ContactMessage)
class ContactMessageAdmin(OutboxAdmin):
    # Founders see that messages flow, and which are stuck and why; never what families wrote.
    list_display = ["provider", *OutboxAdmin.outbox_fields, "sent_at"]
    fields = ["provider", *OutboxAdmin.outbox_fields, "sent_at"]
    readonly_fields = fields
