from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from blog.models import Proposal
from blog.rendering import count_words
from core.forms import HoneypotFormMixin

SUMMARY_MAX_WORDS = 300
# Generous ceilings on free text, so the form cannot be used to store megabytes.
TEXT_LIMITS = {"summary": 4000, "why_it_matters": 3000}


class ProposalForm(HoneypotFormMixin, forms.ModelForm):
    confirm_values = forms.BooleanField(
        label=_(
            "This piece is my own original work, and it aligns with the directory's values: safety, inclusion, "
            "transparency, collaboration, empowerment and support."
        ),
        error_messages={"required": _("Please confirm that the piece is original and shares the directory's values.")},
    )

    website = forms.URLField(
        required=False,
        assume_scheme="https",
        max_length=200,
        label=_("Website"),
        help_text=_("Optional. Your practice or personal website."),
        error_messages={"invalid": _("Please enter a web address, such as https://example.org.")},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Proposal
        fields = ["name", "email", "credentials", "website", "listing", "title", "summary", "why_it_matters"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "credentials": _("Credentials"),
            "listing": _("Directory listing"),
            "title": _("Proposed title"),
            "summary": _("Summary"),
            "why_it_matters": _("Why it matters to families"),
        }
        help_texts = {
            "email": _("We only use it to reply about your proposal. It is never shown on the site."),
            "credentials": _("Optional. For example “LICSW, PMH-C” or “Birth doula”."),
            "listing": _("Optional. The address of your listing in this directory, or the name it is under."),
            "title": _("A working title is fine; we can shape it together."),
            "summary": format_lazy(_("What the article would say, in up to {words} words."), words=SUMMARY_MAX_WORDS),
            "why_it_matters": _("Who it would help, and how."),
        }
        error_messages = {
            "name": {"required": _("Please tell us your name.")},
            "email": {
                "required": _("Please give an email address so we can reply."),
                "invalid": _("Please check the email address; it should look like name@example.org."),
            },
            "title": {"required": _("Please give your article a working title.")},
            "summary": {"required": _("Please summarise what the article would say.")},
            "why_it_matters": {"required": _("Please tell us why this would matter to families.")},
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "summary": forms.Textarea(attrs={"rows": 8}),
            "why_it_matters": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in TEXT_LIMITS.items():
            self.fields[name].validators.append(
                MaxLengthValidator(
                    limit, message=_("Please keep this under %(limit_value)s characters (it has %(show_value)s).")
                )
            )

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        words = count_words(summary)
        if words > SUMMARY_MAX_WORDS:
            raise forms.ValidationError(
                _("Your summary is %(words)s words long; please shorten it to %(max)s words or fewer."),
                code="too_many_words",
                params={"words": words, "max": SUMMARY_MAX_WORDS},
            )
        return summary


class DeclineForm(forms.Form):
    """The admin's intermediate page for declining proposals: the message is sent to each proposer."""

    message = forms.CharField(
        label="Message to the proposer",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text="Sent by email to each person, inside a kind standard letter. Say briefly and warmly why.",
        error_messages={"required": "Please write a message; it is sent to the person who proposed the article."},
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Please write a message; it is sent to the person who proposed the article.")
        return message
