"""Comparing two submitted versions of a plan side by side."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import plan_forms, plans
from ..models import (
    PlanVersion,
)
from ..plans import ReviewCadence
from .common import (
    benefit_labels,
    day,
    label,
    plan_page,
    plans_crumb,
    touch_point_rows,
    visible_plan,
)


def _describe(field: str, value):
    """A changed value as label/value pairs for the page (None: not in that version)."""
    if value is None and field in plans.LIST_FIELDS:
        return None
    if field == "goals":
        return [
            (plan_forms.GoalForm.base_fields[k].label, value.get(k, "")) for k in plans.GOAL_KEYS
        ]
    if field == "touch_points":
        row = touch_point_rows([value])[0]
        return [
            (plan_forms.TouchPointForm.base_fields[k].label, row[k]) for k in plans.TOUCH_POINT_KEYS
        ]
    if field == "benefits":
        return [(None, ", ".join(benefit_labels(value or [])) or _("None"))]
    if field == "review_cadence":
        return [(None, label(ReviewCadence, value))]
    return [(None, day(value))]


def change_rows(changes) -> list[dict]:
    """The diff service's changes, labelled, grouped as scalar fields, goals, touch points."""
    groups = {"fields": [], "goals": [], "touch_points": []}
    names = {"goals": _("Goal %(number)s"), "touch_points": _("Touch point %(number)s")}
    for change in changes:
        field, _sep, index = change["field"].partition("[")
        if index:
            title = names[field] % {"number": int(index.rstrip("]")) + 1}
            group = field
        else:
            title, group = plan_forms.PlanForm.base_fields[field].label, "fields"
        groups[group].append(
            {
                "label": title,
                "before": _describe(field, change["before"]),
                "after": _describe(field, change["after"]),
            }
        )
    return groups


@plan_page
def plan_diff(request, pk: int, a: int, b: int):
    """Two submitted versions side by side: the scalar fields, goals and touch points changed."""
    plan = visible_plan(request, pk)
    found = {
        v.number: v
        for v in PlanVersion.objects.filter(plan=plan, number__in=[a, b]).select_related(
            "submitted_by"
        )
    }
    if a not in found or b not in found:
        raise Http404
    changes = plans.diff_snapshots(found[a].snapshot, found[b].snapshot)
    detail_url = reverse("ae:plan_detail", args=[plan.pk])
    title = _("Version %(a)s and version %(b)s") % {"a": a, "b": b}
    return render(
        request,
        "plans/diff.html",
        {
            "plan": plan,
            "before": found[a],
            "after": found[b],
            "groups": change_rows(changes),
            "changed": bool(changes),
            "crumbs": [plans_crumb(), (plan.importer.name, detail_url), (title, "")],
            "title": title,
        },
    )


@plan_page
def plan_compare(request, pk: int):
    """Send the compare form (two version numbers) to the side-by-side page."""
    plan = visible_plan(request, pk)
    try:
        a, b = int(request.GET["a"]), int(request.GET["b"])
    except (KeyError, ValueError):
        a = b = 0
    if a < 1 or b < 1:  # version numbers start at 1 (and the URL takes no sign)
        messages.error(request, _("Choose two versions to compare."))
        return redirect("ae:plan_detail", pk=plan.pk)
    return redirect("ae:plan_diff", pk=plan.pk, a=a, b=b)
