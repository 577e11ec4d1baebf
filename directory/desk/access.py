"""Who may use the desk: founders (staff in the Founders group; a superuser too). Anyone else signed in, other
staff and providers alike, is refused with 403; someone not signed in is sent to log in."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.decorators.cache import never_cache

from providers.founders import FOUNDERS_GROUP


def is_founder(user) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_is_founder"):  # asked by the view and again by the page's header
        user._is_founder = user.groups.filter(name=FOUNDERS_GROUP).exists()
    return user._is_founder


def founders_only(view):
    """The desk's views: never cached, founders only."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
        if not is_founder(request.user):
            raise PermissionDenied("The desk is for the directory's founders.")
        return view(request, *args, **kwargs)

    return never_cache(guarded)
