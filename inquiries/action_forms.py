"""Forms of the inquiry pages: one per lifecycle action, messages, uploads, queue filters.

Forms only parse and check the shape of what a person typed; the services decide every rule
and their errors are put back on the form's fields (`add_service_errors`).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import RiskSegment
from accounts.trust import ServiceLevel
from centers.models import Center, CenterStaff, FunctionalArea, PartnerAgency

from . import services
from .models import Referral
from .pagination import NEWEST, QUEUE
from .types import InquiryType
from .workflow import Action, Status

TEXT_ROWS = 4


def _text(label, *, required=True, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": TEXT_ROWS}),
    )


class ActionForm(forms.Form):
    """A lifecycle action with no body: the button is the whole form."""

    action: Action

    def __init__(self, *args, inquiry=None, **kwargs):
        kwargs.setdefault("prefix", self.action.value)
        super().__init__(*args, **kwargs)
        self.inquiry = inquiry

    def body(self) -> dict:
        """The service's body for the action, from the cleaned fields."""
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class ClaimForm(ActionForm):
    action = Action.CLAIM


class StartReviewForm(ActionForm):
    action = Action.START_REVIEW


class CloseForm(ActionForm):
    action = Action.CLOSE


class AssignForm(ActionForm):
    action = Action.ASSIGN
    assignee = forms.TypedChoiceField(
        label=_("Assign to"), coerce=int, help_text=_("Staff of this Center.")
    )

    def __init__(self, *args, staff_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("- Select -")), *staff_choices]


class RequestInfoForm(ActionForm):
    action = Action.REQUEST_INFO
    message = _text(
        _("What the importer should send"),
        help_text=_("The importer sees this message and has 10 business days to respond."),
    )


class RespondForm(ActionForm):
    action = Action.RESPOND
    message = _text(_("Your answer"), help_text=_("Staff of the Center read this answer."))


