"""The provider's listing form, in the sections families read it in, and the offices formset."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from core.images import open_upload
from providers.models import Office, Provider
from providers.months import as_month, month_label, months_from, this_month
from providers.pending import LISTING_FIELDS, OFFICE_FIELDS
from providers.states import STATE_CHOICES
from providers.taxonomy import TERM_FIELDS, TermField, vocabulary

BOOKABLE_MONTHS = 18  # the months a provider can mark fully booked, from this one


def booked_months_field() -> forms.MultipleChoiceField:
    """The months from this one a doula or midwife can mark fully booked, as checkboxes (values: ISO dates)."""
    return forms.MultipleChoiceField(
        label="Months you are fully booked (optional)",
        help_text="For doulas and midwives: families who search with a due month in these months won't see you.",
        choices=[(month.isoformat(), month_label(month)) for month in months_from(this_month(), BOOKABLE_MONTHS)],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def booked_months_initial(listing) -> list[str]:
    return [month.isoformat() for month in map(as_month, listing.booked_months or [])]


def with_past_booked_months(listing, chosen) -> list[str]:
    """The months ticked, as ISO dates (as a pending change keeps them), and the past ones the listing had: the
    form offers only months to come, and saving it must not change the past."""
    past = [month.isoformat() for month in map(as_month, listing.booked_months or []) if month < this_month()]
    return sorted({*past, *chosen})


AVAILABILITY_CHOICES = [("yes", "Yes, I am taking new clients"), ("no", "Not right now")]

LABELS = {
    "display_name": "Your name, as families will see it",
    "pronouns": "Pronouns (optional)",
    "credentials": "Credentials (optional)",
    "headline": "Headline",
    "bio": "A short bio",
    "approach": "How you practise trauma-informed care",
    "trainings": "Trainings and certifications (optional)",
    "fee_unit": "How you charge",
    "fee_min": "Lowest fee, in US dollars (optional)",
    "fee_max": "Highest fee, in US dollars (optional)",
    "fee_includes": "What the package includes",
    "free_consultation": "I offer a free first conversation",
    "website": "Website (optional)",
    "booking_url": "Online booking link (optional)",
    "phone": "Public phone number (optional)",
    "contact_email": "Email for enquiries",
    "identity_note": "In your own words (optional)",
    "license_type": "License type",
    "license_number": "License number",
    "license_state": "State that issued it",
}
HELP = {
    "credentials": "For example: LICSW, PMH-C.",
    "pronouns": "For example: she/her, they/them.",
    "headline": "One sentence families read first (up to 160 characters).",
    "bio": "A few short paragraphs about you and who you work with. Leave a blank line between paragraphs.",
    "approach": "What a first visit is like, how you ask for consent, how someone can pause or stop.",
    "trainings": "One per line.",
    "fee_min": "Per session, or the package price. For a sliding scale, the lowest you offer.",
    "fee_max": "Your full fee, if it varies. Leave empty if there is one price.",
    "fee_includes": "For a package, in a few words: e.g. “two prenatal visits, the birth and one postpartum visit”.",
    "website": "Starting with https://",
    "booking_url": "Starting with https://",
    "contact_email": "Families' messages are sent here. It is never shown on the site.",
    "license_type": "For example: LICSW, CNM, IBCLC.",
    "identity_note": "Shown on your profile as you write it, for example “I'm a Black mother of two and a loss mom.” "
    "Up to 300 characters.",
}


def _term_field(term_field: TermField, choices) -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=term_field.question,
        help_text=term_field.help_text,
        choices=choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ListingForm(forms.ModelForm):
    # Taxonomy: a checkbox group per vocabulary (providers.taxonomy.TERM_FIELDS), added per form with its terms.
    licensed_states = forms.TypedMultipleChoiceField(
        label="States you are licensed in (for telehealth)",
        help_text="Families in these states see you when they look for telehealth.",
        choices=STATE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    accepting = forms.ChoiceField(
        label="Are you taking new clients now?",
        help_text="This changes right away, with today's date, even while other edits wait for review.",
        choices=AVAILABILITY_CHOICES,
        widget=forms.RadioSelect,
    )
    photo = forms.FileField(
        label="Choose a photo",
        required=False,
        help_text="A friendly head-and-shoulders photo: JPEG, PNG or WebP, under 8 MB. "
        "We remove location and camera details from it.",
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_photo = forms.BooleanField(label="Remove my photo", required=False)

    class Meta:
        model = Provider
        fields = LISTING_FIELDS
        labels = LABELS
        help_texts = HELP
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 8}),
            "approach": forms.Textarea(attrs={"rows": 6}),
            "trainings": forms.Textarea(attrs={"rows": 4}),
            "identity_note": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "fee_unit": forms.RadioSelect,
            "fee_min": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "fee_max": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"placeholder": "https://"}),
            "booking_url": forms.URLInput(attrs={"placeholder": "https://"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        vocab = vocabulary()
        for term_field in TERM_FIELDS:
            choices = [(t.id, t.name) for t in vocab.terms[term_field.field]]
            self.fields[term_field.field] = _term_field(term_field, choices)
        self.initial["accepting"] = "yes" if self.instance.accepting_new_clients else "no"
        self.fields["booked_months"] = booked_months_field()
        self.initial["booked_months"] = booked_months_initial(self.instance)
        self.fields["license_state"].choices = [("", "Choose a state"), *STATE_CHOICES]
        self.fields["license_state"].label = LABELS["license_state"]
        self.fields["display_name"].widget.attrs["autocomplete"] = "name"
        self.photo_upload = None

    def clean_booked_months(self):
        return with_past_booked_months(self.instance, self.cleaned_data["booked_months"])

    def clean_photo(self):
        uploaded = self.cleaned_data.get("photo")
        if uploaded:
            open_upload(uploaded)  # ValidationError with a message the person can act on
            uploaded.seek(0)
            self.photo_upload = uploaded
        return None  # the photo is stored by Provider.edit, never by the ModelForm

    def term_fields(self, section: str) -> list[tuple]:
        """The vocabularies' checkbox groups of one section of the form, with how to lay each out."""
        return [(self[f.field], f.columns) for f in TERM_FIELDS if f.section == section]

    @property
    def about_terms(self):
        return self.term_fields("about")

    @property
    def who_terms(self):
        return self.term_fields("who")

    @property
    def how_terms(self):
        return self.term_fields("how")

    @property
    def fee_terms(self):
        return self.term_fields("fees")

    @property
    def plan_groups(self) -> dict:
        """The plans' checkboxes in three groups: national plans; the Medicaid programmes of the states the listing
        is licensed in or has an office in; and every other state's programme (folded away on the page: 52 of
        them would bury the rest on a phone)."""
        plans, states = vocabulary().by_id["plans"], self._states()
        groups = {"national": [], "here": [], "elsewhere": []}
        for choice in self["plans"]:
            state = plans[choice.data["value"]].state
            groups["national" if not state else "here" if state in states else "elsewhere"].append(choice)
        groups["elsewhere_open"] = any(choice.data["selected"] for choice in groups["elsewhere"])
        return groups

    def _states(self) -> set[str]:
        """The listing's states: those ticked (as submitted, when the form is) and those of its offices."""
        if self.is_bound:
            licensed = self.data.getlist("licensed_states") if hasattr(self.data, "getlist") else []
        else:
            licensed = self.instance.licensed_states or []
        offices = [office.state for office in self.instance.offices.all()] if self.instance.pk else []
        return {*licensed, *offices}

    def listing_values(self) -> dict:
        return {field: self.cleaned_data[field] for field in LISTING_FIELDS}

    @property
    def accepting_new_clients(self) -> bool:
        return self.cleaned_data["accepting"] == "yes"


