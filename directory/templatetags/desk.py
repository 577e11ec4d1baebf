"""The desk in the admin's own pages: what waits (the index's box) and whether to show the desk's links."""

from django import template
from django.urls import reverse

from directory.desk import queue
from directory.desk.access import is_founder

register = template.Library()


@register.filter
def founder(user) -> bool:
    return is_founder(user)


@register.inclusion_tag("admin/includes/moderation_queue.html", takes_context=True)
def desk_waiting(context):
    """Counts of everything waiting, each a link into the review queue."""
    if not is_founder(context["request"].user):
        return {"items": []}
    counts = queue.group_counts(queue.waiting_items())
    base = reverse("desk:queue")
    items = [
        {"count": count, "label": queue.noun(count, group), "url": f"{base}?group={group}"}
        for group, count in counts.items()
        if count
    ]
    return {"items": items, "shown": True, "queue_url": base, "start_url": reverse("desk:start")}
