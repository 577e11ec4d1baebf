from django.contrib import admin

from directory.models import QueuedEmail


@admin.register(QueuedEmail)
class QueuedEmailAdmin(admin.ModelAdmin):
    """Emails waiting for the mail server; sent ones are deleted. Read-only: the retry command sends them."""

    list_display = ["subject", "to", "attempts", "last_attempt_at", "last_error", "created_at"]
    fields = ["to", "subject", "attempts", "last_attempt_at", "last_error", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
