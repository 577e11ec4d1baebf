"""Forms for provider accounts: sign up, log in, change email or password, delete the account."""

from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from core.forms import HoneypotFormMixin
from providers.account_limits import check_current_password
from providers.users import User, normalize_login


def _email_field(label="Email address", help_text=""):
    return forms.EmailField(
        label=label,
        max_length=254,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}),
    )


def _password_field(label, autocomplete, help_text=""):
    return forms.CharField(
        label=label,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


class SignupForm(HoneypotFormMixin, forms.Form):
    email = _email_field(help_text="You will log in with it, and we will send a link to confirm it.")
    password1 = _password_field(
        "Password", "new-password", help_text="At least 10 characters. A short sentence you will remember works well."
    )
    password2 = _password_field("The same password again", "new-password")

    def clean_email(self):
        # A taken address is not an error here: saying so would tell anyone who has an account (the view emails
        # its owner instead).
        return normalize_login(self.cleaned_data["email"])

    def existing_user(self) -> User | None:
        return User.objects.filter(email__iexact=self.cleaned_data["email"]).first()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords are not the same. Please type them again.")
        elif password1:
            try:
                password_validation.validate_password(password1, User(email=cleaned.get("email") or ""))
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self) -> User:
        return User.objects.create_user(self.cleaned_data["email"], self.cleaned_data["password1"])


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "That email address and password don't match an account. Please check them and try again.",
        "inactive": "This account is inactive.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].widget = forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        )
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class _PasswordCheckMixin(forms.Form):
    """Asks for the current password; `attempts` (providers.account_limits) limits the wrong ones."""

    password = _password_field("Your current password", "current-password")

    def __init__(self, user, *args, attempts=None, **kwargs):
        self.user, self.attempts = user, attempts
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        check_current_password(
            self.user, password, self.attempts, "That is not your current password.", code="wrong_password"
        )
        return password


class LimitedPasswordChangeForm(PasswordChangeForm):
    """Django's form, with the current password checked (and limited) like the other account changes."""

    def __init__(self, user, *args, attempts=None, **kwargs):
        self.attempts = attempts
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        message = self.error_messages["password_incorrect"]
        check_current_password(self.user, old_password, self.attempts, message, code="password_incorrect")
        return old_password


class EmailChangeForm(_PasswordCheckMixin):
    email = _email_field("New email address", help_text="We will send a link to confirm it.")
    field_order = ["email", "password"]

    def clean_email(self):
        email = normalize_login(self.cleaned_data["email"])
        if email == normalize_login(self.user.email):
            raise forms.ValidationError("This is already your email address.", code="same")
        if User.objects.filter(email__iexact=email).exclude(pk=self.user.pk).exists():
            raise forms.ValidationError(
                "Another account already uses this email address. Please choose a different one.", code="taken"
            )
        return email


class DeleteAccountForm(_PasswordCheckMixin):
    pass
