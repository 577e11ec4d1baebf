"""Provider accounts: sign up, verify the email address, log in and out, reset and change the password, change the
email address, close the account. Built on Django's auth views where they fit."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.hashers import make_password
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.models import QueuedEmail
from core.ratelimit import RateLimit, client_ip
from providers import account_services
from providers.account_limits import LoginAttempt, password_check_attempts, try_again_message
from providers.accounts_forms import (
    DeleteAccountForm,
    EmailChangeForm,
    LimitedPasswordChangeForm,
    LoginForm,
    SignupForm,
)
from providers.tokens import VERIFY_MAX_AGE, LinkExpired, LinkInvalid, signin_user, verified_user
from providers.users import User

# Login and current-password limits: providers/account_limits.py.
SIGNUP_LIMIT = RateLimit("signup", 10, 60 * 60)  # every POST, valid or not
SIGNUP_NOTICE_LIMIT = RateLimit("signup-notice", 3, 60 * 60)  # emails to a taken address: nobody's inbox is flooded
RESEND_LIMIT = RateLimit("verify-resend", 5, 60 * 60)
RESET_LIMIT = RateLimit("password-reset", 5, 60 * 60)
RESET_ADDRESS_LIMIT = RateLimit("password-reset-address", 3, 60 * 60)  # nobody's inbox gets flooded


def landing_page(user) -> str:
    return reverse("admin:index") if user.is_staff else reverse("listing:dashboard")


def _status(form, field) -> int:
    """429 when a limit held the current password back, so the page says so to programs as well as people."""
    return 429 if form.has_error(field, "limited") else 200


# Sign up and verification -------------------------------------------------------------------------------------
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("listing:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST":
        # Every POST counts, valid or not, so the form cannot be used to test addresses or passwords at will.
        if not SIGNUP_LIMIT.hit(client_ip(request)):
            form.is_valid()  # keep what was typed, with its own errors
            return render(
                request, "accounts/signup.html", {"form": form, "limited": try_again_message(SIGNUP_LIMIT)}, status=429
            )
        if form.is_valid():
            if not form.is_bot():  # bots see the usual next page; nothing is created
                _sign_up(form)
            return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


def _sign_up(form) -> None:
    """A new address gets an account and a link to confirm it; a taken one, a note to its owner. The answer, the
    session (nobody is logged in) and the work done (a password hash, an email) are the same, so the page never
    tells who has an account."""
    existing = form.existing_user()
    if existing is None:
        account_services.send_verification_email(form.save())
        return
    make_password(form.cleaned_data["password1"])  # the time a new account's password takes; the result unused
    if SIGNUP_NOTICE_LIMIT.hit(existing.email):
        account_services.send_signup_attempt_notice(existing)


def signup_sent(request):
    return render(request, "accounts/signup_sent.html")


@require_http_methods(["GET", "POST"])
def verify_email(request, token):
    """GET shows a button; POST verifies. Mail scanners that open links change nothing."""
    try:
        user = verified_user(token)
    except LinkExpired:
        return render(request, "accounts/verify_email.html", {"problem": "expired"}, status=400)
    except LinkInvalid:
        return render(request, "accounts/verify_email.html", {"problem": "invalid"}, status=400)
    if request.method == "POST":
        account_services.mark_email_verified(user)
        messages.success(request, f"Thank you: {user.email} is confirmed.")
        if request.user.is_authenticated and request.user.pk == user.pk:
            return redirect("listing:dashboard")
        return redirect(f"{reverse('accounts:login')}?next={reverse('listing:dashboard')}")
    return render(request, "accounts/verify_email.html", {"verify_user": user, "already": user.email_verified})


@login_required
@require_POST
def resend_verification(request):
    user = request.user
    if user.email_verified:
        messages.info(request, "Your email address is already confirmed.")
    elif not RESEND_LIMIT.hit(str(user.pk)):
        messages.warning(request, try_again_message(RESEND_LIMIT))
    else:
        account_services.send_verification_email(user)
        messages.success(request, f"We have sent a new link to {user.email}. It works for {VERIFY_MAX_AGE.days} days.")
    return redirect("accounts:home" if request.POST.get("back") == "account" else "listing:dashboard")


# Log in and out ---------------------------------------------------------------------------------------------
class LoginView(auth_views.LoginView):
    """Wrong passwords stop the address that types them; many addresses against one account switch it to an
    emailed link for a while (providers/account_limits.py). The owner is never locked out."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        self.attempt = LoginAttempt(request, request.POST.get("username") or "")
        if limit := self.attempt.address.used_up():
            return self._held_back(limit)
        if self.attempt.needs_emailed_link():
            return self._email_link()
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if limit := self.attempt.failed():
            return self._held_back(limit)
        return super().form_invalid(form)

    def _held_back(self, limit):
        # An unbound form keeps the email typed without checking the password again.
        form = self.get_form_class()(self.request, initial={"username": self.request.POST.get("username", "")[:254]})
        response = self.render_to_response(self.get_context_data(form=form, limited=try_again_message(limit)))
        response.status_code = 429
        response["Retry-After"] = str(limit.retry_after())
        return response

    def _email_link(self):
        # The same answer whatever password was typed and whether or not the address has an account: the password
        # is not even checked, so guessing learns nothing, and the owner gets in with the link.
        try:
            user = User.objects.get_by_natural_key(self.attempt.account)
        except User.DoesNotExist:
            user = None
        if user is not None and user.is_active and self.attempt.may_email_link():
            account_services.send_signin_link(user)
        return render(self.request, "accounts/login_link_sent.html")

    def form_valid(self, form):
        self.attempt.succeeded()
        return super().form_valid(form)

    def get_default_redirect_url(self):
        # `next` is honoured only when it stays on this site (Django checks url_has_allowed_host_and_scheme).
        return landing_page(self.request.user)


