from django.contrib import admin
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


class ModelAdmin(SafeChangeListMixin, admin.ModelAdmin):
    """The project's ModelAdmin: every app's admin classes derive from it."""


@admin.register(QueuedEmail)
class QueuedEmailAdmin(ModelAdmin):
    """Emails waiting for the mail server; sent ones are deleted. Read-only: the retry command sends them."""

    list_display = ["subject", "to", "attempts", "last_attempt_at", "last_error", "created_at"]
    fields = ["to", "subject", "attempts", "last_attempt_at", "last_error", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
