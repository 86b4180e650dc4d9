"""Render every portal form with U.S. Web Design System (USWDS 3) markup."""

import copy
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.forms import widgets
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


class USWDSFormRenderer(TemplatesSetting):
    """Form renderer whose `{{ form }}` and field groups produce USWDS markup."""

    form_template_name = "forms/uswds_form.html"
    field_template_name = "forms/uswds_field.html"


# Widget families.
CHECKBOX_LIST = "checkbox_list"
RADIO_LIST = "radio_list"
CHECKBOX = "checkbox"
FILE = "file"
TEXTAREA = "textarea"
SELECT = "select"
INPUT = "input"
OTHER = "other"

# Most specific first: CheckboxSelectMultiple subclasses RadioSelect, and CheckboxInput
# and FileInput subclass Input.
WIDGET_KINDS = (
    (widgets.CheckboxSelectMultiple, CHECKBOX_LIST),
    (widgets.RadioSelect, RADIO_LIST),
    (widgets.CheckboxInput, CHECKBOX),
    (widgets.FileInput, FILE),
    (widgets.Textarea, TEXTAREA),
    (widgets.Select, SELECT),
    (widgets.Input, INPUT),
    (widgets.SplitDateTimeWidget, INPUT),
)

# kind -> (class of the control, class added when the field has errors)
WIDGET_CLASSES = {
    CHECKBOX_LIST: ("usa-checkbox__input", ""),
    RADIO_LIST: ("usa-radio__input", ""),
    CHECKBOX: ("usa-checkbox__input", ""),
    FILE: ("usa-file-input", ""),
    TEXTAREA: ("usa-textarea", "usa-input--error"),
    SELECT: ("usa-select", "usa-input--error"),
    INPUT: ("usa-input", "usa-input--error"),
    OTHER: ("", ""),
}

# Widgets drawn with a template of our own instead of Django's.
WIDGET_TEMPLATES = {
    widgets.ClearableFileInput: "forms/widgets/uswds_clearable_file_input.html",
    widgets.SplitDateTimeWidget: "forms/widgets/uswds_split_datetime.html",
}

# Wrapper class of one option in a radio or checkbox list; its label is `<wrapper>__label`.
OPTION_WRAPPERS = {CHECKBOX_LIST: "usa-checkbox", RADIO_LIST: "usa-radio"}


def widget_kind(widget):
    """Return the USWDS family of a widget."""
    for widget_class, kind in WIDGET_KINDS:
        if isinstance(widget, widget_class):
            return kind
    return OTHER


def _join(*parts):
    return " ".join(part for part in parts if part)


class USWDSField:
    """A bound field seen through USWDS: its ids, classes and widget markup."""

    def __init__(self, bound_field: BoundField):
        self.field = bound_field
        self.widget = bound_field.field.widget
        self.kind = widget_kind(self.widget)

    @property
    def is_group(self):
        """True for radio and checkbox lists, which render in a fieldset."""
        return self.kind in OPTION_WRAPPERS

    @property
    def is_checkbox(self):
        return self.kind == CHECKBOX

    @property
    def option_class(self):
        return OPTION_WRAPPERS.get(self.kind, "")

    @property
    def hint_id(self):
        if self.field.help_text and self.field.auto_id:
            return f"{self.field.auto_id}-hint"
        return ""

    @property
    def error_id(self):
        if self.field.errors and self.field.auto_id:
            return f"{self.field.auto_id}-error"
        return ""

    @property
    def describedby(self):
        """Ids of the hint and error message, which exist only when rendered."""
        return _join(self.hint_id, self.error_id)

    @cached_property
    def anchor(self):
        """Id of the control an error-summary link should jump to."""
        if self.is_group:
            options = self.options
            return options[0].id_for_label if options else self.field.auto_id
        if isinstance(self.widget, widgets.MultiWidget) and self.field.auto_id:
            return f"{self.field.auto_id}_0"
        return self.field.id_for_label or self.field.auto_id

    def widget_attrs(self):
        base, error = WIDGET_CLASSES[self.kind]
        if not self.field.errors:
            error = ""
        attrs = {"class": _join(base, error, self.widget.attrs.get("class"))}
        if not self.is_group:
            describedby = _join(self.describedby, self.widget.attrs.get("aria-describedby"))
            if describedby:
                attrs["aria-describedby"] = describedby
        return {key: value for key, value in attrs.items() if value}

    @cached_property
    def widget_html(self) -> SafeString:
        widget = self.widget
        template_name = WIDGET_TEMPLATES.get(type(widget))
        if template_name:
            widget = copy.copy(widget)
            widget.template_name = template_name
        return self.field.as_widget(widget=widget, attrs=self.widget_attrs())

    @cached_property
    def options(self) -> list[BoundWidget]:
        """One bound widget per choice of a radio or checkbox list, with USWDS classes."""
        bound_field = self.field
        id_ = self.widget.attrs.get("id") or bound_field.auto_id
        attrs = {"id": id_} if id_ else {}
        attrs.update(self.widget_attrs())
        attrs = bound_field.build_widget_attrs(attrs)
        subwidgets = self.widget.subwidgets(bound_field.html_name, bound_field.value(), attrs=attrs)
        return [BoundWidget(self.widget, sub, bound_field.form.renderer) for sub in subwidgets]


@dataclass(frozen=True)
class Problem:
    """One line of an error summary: the message and the id of the control to fix."""

    message: str
    anchor: str = ""


def _field_problems(bound_field, anchor=""):
    label = bound_field.label
    return [
        Problem(_("%(label)s: %(message)s") % {"label": label, "message": message}, anchor)
        for message in bound_field.errors
    ]


def error_summary(form):
    """Return the problems of a bound form in page order, non-field errors first."""
    problems = [Problem(str(message)) for message in form.non_field_errors()]
    for bound_field in form.hidden_fields():
        problems += _field_problems(bound_field)
    for bound_field in form.visible_fields():
        if bound_field.errors:
            problems += _field_problems(bound_field, USWDSField(bound_field).anchor)
    return problems


class SignInForm(AuthenticationForm):
    """The sign-in form: service accounts (the ACE feed) use the API token endpoint only."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_service_account:
            raise ValidationError(
                _(
                    "This is a service account: it signs in through the API token endpoint, "
                    "not to the portal's pages."
                ),
                code="service_account",
            )
