"""The Founders group: staff who moderate listings and run the blog, with exactly the permissions that needs.

Founders are staff, never superusers. The group is created by a migration and re-synced by `createfounder`
(which also repairs it if an app's permissions did not exist yet when the migration ran).
"""

from __future__ import annotations

FOUNDERS_GROUP = "Founders"
# The development founder (`manage.py ensure_demo_founder`, never with DEBUG off); scripts/run prints this login.
DEMO_FOUNDER_EMAIL = "founder@example.org"
DEMO_FOUNDER_PASSWORD = "demo-founder-password"  # noqa: S105  (development only)

TAXONOMY = ["providertype", "concern", "modality", "population", "language", "paymentoption", "practice", "format"]

# app label → model → actions (Django's default permissions: add, change, delete, view).
FOUNDERS_PERMISSIONS: dict[str, dict[str, list[str]]] = {
    "providers": {
        "provider": ["view", "change"],
        "office": ["view", "change"],
        "pendingchange": ["view", "change"],
        "listingreport": ["view", "change"],
        "listingevent": ["view"],
        "user": ["view"],
        "contactmessage": ["view"],  # delivery metadata only (the admin shows no message text), and "Retry now"
        # Founders add insurance plans families ask about; each listing's confirmation dates are the provider's.
        "insuranceplan": ["view", "add", "change"],
        "providerplan": ["view"],
        **{model: ["view", "change"] for model in TAXONOMY},
        # Founders add the perinatal credentials families ask about; stages and identities they rename only.
        "credential": ["view", "add", "change"],
        "journeystage": ["view", "change"],
        "identity": ["view", "change"],
    },
    "blog": {model: ["view", "add", "change"] for model in ["post", "topic", "guestauthor", "proposal"]},
    "core": {"queuedemail": ["view"]},
}


def founder_codenames() -> set[tuple[str, str]]:
    """{(app_label, codename)} the group should hold."""
    return {
        (app, f"{action}_{model}")
        for app, models in FOUNDERS_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }


def sync_founders_group(apps=None):
    """Creates the group if needed and gives it exactly FOUNDERS_PERMISSIONS (those that exist). Returns it."""
    if apps is None:
        from django.apps import apps
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=FOUNDERS_GROUP)
    wanted = founder_codenames()
    found = Permission.objects.filter(
        content_type__app_label__in=list(FOUNDERS_PERMISSIONS), codename__in=[codename for _, codename in wanted]
    ).select_related("content_type")
    group.permissions.set([p for p in found if (p.content_type.app_label, p.codename) in wanted])
    return group


def create_founder(email: str, password: str | None):
    """A new founder as every command makes one: staff in the Founders group, never a superuser."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    with transaction.atomic():
        user = get_user_model().objects.create_user(email, password, is_staff=True, is_superuser=False)
        user.groups.add(sync_founders_group())
    return user


def make_founder(user) -> bool:
    """Turns an existing account into a founder (and never a superuser). Returns whether anything changed."""
    group = sync_founders_group()
    changed = not user.is_staff or user.is_superuser or not user.groups.filter(pk=group.pk).exists()
    if changed:
        user.is_staff, user.is_superuser = True, False
        user.save(update_fields=["is_staff", "is_superuser"])
        user.groups.add(group)
    return changed
