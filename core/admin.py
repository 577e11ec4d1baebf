from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.options import IncorrectLookupParameters

from core.models import QueuedEmail


class SafeChangeListMixin:
    """Nonsense in a list's query string shows the admin's "invalid filter" redirect, never a server error: NUL bytes
    (PostgreSQL refuses them in text) and years Python cannot hold (Django's date hierarchy lets OverflowError out)."""

    def get_changelist_instance(self, request):
        if any("\x00" in key + "".join(values) for key, values in request.GET.lists()):
            raise IncorrectLookupParameters("A NUL byte in the query string.")
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(error) from error


class LabelledDateTimeMixin:
    """A date-and-time field is two inputs under one label, which labels neither: each gets its own accessible name
    ("Availability confirmed at: date", "...: time"), so screen readers and axe find every input named."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, widgets.AdminSplitDateTime):
            for part, name in zip(field.widget.widgets, ("date", "time"), strict=True):
                part.attrs["aria-label"] = f"{field.label}: {name}"
        return field


class ModelAdmin(LabelledDateTimeMixin, SafeChangeListMixin, admin.ModelAdmin):
    """The project's ModelAdmin: every app's admin classes derive from it."""


@admin.action(description="Retry now", permissions=["retry"])
def retry_now(modeladmin, request, queryset):
    """A fresh try by the worker, for emails waiting or given up on (after fixing the mail server, say)."""
    items = list(queryset.exclude(status="sent"))
    for item in items:
        item.retry_now()
    modeladmin.message_user(request, f"Asked the worker to send {len(items)} now.", messages.SUCCESS)


class OutboxAdmin(ModelAdmin):
    """Emails waiting for the mail server or given up on: who, when, how many tries and why, never what they say.
    Read-only: the worker sends them; "Retry now" asks it to try again at once."""

    outbox_fields = ["status", "attempts", "last_attempt_at", "next_attempt_at", "last_error", "created_at"]
    list_filter = ["status"]
    actions = [retry_now]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return self.has_view_permission(request)  # a try changes nothing anyone wrote


@admin.register(QueuedEmail)
class QueuedEmailAdmin(OutboxAdmin):
    """Sent emails are deleted, so what is listed here is waiting or has given up."""

    list_display = ["subject", "to", *OutboxAdmin.outbox_fields]
    fields = ["to", "subject", *OutboxAdmin.outbox_fields]
    readonly_fields = fields
