from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from providers.enquiries import ContactMessage
from providers.models import Office, Provider
from providers.taxonomy import Concern, Format, Language, Modality, PaymentOption, Population, Practice, ProviderType
from providers.users import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
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


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        # Listings refer to terms by id; retire a term by renaming it rather than deleting it.
        return False


for model in (ProviderType, Concern, Modality, Population, Language, Practice, Format):
    admin.site.register(model, TermAdmin)


@admin.register(PaymentOption)
class PaymentOptionAdmin(TermAdmin):
    list_display = ["name", "slug", "kind", "order"]
    list_filter = ["kind"]


class OfficeInline(admin.StackedInline):
    model = Office
    extra = 0
    fields = ["name", "street", "show_street", "city", "state", "zip_code"]


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["display_name", "status", "accepting_new_clients", "availability_confirmed_at", "updated_at"]
    list_filter = ["status", "accepting_new_clients"]
    search_fields = ["display_name", "slug", "contact_email", "license_number"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [OfficeInline]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    # Founders see that messages flow, not what families wrote.
    list_display = ["provider", "status", "attempts", "created_at", "sent_at", "last_error"]
    list_filter = ["status"]
    fields = ["provider", "status", "attempts", "last_attempt_at", "last_error", "created_at", "sent_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False
