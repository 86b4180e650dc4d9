"""Forms of the engagement-plan pages: the plan, its goals and touch points, actions, reviews.

Forms only validate; the views hand their cleaned data to `accounts.plan_services`.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cee_portal.forms import Problem, error_summary

from .plans import Benefit, PlanAction, ReviewCadence, TouchPointKind

MAX_GOALS = 50
MAX_TOUCH_POINTS = 100


class DateInput(forms.DateInput):
    """A native date control: keyboard and screen-reader friendly, no script needed."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PlanForm(forms.Form):
    """The plan's period, review cadence and benefits."""

    period_start = forms.DateField(label=gettext_lazy("Period start"), widget=DateInput)
    period_end = forms.DateField(label=gettext_lazy("Period end"), widget=DateInput)
    review_cadence = forms.ChoiceField(
        label=gettext_lazy("Review cadence"),
        choices=ReviewCadence.choices,
        initial=ReviewCadence.QUARTERLY,
        help_text=gettext_lazy("How often the Account Executive reviews progress with you."),
    )
    benefits = forms.MultipleChoiceField(
        label=gettext_lazy("Benefits"),
        choices=Benefit.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must not end before it starts."))
        return cleaned


class PlanCreateForm(PlanForm):
    """A new plan also names the account it is for."""

    importer = forms.TypedChoiceField(label=gettext_lazy("Account"), coerce=int)

    field_order = ["importer"]

    def __init__(self, *args, importers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["importer"].choices = [(i.pk, i.name) for i in importers]
        self.importers = {i.pk: i for i in importers}
        self.order_fields(["importer", *PlanForm.base_fields])

    def clean_importer(self):
        return self.importers[self.cleaned_data["importer"]]


class GoalForm(forms.Form):
    area = forms.CharField(
        label=gettext_lazy("Compliance area"),
        max_length=200,
        help_text=gettext_lazy("For example: classification accuracy, chapter 85."),
    )
    measure = forms.CharField(label=gettext_lazy("Measure"), max_length=200)
    baseline = forms.CharField(label=gettext_lazy("Baseline"), max_length=100)
    target = forms.CharField(label=gettext_lazy("Target"), max_length=100)


class TouchPointForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=TouchPointKind.choices)
    planned_on = forms.DateField(label=gettext_lazy("Planned on"), widget=DateInput)
    purpose = forms.CharField(label=gettext_lazy("Purpose"), max_length=500)
    done_on = forms.DateField(label=gettext_lazy("Done on"), widget=DateInput, required=False)


class RowFormSet(forms.BaseFormSet):
    """Rows that can be removed by ticking a box, so editing needs no script."""

    remove_label = gettext_lazy("Remove this row")

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = self.remove_label


class GoalRows(RowFormSet):
    remove_label = gettext_lazy("Remove this goal")


class TouchPointRows(RowFormSet):
    remove_label = gettext_lazy("Remove this touch point")


GoalFormSet = formset_factory(
    GoalForm, GoalRows, extra=0, can_delete=True, max_num=MAX_GOALS, validate_max=True
)
TouchPointFormSet = formset_factory(
    TouchPointForm,
    TouchPointRows,
    extra=0,
    can_delete=True,
    max_num=MAX_TOUCH_POINTS,
    validate_max=True,
)

GOALS_PREFIX = "goals"
TOUCH_POINTS_PREFIX = "touch_points"
# Names of the submit buttons that add an empty row instead of saving (no script needed).
ADD_GOAL = "add_goal"
ADD_TOUCH_POINT = "add_touch_point"


def row_formsets(data=None, *, goals=(), touch_points=()):
    """Return the goal and touch-point formsets, bound to `data` or filled from the plan.

    When `data` asks for another row (one of the add buttons), the row is appended.
    """
    if data is None:
        goal_rows = GoalFormSet(prefix=GOALS_PREFIX, initial=list(goals) or None)
        point_rows = TouchPointFormSet(
            prefix=TOUCH_POINTS_PREFIX, initial=list(touch_points) or None
        )
        for formset in (goal_rows, point_rows):
            if not formset.initial:
                formset.extra = 1  # an empty row to start from
        return goal_rows, point_rows
    data = data.copy()
    for button, prefix in ((ADD_GOAL, GOALS_PREFIX), (ADD_TOUCH_POINT, TOUCH_POINTS_PREFIX)):
        if button in data:
            key = f"{prefix}-TOTAL_FORMS"
            try:
                data[key] = str(int(data.get(key, 0)) + 1)
            except ValueError:
                pass  # the formset reports its broken management form itself
    return GoalFormSet(data, prefix=GOALS_PREFIX), TouchPointFormSet(
        data, prefix=TOUCH_POINTS_PREFIX
    )


def adds_row(data) -> bool:
    return ADD_GOAL in data or ADD_TOUCH_POINT in data


def rows(formset) -> list[dict]:
    """The cleaned rows of a valid formset, without blank or deleted ones."""
    kept = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        kept.append({name: value for name, value in data.items() if name != "DELETE"})
    return kept


def _formset_problems(formset, noun) -> list[Problem]:
    problems = [Problem(str(message)) for message in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        for problem in error_summary(form):
            problems.append(Problem(f"{noun} {number}: {problem.message}", problem.anchor))
    return problems


def plan_problems(form, goals, touch_points) -> list[Problem]:
    """One error summary for the plan form and both formsets, in page order."""
    return (
        error_summary(form)
        + _formset_problems(goals, _("Goal"))
        + _formset_problems(touch_points, _("Touch point"))
    )


def add_service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: on its field when the form has one."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class PlanActionForm(forms.Form):
    """The comment that goes with a workflow action; required when the action asks for one."""

    comment = forms.CharField(
        label=gettext_lazy("Comment"), required=False, max_length=5000, widget=forms.Textarea
    )

    def __init__(self, *args, action: str, comment_required: bool, action_label="", **kwargs):
        kwargs.setdefault("prefix", action)
        super().__init__(*args, **kwargs)
        field = self.fields["comment"]
        field.widget.attrs["rows"] = 3
        field.label = _("Comment to go with “%(action)s”") % {
            "action": action_label or PlanAction(action).label
        }
        if comment_required:
            field.required = True
            field.label = _("What should change")
            field.error_messages["required"] = _("Say what should change.")

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()


class PlanReviewForm(forms.Form):
    """A periodic review: the actual value of every goal and the touch points done since."""

    reviewed_on = forms.DateField(label=gettext_lazy("Reviewed on"), widget=DateInput)
    notes = forms.CharField(
        label=gettext_lazy("Notes"), required=False, max_length=5000, widget=forms.Textarea
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()
        self.fields["notes"].widget.attrs["rows"] = 3
        self.goal_fields, self.touch_point_fields = [], []
        for index, goal in enumerate(plan.goals):
            name = f"goal_{index}_actual"
            self.fields[name] = forms.CharField(
                label=_("Goal %(number)s, %(area)s: actual value")
                % {"number": index + 1, "area": goal["area"]},
                max_length=100,
                # The field templates print help text as markup: escape what people typed.
                help_text=escape(
                    _("Measure: %(measure)s. Baseline %(baseline)s, target %(target)s.") % goal
                ),
            )
            self.goal_fields.append(name)
        for index, point in enumerate(plan.touch_points):
            if point.get("done_on"):
                continue
            name = f"touch_point_{index}_done_on"
            self.fields[name] = forms.DateField(
                label=_("Touch point %(number)s done on") % {"number": index + 1},
                required=False,
                widget=DateInput,
                help_text=escape(
                    _("%(purpose)s, planned on %(planned_on)s. Leave blank if not done.") % point
                ),
            )
            self.touch_point_fields.append(name)

    def service_arguments(self) -> dict:
        """The keyword arguments of `record_plan_review` from the cleaned form."""
        data = self.cleaned_data
        progress = [
            {"goal": int(name.split("_")[1]), "actual": data[name]} for name in self.goal_fields
        ]
        done = [
            {"touch_point": int(name.split("_")[2]), "done_on": data[name]}
            for name in self.touch_point_fields
            if data.get(name)
        ]
        return {
            "reviewed_on": data["reviewed_on"],
            "notes": data["notes"],
            "progress": progress,
            "touch_points_done": done,
        }