class OfficeForm(forms.ModelForm):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Office
        fields = OFFICE_FIELDS
        labels = {"name": "Office name (optional)", "street": "Street address (optional)", "city": "City"}
        help_texts = {"name": "For example: Main office.", "street": "Shown only if you tick the box below."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].choices = [("", "Choose a state"), *STATE_CHOICES]
        self.fields["zip_code"].widget.attrs.update(inputmode="numeric", autocomplete="postal-code")
        self.fields["street"].widget.attrs["autocomplete"] = "street-address"

    def office_values(self) -> dict:
        # The model's clean() normalised the ZIP code and filled the city from it.
        return {"id": self.cleaned_data.get("id"), **{f: getattr(self.instance, f) for f in OFFICE_FIELDS}}


class BaseOfficeFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = "Remove this office"

    def proposed_offices(self) -> list[dict]:
        """The offices as submitted: kept, changed and new ones (deleted and untouched blank forms left out)."""
        return [
            form.office_values() for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        ids = [d["id"] for d in self.proposed_offices() if d["id"]]
        if len(ids) != len(set(ids)):
            raise ValidationError("The same office appears twice. Please reload the page and try again.")


OfficeFormSet = forms.formset_factory(
    OfficeForm, formset=BaseOfficeFormSet, extra=1, can_delete=True, max_num=6, validate_max=True
)


def office_initial(offices) -> list[dict]:
    return [{"id": o.pk, **{f: getattr(o, f) for f in OFFICE_FIELDS}} for o in offices]
