"""Filters of the report pages and the Center dashboard (validation only)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReportFilterForm(forms.Form):
    """Choose a run date and a Center among those the reader may see."""

    date = forms.TypedChoiceField(
        label=_("Report date"), required=False, help_text=_("The dates the report was run for.")
    )
    center = forms.ChoiceField(label=_("Center"), required=False)

    def __init__(self, *args, dates, centers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].choices = [
            (day.isoformat(), day.strftime("%b %-d, %Y")) for day in dates
        ]
        self.fields["center"].choices = [
            ("", _("All Centers you see")),
            *[(c.code, f"{c.code} – {c.name}") for c in centers],
        ]


class UniformityFilterForm(ReportFilterForm):
    flagged = forms.BooleanField(label=_("Only flagged cells"), required=False)


class DashboardPeriodForm(forms.Form):
    class Period:
        WEEK = "week"
        MONTH = "month"

    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        initial=Period.MONTH,
        choices=[(Period.WEEK, _("This week")), (Period.MONTH, _("This month"))],
    )
