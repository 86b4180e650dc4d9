"""Filing forms: the fields every inquiry has, plus the type's own, built from its TypeSpec.

The TypeSpec is the one declaration of a type: its own fields (labels, help text, choices,
required or not) come from `DetailField.form_field()`, and whether the entry number and the
HTS number are asked for comes from `needs_entry` / `needs_hts`. Nothing is retyped here.
The form checks the shape of each value; the rules (entry of this importer, the protest
window, gates) are the filing service's, and its refusals come back as errors of these
fields through `add_service_errors`.
"""

from django import forms
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext_lazy as _

from .types import InquiryType, Requirement, TypeSpec, serialize_details
from .workflow import OPEN_STATES

COMMON_FIELDS = ("importer", "subject", "entry_number", "hts", "description")


class ImporterChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class FilingForm(forms.Form):
    """One inquiry of one type: the common fields, then the type's own."""

    importer = ImporterChoiceField(
        queryset=None,
        label=_("Importer account"),
        help_text=_("The account you file this inquiry for."),
        empty_label=_("- Select an account -"),
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_(
            "A short title that you and the Center will recognise, for example "
            "“Reply to CF-28 on our March shipment”."
        ),
    )
    entry_number = forms.CharField(
        label=_("Entry number"),
        max_length=20,
        help_text=_(
            "The entry summary number, for example NRX-4310001-8. You may leave out the dashes."
        ),
    )
    hts = forms.CharField(
        label=_("HTS number"),
        max_length=20,
        required=False,
        help_text=_(
            "The tariff number of the goods, 4 to 10 digits, for example 3004.90 or 3004909290."
        ),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Tell the Center what you need, in your own words. Documents can be "
            "added on the inquiry page after you file."
        ),
    )

    def __init__(self, *args, spec: TypeSpec, importers, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        importer = self.fields["importer"]
        importer.queryset = importers
        if len(importers) == 1:
            importer.widget = forms.HiddenInput()
            self.initial.setdefault("importer", importers[0].pk)
        self._require("entry_number", spec.needs_entry)
        self._require("hts", spec.needs_hts)
        own = {detail.name: detail.form_field() for detail in spec.fields}
        clash = set(own) & set(COMMON_FIELDS)
        if clash:
            raise ImproperlyConfigured(f"{spec.code}: fields named like common ones: {clash}")
        common = [name for name in COMMON_FIELDS if name in self.fields]
        order = [name for name in common if name != "description"] + list(own)
        order += ["description"]
        self.fields.update(own)
        self.order_fields(order)

    def _require(self, name: str, requirement: str) -> None:
        if requirement == Requirement.NO:
            del self.fields[name]
        else:
            self.fields[name].required = requirement == Requirement.REQUIRED

    @property
    def importer_is_hidden(self) -> bool:
        return isinstance(self.fields["importer"].widget, forms.HiddenInput)

    def filing(self) -> dict:
        """The cleaned values as keyword arguments of `file_inquiry` (importer apart)."""
        data = self.cleaned_data
        own = {detail.name: data.get(detail.name) for detail in self.spec.fields}
        return {
            "type": self.spec.code.value,
            "subject": data["subject"],
            "description": data.get("description", ""),
            "entry_number": data.get("entry_number", ""),
            "hts": data.get("hts", ""),
            "details": serialize_details(own),
        }

    def add_service_errors(self, exc: ValidationError) -> None:
        """Put each refusal of the filing service on the field it is about."""
        if not hasattr(exc, "error_dict"):
            self.add_error(None, exc.messages)
            return
        for key, messages in exc.message_dict.items():
            name = key.removeprefix("details.")
            if name == "type":  # a gate: the chosen account does not qualify for the type
                name = "importer"
            if name not in self.fields or (name == "importer" and self.importer_is_hidden):
                name = None
            self.add_error(name, messages)


class InquiryFilterForm(forms.Form):
    """Filters of the trade user's inquiry list."""

    OPEN, FINISHED, ALL = "open", "finished", "all"

    state = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            (OPEN, _("Open inquiries")),
            (FINISHED, _("Resolved, closed or withdrawn")),
            (ALL, _("All inquiries")),
        ],
    )
    importer = ImporterChoiceField(
        queryset=None, required=False, label=_("Importer account"), empty_label=_("All accounts")
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *InquiryType.choices]
    )

    def __init__(self, *args, importers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["importer"].queryset = importers

    def filter(self, inquiries):
        """Apply the valid criteria (open ones by default) in the order that suits them."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("importer"):
            inquiries = inquiries.filter(importer=data["importer"])
        if data.get("type"):
            inquiries = inquiries.filter(type=data["type"])
        state = data.get("state") or self.OPEN
        if state == self.OPEN:
            return inquiries.open().queue_order()
        if state == self.FINISHED:
            inquiries = inquiries.exclude(status__in=OPEN_STATES)
        return inquiries.newest_first()
