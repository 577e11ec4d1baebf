"""“Report a problem with this listing”: a short anonymous form on every published profile."""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from core.forms import HoneypotFormMixin
from core.ratelimit import RateLimit, client_ip
from providers.models import Provider
from providers.reports import ListingReport

REPORT_LIMIT = RateLimit("listing-report", 5, 60 * 60)


class ReportForm(HoneypotFormMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("What is the problem?"),
        choices=ListingReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose the option closest to what happened.")},
    )
    details = forms.CharField(
        label=_("Anything you would like to add (optional)"),
        required=False,
        max_length=2000,
        help_text=_("Please don't include your name or health details. We can't reply to reports."),
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Please shorten this to %(limit_value)d characters or fewer.")},
    )
    field_order = ["reason", "details"]


@require_http_methods(["GET", "POST"])
def report_listing(request, slug):
    provider = get_object_or_404(Provider.objects.published(), slug=slug)
    form = ReportForm(request.POST or None)
    context = {"provider": provider, "form": form}
    if request.method == "POST":
        ip = client_ip(request)
        if REPORT_LIMIT.is_limited(ip):
            minutes = max(1, -(-REPORT_LIMIT.retry_after() // 60))
            return render(request, "providers/report_form.html", {**context, "retry_minutes": minutes}, status=429)
        if form.is_valid():
            REPORT_LIMIT.hit(ip)
            if not form.is_bot():  # a bot sees the same thanks; nothing is stored
                ListingReport.objects.create(
                    provider=provider, reason=form.cleaned_data["reason"], details=form.cleaned_data["details"]
                )
            return redirect("reports:thanks", slug=provider.slug)
    return render(request, "providers/report_form.html", context)


@require_GET
def report_thanks(request, slug):
    provider = get_object_or_404(Provider.objects.published(), slug=slug)
    return render(request, "providers/report_thanks.html", {"provider": provider})
