"""Drafting a new engagement plan and editing one (goals and touch points as row formsets)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import access

from .. import plan_forms, plan_services, plans
from ..plans import PlanConflict, ReviewCadence
from .common import plan_page, plans_crumb, visible_plan


def _plan_fields(form, goals, touch_points) -> dict:
    fields = {name: form.cleaned_data[name] for name in plan_forms.PlanForm.base_fields}
    fields["goals"] = plan_forms.rows(goals)
    fields["touch_points"] = plan_forms.rows(touch_points)
    return fields


def _render_edit(request, *, form, goals, touch_points, plan=None, ineligible=(), status=200):
    problems = plan_forms.plan_problems(form, goals, touch_points) if form.is_bound else []
    title = _("Edit the plan") if plan else _("Start an engagement plan")
    trail = [plans_crumb()]
    if plan is not None:
        trail.append((plan.importer.name, reverse("ae:plan_detail", args=[plan.pk])))
    trail.append((title, ""))
    context = {
        "plan": plan,
        "form": form,
        "goal_rows": goals,
        "touch_point_rows": touch_points,
        "problems": problems,
        "ineligible": ineligible,
        "title": title,
        "buttons": {"add_goal": plan_forms.ADD_GOAL, "add_touch_point": plan_forms.ADD_TOUCH_POINT},
        "crumbs": trail,
    }
    status = 400 if problems else status
    return render(request, "plans/edit.html", context, status=status)


def _ready(request, form, goals, touch_points) -> bool:
    """Whether the posted forms are to be saved: not an added row, and all valid."""
    if plan_forms.adds_row(request.POST):
        return False
    # Evaluate each so that every form shows its errors.
    return all([form.is_valid(), goals.is_valid(), touch_points.is_valid()])


def _creators_importers(request):
    """Accounts the user may draw up plans for, split into eligible and not."""
    importers = (
        access.importers.visible(request.user)
        .annotate(**access.plans.role_annotations(request.user, "pk"))
        .filter(Q(user_is_importer_admin=True) | Q(user_is_ae=True))
        .order_by("name", "pk")
    )
    eligible, ineligible = [], []
    for importer in importers:
        (ineligible if importer.trusted_partner_failures else eligible).append(importer)
    return eligible, ineligible


@plan_page
def plan_create(request):
    """Draft a new plan for a trusted-partner account (its admins or its AE)."""
    eligible, ineligible = _creators_importers(request)
    if request.method == "POST":
        form = plan_forms.PlanCreateForm(request.POST, importers=eligible)
        goals, touch_points = plan_forms.row_formsets(request.POST)
        if _ready(request, form, goals, touch_points):
            fields = _plan_fields(form, goals, touch_points)
            try:
                plan = plan_services.create_plan(
                    form.cleaned_data["importer"], by=request.user, **fields
                )
            except (ValidationError, PermissionDenied) as exc:
                error = exc if isinstance(exc, ValidationError) else ValidationError(str(exc))
                plan_forms.add_service_errors(form, error)
            else:
                messages.success(request, _("The draft plan was saved."))
                return redirect("ae:plan_detail", pk=plan.pk)
    else:
        today = timezone.localdate()
        form = plan_forms.PlanCreateForm(
            importers=eligible,
            initial={
                "importer": request.GET.get("importer"),
                "period_start": today,
                "period_end": plans.add_months(today, 12),
                "review_cadence": ReviewCadence.QUARTERLY,
            },
        )
        goals, touch_points = plan_forms.row_formsets()
    return _render_edit(
        request, form=form, goals=goals, touch_points=touch_points, ineligible=ineligible
    )


@plan_page
def plan_edit(request, pk: int):
    """Change a draft, or a plan sent back for changes (its importer's admins or its AE)."""
    plan = visible_plan(request, pk)
    if not plan.user_roles & plans.EDITOR_ROLES:
        raise Http404
    if not plans.can_edit(plan.status, plan.user_roles):
        messages.error(
            request,
            _(
                "This plan is %(status)s. A plan can be changed only while it is a draft "
                "or after changes were requested."
            )
            % {"status": plan.get_status_display().lower()},
        )
        return redirect("ae:plan_detail", pk=plan.pk)
    if request.method == "POST":
        form = plan_forms.PlanForm(request.POST)
        goals, touch_points = plan_forms.row_formsets(request.POST)
        if _ready(request, form, goals, touch_points):
            try:
                plan_services.update_plan(
                    plan, by=request.user, changes=_plan_fields(form, goals, touch_points)
                )
            except PlanConflict as exc:
                messages.error(request, str(exc))
                return redirect("ae:plan_detail", pk=plan.pk)
            except ValidationError as exc:
                plan_forms.add_service_errors(form, exc)
            else:
                messages.success(request, _("The plan was saved."))
                return redirect("ae:plan_detail", pk=plan.pk)
    else:
        form = plan_forms.PlanForm(initial=plan.editable_fields())
        goals, touch_points = plan_forms.row_formsets(
            goals=plan.goals, touch_points=plan.touch_points
        )
    return _render_edit(request, form=form, goals=goals, touch_points=touch_points, plan=plan)