@require_http_methods(["GET", "POST"])
def signin_link(request, token):
    """The emailed sign-in link: GET shows a button, POST logs in, once. Mail scanners that open links change
    nothing."""
    try:
        user = signin_user(token)
    except LinkExpired:
        return render(request, "accounts/signin_link.html", {"problem": "expired"}, status=400)
    except LinkInvalid:
        return render(request, "accounts/signin_link.html", {"problem": "invalid"}, status=400)
    if request.method == "POST":
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(landing_page(user))
    return render(request, "accounts/signin_link.html", {"signin_user": user})


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or a prefetch cannot log anyone out."""

    next_page = "home"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You have logged out. Take care.")
        return response


# Password reset (Django's views, our templates) -----------------------------------------------------------------
class OutboxPasswordResetForm(PasswordResetForm):
    """Django's form, sending through the outbox: the worker sends the link, never the request, so a reset for a
    known address takes as long as one for an unknown address and its timing reveals no account."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        subject = " ".join(render_to_string(subject_template_name, context).split())
        body = render_to_string(email_template_name, context)
        QueuedEmail.queue(subject, body, to_email)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = OutboxPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    @property
    def extra_email_context(self):
        return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}

    def form_valid(self, form):
        # The same answer whether or not the address has an account; only the rate limit can change it.
        if not RESET_LIMIT.hit(client_ip(self.request)):
            context = self.get_context_data(form=form, limited=try_again_message(RESET_LIMIT))
            return self.render_to_response(context, status=429)
        if not RESET_ADDRESS_LIMIT.hit(form.cleaned_data["email"].lower()):
            return redirect(self.get_success_url())  # the usual answer; the earlier links still work
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        # The link reached this inbox, which proves the address as well as a verification link would.
        account_services.mark_email_verified(form.user)
        return super().form_valid(form)


# The account page -----------------------------------------------------------------------------------------
@login_required
def account_home(request):
    return render(request, "accounts/account_home.html")


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = LimitedPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:home")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "attempts": password_check_attempts(self.request)}

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = _status(form, "old_password")
        return response

    def form_valid(self, form):
        messages.success(self.request, "Your password is changed.")
        return super().form_valid(form)


@login_required
@require_http_methods(["GET", "POST"])
def change_email(request):
    form = EmailChangeForm(request.user, request.POST or None, attempts=password_check_attempts(request))
    if request.method == "POST" and form.is_valid():
        account_services.change_email(request.user, form.cleaned_data["email"])
        messages.success(
            request,
            f"Your login email is now {form.cleaned_data['email']}. We have sent a link there to confirm it.",
        )
        return redirect("accounts:home")
    return render(request, "accounts/email_change.html", {"form": form}, status=_status(form, "password"))


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None, attempts=password_check_attempts(request))
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_services.close_account(user)
        messages.success(request, "Your account and your listing have been deleted. Thank you for your work.")
        return redirect("home")
    listing = getattr(request.user, "listing", None)
    context = {"form": form, "listing": listing}
    return render(request, "accounts/account_delete.html", context, status=_status(form, "password"))