class ReferForm(ActionForm):
    action = Action.REFER
    target = forms.ChoiceField(label=_("Refer to"))
    note = _text(
        _("Note for the referral"),
        help_text=_("What you ask. The importer does not see this note."),
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [
            ("", _("- Select -")),
            (Referral.Target.HQ.value, Referral.Target.HQ.label),
            (Referral.Target.FPF.value, Referral.Target.FPF.label),
            *[
                (
                    f"pga:{code}",
                    _("Partner agency: %(name)s (%(code)s)") % {"name": name, "code": code},
                )
                for code, name in agencies
            ],
        ]


class ReturnForm(ActionForm):
    action = Action.RETURN
    decision = _text(_("Decision"), help_text=_("Staff of the Center read your decision."))


class RecallForm(ActionForm):
    action = Action.RECALL
    reason = _text(_("Why you recall the referral"))


class ResolveForm(ActionForm):
    action = Action.RESOLVE
    outcome = forms.ChoiceField(label=_("Outcome"))
    resolution = _text(_("Resolution"), help_text=_("The importer sees this message."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        outcomes = services.resolution_outcomes(self.inquiry) if self.inquiry else []
        self.fields["outcome"].choices = [
            ("", _("- Select -")),
            *[(o.value, o.label) for o in outcomes],
        ]


class ReopenForm(ActionForm):
    action = Action.REOPEN
    reason = _text(_("Why the inquiry should be reopened"))


class WithdrawForm(ActionForm):
    action = Action.WITHDRAW
    reason = _text(_("Reason (optional)"), required=False)


class AcceleratedDispositionForm(ActionForm):
    action = Action.REQUEST_ACCELERATED_DISPOSITION
    requested_on = forms.DateField(
        label=_("Date you asked for accelerated disposition"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "From the submission date to today. The protest is deemed denied 30 days after it."
        ),
    )

    def body(self) -> dict:
        return {"requested_on": self.cleaned_data["requested_on"].isoformat()}


class RerouteForm(ActionForm):
    action = Action.REROUTE
    center = forms.ChoiceField(label=_("Send to Center"))
    reason = _text(_("Reason for the reroute"))

    def __init__(self, *args, centers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["center"].choices = [("", _("- Select -")), *centers]


ACTION_FORMS: dict[Action, type[ActionForm]] = {
    form.action: form
    for form in [
        ClaimForm,
        AssignForm,
        StartReviewForm,
        RequestInfoForm,
        RespondForm,
        ReferForm,
        ReturnForm,
        RecallForm,
        ResolveForm,
        ReopenForm,
        CloseForm,
        WithdrawForm,
        AcceleratedDispositionForm,
        RerouteForm,
    ]
}


# Actions that cannot be undone ask first (DESIGN.md §16): (heading, what happens, button).
CONFIRMATIONS = {
    Action.WITHDRAW: (
        _("Withdraw inquiry %(ref)s?"),
        (
            _(
                "Withdrawing ends the inquiry for good: the Center stops working on it, and it "
                "cannot be reopened."
            ),
            _("If you need help with this later, you will have to file a new inquiry."),
        ),
        _("Yes, withdraw %(ref)s"),
    ),
    Action.CLOSE: (
        _("Close inquiry %(ref)s?"),
        (
            _(
                "Closing is final: the inquiry can no longer be reopened, and no documents can "
                "be added to it."
            ),
            _("Close it only when nothing more is needed on it."),
        ),
        _("Yes, close %(ref)s"),
    ),
}


def choices_for(inquiry, actions) -> dict:
    """The database-backed choices the offered action forms need, one query each at most."""
    extra: dict[Action, dict] = {}
    if Action.ASSIGN in actions:
        staff = (
            CenterStaff.objects.filter(center_id=inquiry.center_id, user__is_active=True)
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )
        extra[Action.ASSIGN] = {"staff_choices": [(s.user_id, s.user.display_name) for s in staff]}
    if Action.REFER in actions:
        extra[Action.REFER] = {
            "agencies": list(PartnerAgency.objects.order_by("code").values_list("code", "name"))
        }
    if Action.REROUTE in actions:
        centers = Center.objects.exclude(code=inquiry.center_id or "").order_by("name")
        extra[Action.REROUTE] = {"centers": [(c.code, f"{c.name} ({c.code})") for c in centers]}
    return extra


def build_action_form(action: Action, inquiry, *, data=None, extra=None) -> ActionForm:
    return ACTION_FORMS[action](data, inquiry=inquiry, **(extra or {}).get(action, {}))


def add_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when the form has one."""
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for name, messages in exc.message_dict.items():
        field = name if name in form.fields else None
        for message in messages:
            form.add_error(field, message)


# --- Messages and documents ---------------------------------------------------------


class MessageForm(forms.Form):
    body = _text(_("Message"))
    internal = forms.BooleanField(
        label=_("Internal note: CBP staff only, never shown to the importer or a partner agency"),
        required=False,
    )

    def __init__(self, *args, may_external=True, may_internal=False, **kwargs):
        kwargs.setdefault("prefix", "message")
        super().__init__(*args, **kwargs)
        self.notes_only = may_internal and not may_external
        if not may_internal:
            del self.fields["internal"]
        elif self.notes_only:
            self.fields["internal"].widget = forms.HiddenInput()
            self.fields["internal"].initial = True
            self.fields["body"].label = _("Internal note")

    def clean_internal(self):
        return True if self.notes_only else self.cleaned_data.get("internal", False)


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"), help_text=_("PDF, PNG, JPEG, TIFF, CSV, XLSX or DOCX, at most 20 MB.")
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "document")
        super().__init__(*args, **kwargs)


# --- Staff queue -----------------------------------------------------------------------


def _blank(label):
    return [("", label)]


class QueueFilterForm(forms.Form):
    """Filters of the staff queue; every value is optional and checked against its choices."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_blank(_("Any status")) + list(Status.choices)
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=_blank(_("Any type")) + list(InquiryType.choices)
    )
    functional_area = forms.ChoiceField(
        label=_("Functional area"),
        required=False,
        choices=_blank(_("Any area")) + list(FunctionalArea.choices),
    )
    service_level = forms.ChoiceField(
        label=_("Service level"),
        required=False,
        choices=_blank(_("Any service level")) + list(ServiceLevel.choices),
    )
    risk_segment = forms.ChoiceField(
        label=_("Account risk"),
        required=False,
        choices=_blank(_("Any risk segment")) + list(RiskSegment.choices),
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    ordering = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(QUEUE, _("Queue order (due first)")), (NEWEST, _("Newest first"))],
    )

    FIELDS = ("status", "type", "functional_area", "service_level")

    def filter(self, queryset):
        """Apply the cleaned filters (call after is_valid())."""
        data = self.cleaned_data
        lookups = {name: data[name] for name in self.FIELDS if data.get(name)}
        if data.get("risk_segment"):
            lookups["importer__risk_segment"] = data["risk_segment"]
        queryset = queryset.filter(**lookups)
        if data.get("overdue"):
            queryset = queryset.overdue(timezone.localdate())
        return queryset

    @property
    def ordering_value(self) -> str:
        return (
            self.cleaned_data.get("ordering") if self.is_bound and self.is_valid() else None
        ) or QUEUE


class BulkAssignForm(forms.Form):
    """A supervisor assigns several inquiries of the queue to one staff member."""

    inquiries = forms.MultipleChoiceField(
        label=_("Inquiries"),
        widget=forms.MultipleHiddenInput,
        error_messages={"required": _("Select at least one inquiry in the table.")},
    )
    assignee = forms.TypedChoiceField(label=_("Assign the selected inquiries to"), coerce=int)
    query = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)

    def __init__(self, *args, staff_choices=(), **kwargs):
        kwargs.setdefault("prefix", "bulk")
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [("", _("- Select -")), *staff_choices]
        # References are checked against the visible queue by the view, not listed here.
        self.fields["inquiries"].valid_value = lambda value: isinstance(value, str)
