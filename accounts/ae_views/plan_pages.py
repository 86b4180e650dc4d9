"""The plan list, the plan page, its workflow actions and the AE's periodic reviews."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access
from cee_portal.pages import confirmation_page, confirmed, form_target, restore_typed_text

from .. import plan_forms, plan_services, plans
from ..models import AccountExecutiveAssignment
from ..plans import PlanAction, PlanConflict, PlanStatus
from .common import (
    benefit_labels,
    goal_rows,
    page_of,
    plan_page,
    plans_crumb,
    tagged,
    touch_point_rows,
    visible_plan,
)

ACTION_DONE = {
    PlanAction.SUBMIT: gettext_lazy("The plan was submitted for review."),
    PlanAction.REQUEST_CHANGES: gettext_lazy(
        "Changes were requested; the plan went back to the importer."
    ),
    PlanAction.APPROVE: gettext_lazy("The plan was approved."),
    PlanAction.ACTIVATE: gettext_lazy("The plan is active."),
    PlanAction.CLOSE: gettext_lazy("The plan was closed."),
}

# The button of each action on the plan page.
ACTION_BUTTONS = {
    PlanAction.SUBMIT: gettext_lazy("Submit for review"),
    PlanAction.REQUEST_CHANGES: gettext_lazy("Request changes"),
    PlanAction.APPROVE: gettext_lazy("Approve the plan"),
    PlanAction.ACTIVATE: gettext_lazy("Activate the plan"),
    PlanAction.CLOSE: gettext_lazy("Close the plan"),
}


def _accounts_for_plans(request):
    """The user's accounts with what they may do about plans, or why they may not."""
    has_ae = Exists(AccountExecutiveAssignment.objects.active().filter(importer=OuterRef("pk")))
    importers = (
        access.importers.visible(request.user)
        .annotate(has_ae=has_ae, **access.plans.role_annotations(request.user, "pk"))
        .order_by("name", "pk")
    )
    page = page_of(request, importers, "accounts_page")
    for importer in page:
        roles = plans.roles_from(
            is_importer_admin=importer.user_is_importer_admin, is_ae=importer.user_is_ae
        )
        importer.failures = importer.trusted_partner_failures
        importer.may_start = bool(roles & plans.CREATOR_ROLES)
    return page


@plan_page
def plan_list(request):
    """The plans the user sees and, per account, a new plan or why there can be none."""
    visible = (
        access.plans.visible(request.user)
        .select_related("importer", "ae")
        .order_by("importer__name", "-created_at", "-id")
    )
    return render(
        request,
        "plans/list.html",
        {
            "plans": tagged(page_of(request, visible, "page")),
            "accounts": _accounts_for_plans(request),
        },
    )


def _action_forms(plan, bound=None):
    """A form per action open to the user now; `bound` replaces the one that was posted."""
    forms = []
    for action in plan.user_allowed_actions:
        if bound is not None and bound.prefix == action:
            form = bound
        else:
            form = plan_forms.PlanActionForm(
                action=action,
                comment_required=plans.TRANSITIONS[action].comment_required,
                action_label=ACTION_BUTTONS[action],
            )
        forms.append({"action": action, "label": ACTION_BUTTONS[action], "form": form})
    return forms


def _check_seen(request, pk, **_url_keywords) -> None:
    """404 unless the user sees the plan, as its page answers."""
    visible_plan(request, pk)


# Closing cannot be undone: a closed plan is never reopened or edited, so it asks first.
CONFIRM_FIRST = {PlanAction.CLOSE}


def _confirm_close(request, plan, form):
    names = {"account": plan.importer.name}
    detail_url = reverse("ae:plan_detail", args=[plan.pk])
    heading = _("Close the engagement plan of %(account)s?") % names
    return confirmation_page(
        request,
        heading=heading,
        consequences=[
            _(
                "A closed plan cannot be reopened or edited. Its goals, comments and reviews "
                "stay on record."
            ),
            _("To agree on new goals with %(account)s afterwards, start a new plan.") % names,
        ],
        button=_("Yes, close the plan"),
        cancel_url=detail_url,
        details=[
            (
                _("Plan period"),
                _("%(start)s to %(end)s")
                % {"start": date_format(plan.period_start), "end": date_format(plan.period_end)},
            ),
            (str(form.fields["comment"].label), form.cleaned_data["comment"]),
        ],
        crumbs=[plans_crumb(), (plan.importer.name, detail_url), (heading, "")],
    )


