"""The private contact form families use to write to a provider."""

import re
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotFormMixin

MESSAGE_MAX_LENGTH = 5000
# Control characters (newlines included) have no place in a name or phone number, and would break email headers.
CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
TOKEN_CHARS = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
PHONE_CHARS = re.compile(r"^[0-9+().\-\s]*(?:(?:ext|x)\.?\s*[0-9]+)?$", re.IGNORECASE)


class ContactForm(HoneypotFormMixin):
    name = forms.CharField(
        label=_("Your name"),
        max_length=100,
        help_text=_("A first name is fine."),
        error_messages={
            "required": _("Please tell us your name (a first name is fine)."),
            "max_length": _("Please shorten your name to %(limit_value)d characters or fewer."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("The provider replies to this address."),
        error_messages={
            "required": _("Please enter your email address so the provider can reply."),
            "invalid": _("Please enter an email address like name@example.com, so the provider can reply."),
            "max_length": _("This email address is too long; please check it."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=30,
        help_text=_("Only if you would like a call back."),
        error_messages={"max_length": _("Please shorten the phone number to %(limit_value)d characters or fewer.")},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("A few lines are enough: what you are looking for, and when you are usually free."),
        error_messages={
            "required": _("Please write a short message."),
            "max_length": _(
                "Please shorten your message to 5,000 characters or fewer (it has %(show_value)d). "
                "You can share more once they reply."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 7}),
    )

    # One-time, per page shown: a double click or a resend after a timeout delivers one message, not two.
    token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    field_order = ["name", "email", "phone", "message"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # "Your name", not "Your name:"
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("token", secrets.token_urlsafe(24))

    def clean_token(self):
        token = self.cleaned_data["token"]
        return token if TOKEN_CHARS.match(token) else ""  # a missing or odd token: stored, just not de-duplicated

    def clean_name(self):
        name = self.cleaned_data["name"]
        if CONTROL_CHARS.search(name):
            raise ValidationError(_("Please write your name on one line."), code="invalid")
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and (CONTROL_CHARS.search(phone) or not PHONE_CHARS.match(phone)):
            raise ValidationError(_("Please enter a phone number using digits, like 617-555-0100."), code="invalid")
        if phone and len(re.sub(r"\D", "", phone)) < 7:
            raise ValidationError(_("This phone number looks too short; please check it."), code="invalid")
        return phone

    def message_fields(self) -> dict:
        """The fields `ContactMessage.submit()` stores."""
        data = self.cleaned_data
        return {
            "sender_name": data["name"],
            "sender_email": data["email"],
            "sender_phone": data["phone"],
            "body": data["message"],
            "submission_token": data["token"],
        }
