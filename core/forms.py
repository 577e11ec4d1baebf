"""Form pieces shared by the apps."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotFormMixin(forms.Form):
    """A field people never see or fill in; bots that fill every field reveal themselves.

    The field is hidden with CSS (class `hp-field`) and from assistive technology, and has an everyday name so
    that bots fill it in. Check `form.is_bot()` after validation and pretend success.
    """

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website_url"))