def _render_detail(request, plan, *, bound=None, status=200):
    versions = list(plan.versions.select_related("submitted_by").order_by("number"))
    reviews = list(plan.reviews.select_related("reviewed_by"))
    for review in reviews:
        review.rows = [dict(row, number=row["goal"] + 1) for row in review.progress]
    roles = plan.user_roles
    action_forms = _action_forms(plan, bound)
    restore_typed_text(request, [entry["form"] for entry in action_forms])
    context = {
        "plan": plan,
        "goals": goal_rows(plan.goals),
        "touch_points": touch_point_rows(plan.touch_points),
        "touch_points_used": plans.touch_points_used(plan.touch_points, on=timezone.localdate()),
        "benefits": benefit_labels(plan.benefits),
        "comments": plan.comment_events,
        "versions": versions,
        "reviews": reviews,
        "action_forms": action_forms,
        "can_edit": plans.can_edit(plan.status, roles),
        "can_review": bool(roles & plans.REVIEWER_ROLES) and plan.status == PlanStatus.ACTIVE,
        "crumbs": [plans_crumb(), (plan.importer.name, "")],
    }
    return render(request, "plans/detail.html", context, status=status)


@plan_page
def plan_detail(request, pk: int):
    """One plan: content, comments, versions, reviews and the actions open to the user."""
    return _render_detail(request, visible_plan(request, pk))


@form_target("ae:plan_detail", keys=("pk",), check=_check_seen)
@plan_page
def plan_action(request, pk: int, action: str):
    """Take a workflow action on the plan through its service."""
    plan = visible_plan(request, pk)
    if action not in plans.USER_ACTIONS:
        raise Http404
    if action not in plan.user_allowed_actions:
        messages.error(
            request,
            _("You may not %(action)s this plan now: it is %(status)s.")
            % {"action": PlanAction(action).label.lower(), "status": plan.get_status_display()},
        )
        return redirect("ae:plan_detail", pk=plan.pk)
    form = plan_forms.PlanActionForm(
        request.POST,
        action=action,
        comment_required=plans.TRANSITIONS[action].comment_required,
        action_label=ACTION_BUTTONS[action],
    )
    if form.is_valid() and action in CONFIRM_FIRST and not confirmed(request):
        return _confirm_close(request, plan, form)
    if form.is_valid():
        try:
            plan_services.ACTION_SERVICES[action](
                plan, by=request.user, comment=form.cleaned_data["comment"]
            )
        except PlanConflict as exc:
            messages.error(request, str(exc))
            return redirect("ae:plan_detail", pk=plan.pk)
        except ValidationError as exc:
            plan_forms.add_service_errors(form, exc)
        else:
            messages.success(request, ACTION_DONE[action])
            return redirect("ae:plan_detail", pk=plan.pk)
    return _render_detail(request, plan, bound=form, status=400)


@plan_page
def plan_review(request, pk: int):
    """The AE records a periodic review of an active plan: progress per goal, touch points."""
    plan = visible_plan(request, pk)
    if not plan.user_roles & plans.REVIEWER_ROLES:
        raise Http404
    if plan.status != PlanStatus.ACTIVE:
        messages.error(request, _("Only an active plan is reviewed."))
        return redirect("ae:plan_detail", pk=plan.pk)
    form = plan_forms.PlanReviewForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            plan_services.record_plan_review(plan, by=request.user, **form.service_arguments())
        except PlanConflict as exc:
            messages.error(request, str(exc))
            return redirect("ae:plan_detail", pk=plan.pk)
        except ValidationError as exc:
            plan_forms.add_service_errors(form, exc)
        else:
            messages.success(request, _("The review was recorded."))
            return redirect("ae:plan_detail", pk=plan.pk)
    detail_url = reverse("ae:plan_detail", args=[plan.pk])
    return render(
        request,
        "plans/review.html",
        {
            "plan": plan,
            "form": form,
            "crumbs": [plans_crumb(), (plan.importer.name, detail_url), (_("Record a review"), "")],
        },
        status=400 if form.errors else 200,
    )
