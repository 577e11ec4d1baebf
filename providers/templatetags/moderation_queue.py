"""The admin index's "Waiting for you" box: what awaits the founders' review, in three counts."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("admin/includes/moderation_queue.html", takes_context=True)
def moderation_queue(context):
    from providers.models import Provider
    from providers.pending import PendingChange
    from providers.reports import ListingReport

    user = context["request"].user
    if not user.has_perm("providers.view_provider"):
        return {"items": []}
    listings = reverse("admin:providers_provider_changelist")
    items = [
        (
            Provider.objects.filter(status=Provider.Status.PENDING).count(),
            "new listing",
            "new listings",
            f"{listings}?status__exact=pending",
        ),
        (
            PendingChange.objects.filter(message="").count(),
            "published listing with edits",
            "published listings with edits",
            f"{listings}?edits=yes",
        ),
    ]
    if user.has_perm("providers.view_listingreport"):
        reports = reverse("admin:providers_listingreport_changelist")
        items.append(
            (ListingReport.objects.open().count(), "open report", "open reports", f"{reports}?status__exact=open")
        )
    return {"items": [{"count": c, "label": one if c == 1 else many, "url": url} for c, one, many, url in items]}
