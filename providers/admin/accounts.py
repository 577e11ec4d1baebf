"""Accounts in the admin, and the admin's login, which sends everyone to the site's own (rate-limited) one."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from core.admin import SafeChangeListMixin
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
