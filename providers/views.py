"""The public provider profile and the private contact form."""

import json
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from core.links import site_url
from core.ratelimit import RateLimit, client_ip
from providers.enquiries import ContactMessage
from providers.forms import ContactForm
from providers.models import Provider
from providers.months import month_label
from providers.states import STATE_NAMES, state_name
from providers.taxonomy import REMOTE_FORMATS

CONTACT_LIMIT = RateLimit("contact", 5, 3600)


@require_safe
def provider_detail(request, slug):
    provider = get_object_or_404(Provider.objects.published().with_offices().with_plans(), slug=slug)
    return render(request, "providers/provider_detail.html", profile_context(request, provider, ContactForm()))


@require_http_methods(["GET", "POST"])
def contact(request, slug):
    provider = get_object_or_404(Provider.objects.published(), slug=slug)
    back = back_query(request.GET.get("back"))
    if request.method == "GET":
        return _contact_page(request, provider, ContactForm(), back)

    form = ContactForm(request.POST)
    ip = client_ip(request)
    if CONTACT_LIMIT.is_limited(ip):
        return _rate_limited(request, provider, form, back)
    if not form.is_valid():
        return _contact_page(request, provider, form, back)
    if not CONTACT_LIMIT.hit(ip):
        return _rate_limited(request, provider, form, back)
    if not form.is_bot():  # a bot sees the same confirmation, and nothing is stored or sent
        ContactMessage.submit(provider, language=get_language(), **form.message_fields())
    sent = reverse("providers:contact_sent", kwargs={"slug": provider.slug})
    return redirect(sent + (f"?{urlencode({'back': back})}" if back else ""))


@require_safe
def contact_sent(request, slug):
    provider = get_object_or_404(Provider.objects.published(), slug=slug)
    back = back_query(request.GET.get("back"))
    return render(request, "providers/contact_sent.html", {"provider": provider, **back_links(back)})


def _contact_page(request, provider, form, back, status=200, **extra):
    context = {"provider": provider, "form": form, **back_links(back), **extra}
    return render(request, "providers/contact_form.html", context, status=status)


def _rate_limited(request, provider, form, back):
    seconds = CONTACT_LIMIT.retry_after()
    minutes = max(1, -(-seconds // 60))
    response = _contact_page(request, provider, form, back, status=429, rate_limited=True, retry_minutes=minutes)
    response["Retry-After"] = str(seconds)
    return response


# Presentation ---------------------------------------------------------------------------------------------------
def back_query(value):
    """The family's search as a bare query string, re-encoded so it can only ever lead to the search page.

    Anything that looks like a URL or a path (another host, "//evil", "/admin/") is refused: open-redirect safe.
    """
    value = (value or "").strip()[:2000].removeprefix("?")
    if not value or "/" in value.split("=", 1)[0] or "\\" in value:
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or "://" in value:
        return ""
    pairs = [(k, v) for k, v in parse_qsl(value, keep_blank_values=True) if k][:50]
    return urlencode(pairs)


def back_links(back):
    search = reverse("search")  # in the page's language: /search/ or /es/search/
    return {"back_query": back, "back_url": f"{search}?{back}" if back else search}


def profile_context(request, provider, form, back=None):
    if back is None:
        back = back_query(request.GET.get("back"))
    offices = list(provider.offices.all())
    formats = provider.terms("formats")
    types = provider.terms("types")
    canonical_url = site_url(provider.get_absolute_url())
    states = sorted(((code, state_name(code)) for code in provider.licensed_states), key=lambda s: s[1])
    return {
        "provider": provider,
        "form": form,
        "offices": offices,
        "types": types,
        "formats": formats,
        "concerns": provider.terms("concerns"),
        "modalities": provider.terms("modalities"),
        "populations": provider.terms("populations"),
        "credentials_checked": provider.credentials_with_checks,
        "stages": provider.terms("stages"),
        "booked_months": [month_label(month) for month in provider.upcoming_booked_months],
        "identities": provider.terms("identities"),
        "languages": provider.terms("languages"),
        "practices": provider.terms("practices"),
        "written_in": provider.written_in,  # the language of the provider's own words, for lang="…"
        "approach_paragraphs": provider.paragraphs("approach"),
        "bio_paragraphs": provider.paragraphs("bio"),
        "training_paragraphs": provider.paragraphs("trainings"),
        "payment_methods": provider.ways_to_pay(),  # a way a named plan stands for is left to the plan
        "insurance_plans": provider.accepted_plans,
        "licensed_states": states,
        "offers_remote": any(f.slug in REMOTE_FORMATS for f in formats),
        "phone_href": "tel:" + re.sub(r"[^0-9+]", "", provider.phone) if provider.phone else "",
        "website_url": web_link(provider.website),
        "website_host": urlsplit(provider.website).netloc.removeprefix("www.") if provider.website else "",
        "booking_url": web_link(provider.booking_url),
        "page_title": page_title(provider, types, offices),
        "canonical_url": canonical_url,
        "structured_data": structured_data(provider, offices, canonical_url),
        **back_links(back),
    }


def web_link(url):
    """The URL if it is an ordinary web address (never a javascript: or data: link), else ""."""
    return url if url and urlsplit(url).scheme in {"http", "https"} and urlsplit(url).netloc else ""


def page_title(provider, types, offices):
    """ "Dana Whitfield, LICSW · Therapist, Doula in Cambridge, MA" """
    title = provider.display_name + (f", {provider.credentials}" if provider.credentials else "")
    what = ", ".join(t.name for t in types)
    where = f"{offices[0].city}, {offices[0].state}" if offices else ""
    if what and where:
        return f"{title} · {what} in {where}"
    return " · ".join(part for part in (title, what or where) if part)


def structured_data(provider, offices, canonical_url):
    """schema.org JSON-LD: public facts only (never the private email or the license number)."""
    data = {"@context": "https://schema.org", "@type": "MedicalBusiness", "name": provider.display_name}
    data["url"] = canonical_url
    if provider.headline:
        data["description"] = provider.headline
    if provider.photo:
        data["image"] = site_url(provider.photo.url)
    if provider.phone:
        data["telephone"] = provider.phone
    if provider.fee_summary:
        data["priceRange"] = provider.fee_summary
    addresses = []
    for office in offices:
        address = {"@type": "PostalAddress", "addressLocality": office.city, "addressRegion": office.state}
        address.update(postalCode=office.zip_code, addressCountry="US")
        if office.show_street and office.street:
            address["streetAddress"] = office.street
        addresses.append(address)
    if addresses:
        data["address"] = addresses[0] if len(addresses) == 1 else addresses
    if provider.licensed_states:
        data["areaServed"] = [{"@type": "State", "name": STATE_NAMES.get(c, c)} for c in provider.licensed_states]
    languages = [t.name for t in provider.terms("languages")]
    if languages:
        data["knowsLanguage"] = languages
    text = json.dumps(data, ensure_ascii=False)
    # Inside <script>, "</script>" or "<!--" in a provider's text must not end the element.
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308  (JSON with every HTML-significant character escaped)
