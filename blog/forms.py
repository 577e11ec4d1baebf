from django import forms
from django.core.validators import MaxLengthValidator

from blog.models import Proposal
from blog.rendering import count_words
from core.forms import HoneypotFormMixin

SUMMARY_MAX_WORDS = 300
# Generous ceilings on free text, so the form cannot be used to store megabytes.
TEXT_LIMITS = {"summary": 4000, "why_it_matters": 3000}
VALUES = "safety, inclusion, transparency, collaboration, empowerment and support"


class ProposalForm(HoneypotFormMixin, forms.ModelForm):
    confirm_values = forms.BooleanField(
        label=f"This piece is my own original work, and it aligns with the directory's values: {VALUES}.",
        error_messages={"required": "Please confirm that the piece is original and shares the directory's values."},
    )

    website = forms.URLField(
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text="Optional. Your practice or personal website.",
        error_messages={"invalid": "Please enter a web address, such as https://example.org."},
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Proposal
        fields = ["name", "email", "credentials", "website", "listing", "title", "summary", "why_it_matters"]
        labels = {"name": "Your name", "email": "Your email address"}
        help_texts = {
            "email": "We only use it to reply about your proposal. It is never shown on the site.",
            "credentials": "Optional. For example “LICSW, PMH-C” or “Birth doula”.",
            "listing": "Optional. The address of your listing in this directory, or the name it is under.",
            "title": "A working title is fine; we can shape it together.",
            "summary": f"What the article would say, in up to {SUMMARY_MAX_WORDS} words.",
            "why_it_matters": "Who it would help, and how.",
        }
        error_messages = {
            "name": {"required": "Please tell us your name."},
            "email": {
                "required": "Please give an email address so we can reply.",
                "invalid": "Please check the email address; it should look like name@example.org.",
            },
            "title": {"required": "Please give your article a working title."},
            "summary": {"required": "Please summarise what the article would say."},
            "why_it_matters": {"required": "Please tell us why this would matter to families."},
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
                    limit, message="Please keep this under %(limit_value)s characters (it has %(show_value)s)."
                )
            )

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        words = count_words(summary)
        if words > SUMMARY_MAX_WORDS:
            raise forms.ValidationError(
                "Your summary is %(words)s words long; please shorten it to %(max)s words or fewer.",
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
