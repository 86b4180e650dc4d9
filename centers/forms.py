"""Forms of the public Center pages."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

HTS_INPUT = re.compile(r"^[0-9.]+$")
HTS_MAX_DIGITS = 10


class RulingSearchForm(forms.Form):
    """Search binding rulings by number, HTS prefix and words of their text."""

    number = forms.CharField(
        label=_("Ruling number"),
        max_length=10,
        required=False,
        help_text=_("For example, N312345."),
    )
    hts = forms.CharField(
        label=_("HTS number or prefix"),
        max_length=13,
        required=False,
        help_text=_("Digits, with or without dots. For example, 8471 or 8471.30."),
    )
    text = forms.CharField(
        label=_("Words in the subject or text"),
        max_length=200,
        required=False,
        help_text=_("For example, lithium batteries."),
    )

    def clean_number(self):
        return self.cleaned_data["number"].replace(" ", "").upper()

    def clean_hts(self):
        """Return the digits of the HTS prefix, refusing letters and other characters."""
        value = self.cleaned_data["hts"].strip()
        if not value:
            return ""
        if not HTS_INPUT.match(value):
            raise ValidationError(
                _("Enter an HTS number using digits and dots only, for example 8471.30."),
                code="invalid",
            )
        digits = value.replace(".", "")
        if not digits:
            raise ValidationError(_("Enter at least one digit of the HTS number."), code="invalid")
        if len(digits) > HTS_MAX_DIGITS:
            raise ValidationError(
                _("An HTS number has at most 10 digits. Enter 10 digits or fewer."),
                code="too_long",
            )
        return digits

    def has_criteria(self) -> bool:
        """True when a valid search names at least one criterion."""
        return any(self.cleaned_data.get(name) for name in ("number", "hts", "text"))
