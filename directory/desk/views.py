"""The desk's pages, under the admin and for founders only: the queue, one item's review page (decide, then the
next item opens), and where care is missing (with its CSV). Views stay thin: queue.py, decisions.py, history.py
and needs.py hold what they show and do."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from directory.desk import decisions, needs, queue
from directory.desk.access import founders_only
from directory.desk.details import listing_facts
from directory.desk.history import history
from providers.models import Provider


def _page(request, template, title, **context):
    return render(request, template, {**admin.site.each_context(request), "title": title, **context})


@require_GET
@founders_only
def waiting(request):
    """Everything waiting for a founder, oldest first (or one group of it: ?group=report)."""
    group = request.GET.get("group")
    group = group if group in queue.GROUPS else None
    items = queue.waiting_items()
    summary = [
        {"group": name, "count": count, "noun": queue.noun(count, name), "url": f"?group={name}"}
        for name, count in queue.group_counts(items).items()
    ]
    return _page(
        request,
        "admin/desk/queue.html",
        "Review queue",
        items=[item for item in items if group in (None, item.group)],
        summary=summary,
        group=group,
        group_name=queue.GROUPS[group][1] if group else "",
        total=len(items),
    )


@require_GET
@founders_only
def start(request):
    """The oldest item waiting (the queue itself when nothing waits)."""
    first = queue.next_item(queue.waiting_items(), after=None)
    if first is None:
        messages.info(request, "Nothing is waiting for review.")
        return redirect("desk:queue")
    return redirect(first.url)


class DecisionForm(forms.Form):
    decision = forms.CharField()
    note = forms.CharField(required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5, "cols": 60}))
    seen = forms.CharField(required=False)  # the listing's review version the founder saw

    def __init__(self, *args, choices: list[decisions.Decision], **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = {d.name: d for d in choices}

    def clean(self):
        data = super().clean()
        decision = self.choices.get(data.get("decision"))
        if decision is None:
            raise forms.ValidationError(
                "That decision is not available for this item now; it may have been decided already."
            )
        data["decision"] = decision
        if decision.note_required and not (data.get("note") or "").strip():
            self.add_error("note", decision.note_missing)
        return data


@require_http_methods(["GET", "POST"])
@founders_only
def review(request, kind, pk):
    """One item: what it is, its history and its decisions. A decision is one click to open its confirmation (with
    the message it needs, if any) and one to confirm; then the next waiting item opens."""
    if kind not in queue.KINDS:
        raise Http404("No such kind of item.")
    item, is_waiting = queue.find_item(kind, pk)
    if item is None:
        raise Http404("No such item.")
    choices = decisions.available(kind, item.obj) if is_waiting else []
    form = None
    if request.method == "POST":
        form = DecisionForm(request.POST, choices=choices)
        if form.is_valid():
            return _decide(request, item, form.cleaned_data)
        if "decision" in form.errors or "__all__" in form.errors:
            messages.warning(request, " ".join(form.non_field_errors()) + _kept(request.POST.get("note", "")))
            return redirect(item.url)
    return _review_page(request, item, is_waiting, choices, form)


def _decide(request, item, data):
    decision = data["decision"]
    try:
        decisions.decide(
            item.kind, item.obj, decision.name, by=request.user, note=data["note"].strip(), seen=data["seen"] or None
        )
    except decisions.DecisionRefused as refusal:
        messages.warning(request, f"Not done: {refusal}{_kept(data['note'])}")
        return redirect(item.url)
    messages.success(request, f"{decision.label}: {item.title}. Done.")
    following = queue.next_item(queue.waiting_items(), after=item)
    if following is None:
        messages.info(request, "That was the last item waiting. Thank you.")
        return redirect("desk:queue")
    return redirect(following.url)


def _kept(note: str) -> str:
    """A message the founder wrote for a decision that did not happen, given back rather than lost."""
    note = note.strip()
    return f" Your message, to use again: “{note}”" if note else ""


def _review_page(request, item, is_waiting, choices, form):
    items = queue.waiting_items()
    position = next((n for n, each in enumerate(items, 1) if each.ident == item.ident), None)
    following = queue.next_item(items, after=item)
    open_decision = form.data.get("decision") if form is not None else None
    context = {
        "item": item,
        "obj": item.obj,
        "is_waiting": is_waiting,
        "decisions": choices,
        "form": form,
        "open_decision": open_decision,
        "note_value": form.data.get("note", "") if form is not None else "",
        "history": history(item.kind, item.obj),
        "position": position,
        "waiting_total": len(items),
        "following": following,
        "details_template": f"admin/desk/_review_{item.kind.replace('-', '_')}.html",
        "admin_url": _admin_url(item),
    }
    if item.kind == "listing":
        listing = item.obj
        pending = getattr(listing, "pending_change", None)
        context["review_version"] = listing.review_version(pending)
        # The edits as the listing's admin page shows them: one rendering of a comparison.
        context["edits"] = admin.site.get_model_admin(Provider).edits_waiting(listing) if pending is not None else ""
        context["offices"] = list(listing.offices.all())
        context["facts"] = listing_facts(listing)
    return _page(request, "admin/desk/review.html", f"{item.what}: {item.title}", **context)


def _admin_url(item) -> str:
    name = {
        "listing": "admin:providers_provider_change",
        "report": "admin:providers_listingreport_change",
        "proposal": "admin:blog_proposal_change",
        "email": "admin:core_queuedemail_change",
        "contact-message": "admin:providers_contactmessage_change",
    }[item.kind]
    return reverse(name, args=[item.pk])


# Where care is missing --------------------------------------------------------------------------------------------
def _window(request) -> int:
    try:
        days = int(request.GET.get("days", needs.DEFAULT_WINDOW))
    except ValueError:
        return needs.DEFAULT_WINDOW
    return days if days in needs.WINDOWS else needs.DEFAULT_WINDOW


@require_GET
@founders_only
def care_missing(request):
    days = _window(request)
    today = timezone.localdate()
    return _page(
        request,
        "admin/desk/care_missing.html",
        "Where care is missing",
        needs=needs.unmet_needs(days, today=today),
        days=days,
        windows=needs.WINDOWS,
        since=needs.window_start(days, today),
        small=needs.SMALL_COUNT,
        chart_weeks=needs.CHART_WEEKS,
    )


@require_GET
@founders_only
def care_missing_csv(request):
    days = _window(request)
    today = timezone.localdate()
    response = HttpResponse(needs.needs_csv(days, today=today), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="where-care-is-missing-{today}-{days}-days.csv"'
    return response
