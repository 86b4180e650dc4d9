"""Entry pages: the entries a person sees, with liquidation status, protest window and PSC.

Trade users reach them from their navigation. An entry's page serves every person who sees
the entry (CBP staff, AEs, HQ and partner agencies through their inquiries); the list is for
those who see entries by account: trade users, Center staff, AEs and administrators.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access
from cee_portal.pages import for_users, person_page
from cee_portal.paging import page_of
from inquiries.types import SPECS, FilingContext, Requirement

from .formats import normalize_entry_number
from .models import LiquidationStatus

LINES_PER_PAGE = 100
INQUIRIES_PER_PAGE = 20


def describe_entry(entry, today: date):
    """Set the protest window and PSC facts the pages show, as attributes of `entry`."""
    entry.protest_ends = entry.protest_window_ends
    entry.protest_days_left = (entry.protest_ends - today).days if entry.protest_ends else None
    entry.protest_open = entry.protest_days_left is not None and entry.protest_days_left >= 0
    entry.psc = entry.psc_deadline
    entry.psc_days_left = (entry.psc - today).days if entry.psc else None
    entry.psc_note = ""
    if not entry.psc_applies:
        entry.psc_note = _("Does not apply to informal entries")
    elif entry.liquidation_status != LiquidationStatus.UNLIQUIDATED:
        entry.psc_note = _("Closed at liquidation")
    elif entry.psc is None:
        entry.psc_note = _("Cannot be worked out from the entry date")
    return entry


# --- List -------------------------------------------------------------------------------


class EntryFilterForm(forms.Form):
    importer = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Importer account"),
        empty_label=gettext_lazy("All accounts"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Liquidation status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *LiquidationStatus.choices],
    )
    deadline = forms.ChoiceField(
        label=gettext_lazy("Deadlines"),
        required=False,
        choices=[
            ("", gettext_lazy("Any")),
            ("soon", gettext_lazy("Protest window or PSC deadline in the next 30 days")),
        ],
    )

    def __init__(self, *args, importers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["importer"].queryset = importers

    def filter(self, entries, today: date):
        """Apply the valid criteria; an invalid one is shown as an error and left out."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("importer"):
            entries = entries.filter(importer=data["importer"])
        if data.get("status"):
            entries = entries.filter(liquidation_status=data["status"])
        if data.get("deadline") == "soon":
            entries = entries.closing_soon(today)
        return entries


@for_users(access.entries.sees_by_account)
def entry_list(request):
    """Entries the user sees, newest first, 25 a page, with filters."""
    today = timezone.localdate()
    importers = access.importers.visible(request.user).order_by("name", "pk")
    form = EntryFilterForm(request.GET, importers=importers)
    entries = form.filter(
        access.entries.visible(request.user).select_related("importer", "port"), today
    )
    rows, previous_url, next_url = page_of(
        request, entries.order_by("-entry_date", "entry_number")
    ).parts()
    return render(
        request,
        "entries/entry_list.html",
        {
            "form": form,
            "filtered": any(form.cleaned_data.values()),
            "entries": [describe_entry(entry, today) for entry in rows],
            "show_importer": access.roles.is_cbp(request.user) or importers[:2].count() > 1,
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": [{"label": _("Entries"), "url": ""}],
        },
    )


# --- Detail -----------------------------------------------------------------------------


def filing_choices(entry, today: date) -> list[dict]:
    """Each inquiry type about an entry: a link to file it, or why it is not open now.

    Asks each type's own rules (its TypeSpec `gate` and `filing_problems`) on this entry, so
    the page offers exactly what the filing service would accept today.
    """
    choices = []
    for spec in SPECS.values():
        if spec.needs_entry == Requirement.NO:
            continue
        refusal = spec.gate(entry.importer) if spec.gate else None
        if refusal is None:
            problems = spec.filing_problems(FilingContext(entry.importer, entry, "", {}, today))
            refusal = problems.get("entry_number")
        url = reverse("portal:file_type", args=[spec.code.value])
        choices.append(
            {
                "label": spec.label,
                "summary": spec.summary,
                "url": f"{url}?{urlencode({'entry': entry.display_number})}",
                "refusal": refusal,
            }
        )
    return choices


@person_page
def entry_detail(request, entry_number):
    """One entry: dates, lines, the inquiries about it, and what the user may file on it."""
    try:
        canonical = normalize_entry_number(entry_number)
    except ValidationError:
        raise Http404 from None
    entry = get_object_or_404(
        access.entries.visible(request.user).select_related(
            "importer", "importer__center", "port", "principal_center"
        ),
        entry_number=canonical,
    )
    today = timezone.localdate()
    describe_entry(entry, today)
    lines, lines_previous, lines_next = page_of(
        request, entry.lines.order_by("line_number"), per_page=LINES_PER_PAGE, param="lines_page"
    ).parts()
    inquiries = (
        access.inquiries.visible(request.user)
        .filter(entry=entry)
        .prefetch_related("referrals")
        .newest_first()
    )
    inquiries, inquiries_previous, inquiries_next = page_of(
        request, inquiries, per_page=INQUIRIES_PER_PAGE, param="inquiries_page"
    ).parts()
    may_file = access.entries.may_file_on(request.user, entry)
    return render(
        request,
        "entries/entry_detail.html",
        {
            "entry": entry,
            "center": entry.importer.center or entry.principal_center,
            "lines": lines,
            "lines_previous": lines_previous,
            "lines_next": lines_next,
            "inquiries": inquiries,
            "inquiries_previous": inquiries_previous,
            "inquiries_next": inquiries_next,
            "filing_choices": filing_choices(entry, today) if may_file else [],
            "crumbs": [
                {"label": _("Entries"), "url": reverse("entries:list")},
                {"label": entry.display_number, "url": ""},
            ]
            if access.entries.sees_by_account(request.user)
            else [],
        },
    )
