"""My listing: the signed-in provider's own listing, and nobody else's.

Every view reads the listing from `request.user`: no URL carries an id that could point at another provider's
listing, photo or pending edits.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from providers.listing_forms import ListingForm, OfficeFormSet, office_initial
from providers.models import Provider, TransitionNotAllowed
from providers.tokens import LinkExpired, LinkInvalid, availability_from_token


def _own_listing(request):
    return Provider.objects.filter(owner=request.user).select_related("owner", "pending_change").first()


def _own_listing_or_404(request):
    listing = _own_listing(request)
    if listing is None:
        raise Http404("You have no listing yet.")
    return listing


def _pending(listing):
    return getattr(listing, "pending_change", None) if listing else None


@login_required
@require_GET
def dashboard(request):
    listing = _own_listing(request)
    pending = _pending(listing)
    context = {
        "listing": listing,
        "pending": pending,
        "comparison": pending.comparison() if pending else [],
        "missing": listing.missing_for_submission() if listing and listing.allows("submit", has_edits=False) else [],
        "status_note": listing.status_note() if listing else "",
    }
    return render(request, "providers/listing_dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request):
    listing = _own_listing(request)
    if listing is not None and not listing.can_be_edited:
        messages.info(request, "Your listing can't be edited at the moment; see below for why.")
        return redirect("listing:dashboard")
    pending = _pending(listing)
    if pending:
        shown = pending.proposed_listing()  # keep editing the version waiting for review
    elif listing is not None:
        shown = Provider.objects.get(pk=listing.pk)  # a copy: the form may change it in memory
    else:
        shown = Provider(owner=request.user, contact_email=request.user.email)
    offices = list(shown.offices.all()) if (pending or listing) else []
    form = ListingForm(request.POST or None, request.FILES or None, instance=shown)
    formset = OfficeFormSet(request.POST or None, initial=office_initial(offices), prefix="offices")
    if request.method == "POST":
        forms_valid = form.is_valid() & formset.is_valid()  # both, so every error shows at once
        if forms_valid and _save(request, listing, form, formset):
            return redirect("listing:dashboard")
    context = {"form": form, "formset": formset, "listing": listing, "pending": pending}
    return render(request, "providers/listing_form.html", context)


def _save(request, listing, form, formset) -> bool:
    offices = formset.proposed_offices()
    if listing is not None and listing.edits_need_review:
        missing = form.instance.missing_for_submission(office_count=len(offices))
        if missing:
            form.add_error(None, "A published listing needs to stay complete. Please add: " + "; ".join(missing) + ".")
            return False
    target = listing or form.instance
    try:
        result = target.edit(
            values=form.listing_values(),
            offices=offices,
            photo=form.photo_upload,
            remove_photo=form.cleaned_data["remove_photo"],
            by=request.user,
        )
    except TransitionNotAllowed as error:
        form.add_error(None, str(error))
        return False
    except IntegrityError:  # the create form sent twice: the first one made the listing
        form.add_error(None, "Your listing already exists (the form was probably sent twice). Please open it again.")
        return False
    target.confirm_availability(form.accepting_new_clients)
    if result == "pending":
        messages.success(
            request,
            "Thank you. Your edits are saved and waiting for review. Your listing stays as it is until a founder "
            "approves them, usually within a few days.",
        )
    elif result == "unchanged":
        messages.info(request, "Your listing already says this, so nothing is waiting for review.")
    else:
        messages.success(request, "Your listing is saved.")
    return True


@login_required
@require_GET
def preview(request):
    """The listing as families would see it: the proposed version when edits are waiting."""
    from providers.forms import ContactForm
    from providers.views import profile_context

    listing = _own_listing_or_404(request)
    pending = _pending(listing)
    shown = pending.proposed_listing() if pending else listing
    context = profile_context(request, shown, ContactForm(), back="")
    context.update(preview_of=listing, pending=pending)
    return render(request, "providers/listing_preview.html", context)


@login_required
@require_POST
def submit(request):
    listing = _own_listing_or_404(request)
    try:
        listing.submit(by=request.user)
    except TransitionNotAllowed as error:
        messages.warning(request, str(error))
    else:
        messages.success(
            request,
            "Thank you! Your listing is with our founders. We read every listing carefully and will email you, "
            "usually within a few days.",
        )
    return redirect("listing:dashboard")


@login_required
@require_POST
def withdraw_edits(request):
    listing = _own_listing_or_404(request)
    try:
        listing.withdraw_edits(by=request.user)
    except TransitionNotAllowed as error:
        messages.warning(request, str(error))
    else:
        messages.success(request, "Your edits are withdrawn. Your listing stays exactly as it was.")
    return redirect("listing:dashboard")


@login_required
@require_POST
def availability(request):
    listing = _own_listing_or_404(request)
    choice = request.POST.get("accepting")
    if choice not in ("yes", "no"):
        messages.warning(request, "Please choose one of the two buttons.")
        return redirect("listing:dashboard")
    listing.confirm_availability(choice == "yes")
    if choice == "yes":
        messages.success(request, "Thank you! Families now see that you are taking new clients, as of today.")
    else:
        messages.success(request, "Thank you. Families now see that you are not taking new clients right now.")
    return redirect("listing:dashboard")


@login_required
@require_POST
def confirm_plans(request):
    """The provider says every insurance plan on their live listing is still right: each is confirmed today."""
    listing = _own_listing_or_404(request)
    count = listing.confirm_plans()
    if count:
        plans = f"{count} insurance plan{'s' if count != 1 else ''}"
        messages.success(request, f"Thank you! Families now see your {plans} confirmed today.")
    else:
        messages.info(request, "Your listing names no insurance plans yet, so there was nothing to confirm.")
    return redirect("listing:dashboard")


@require_http_methods(["GET", "POST"])
def availability_link(request, token):
    """The one-click link from a reminder email: GET asks, POST confirms (mail scanners only ever GET)."""
    try:
        listing, accepting = availability_from_token(token)
    except LinkExpired:
        return render(request, "providers/listing_availability_link.html", {"problem": "expired"}, status=400)
    except LinkInvalid:
        return render(request, "providers/listing_availability_link.html", {"problem": "invalid"}, status=400)
    done = request.method == "POST"
    plans_confirmed = 0
    if done:
        listing.confirm_availability(accepting)
        if request.POST.get("confirm_plans"):  # ticked by default: the same click re-confirms the plans
            plans_confirmed = listing.confirm_plans()
    context = {"listing": listing, "accepting": accepting, "done": done, "plans_confirmed": plans_confirmed}
    return render(request, "providers/listing_availability_link.html", context)
