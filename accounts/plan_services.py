"""Engagement plan use cases (DESIGN.md §6): drafting, editing, the workflow and reviews.

Every function checks who may act (by the workflow table of `accounts.plans`), validates,
and changes rows through the plan's `transition` method, which writes the audit event.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import access

from . import plans
from .models import (
    AccountExecutiveAssignment,
    EngagementPlan,
    Importer,
    PlanReview,
    PlanVersion,
    User,
)
from .plans import PlanAction, PlanConflict, PlanStatus, ReviewCadence


def _locked(plan: EngagementPlan, by: User) -> EngagementPlan:
    """Return the plan row locked for this transaction, annotated with `by`'s roles."""
    return (
        access.plans.with_roles(by)
        .select_for_update(of=("self",))
        .select_related("importer")
        .get(pk=plan.pk)
    )


def _refuse(plan: EngagementPlan, message: str):
    raise PlanConflict(message, status=plan.status, allowed_actions=plan.user_allowed_actions)


def _checked(plan: EngagementPlan, action: str, *, by: User, comment: str) -> EngagementPlan:
    """Lock the plan and make sure `by` may take `action` on it now, with a valid comment."""
    plan = _locked(plan, by)
    if action not in plan.user_allowed_actions:
        _refuse(
            plan,
            _("You may not %(action)s a plan that is %(status)s.")
            % {
                "action": PlanAction(action).label.lower(),
                "status": plan.get_status_display().lower(),
            },
        )
    if plans.TRANSITIONS[action].comment_required and not comment.strip():
        raise ValidationError({"comment": _("Say what should change.")})
    return plan


def _normalized(changes: Mapping[str, Any]) -> dict[str, Any]:
    """Return editable fields in their stored form; refuse any other field."""
    unknown = set(changes) - set(plans.EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable fields of a plan: {sorted(unknown)}")
    fields = dict(changes)
    if "goals" in fields:
        fields["goals"] = [plans.canonical_goal(goal) for goal in fields["goals"]]
    if "touch_points" in fields:
        fields["touch_points"] = [plans.canonical_touch_point(p) for p in fields["touch_points"]]
    if "benefits" in fields:
        fields["benefits"] = plans.canonical_benefits(fields["benefits"])
    return fields


@transaction.atomic
def create_plan(
    importer: Importer,
    *,
    by: User,
    period_start: date,
    period_end: date,
    review_cadence: str = ReviewCadence.QUARTERLY,
    goals: Iterable[Mapping] = (),
    touch_points: Iterable[Mapping] = (),
    benefits: Iterable[str] = (),
) -> EngagementPlan:
    """Draft a plan for a trusted-partner importer with its active Account Executive."""
    if not access.plans.roles_on_importer(by, importer) & plans.CREATOR_ROLES:
        raise PermissionDenied(
            _("Only the importer's admins and its Account Executive draw up plans.")
        )
    failures = importer.trusted_partner_failures
    if failures:
        raise ValidationError(
            {
                "importer": _("%(name)s is not a trusted partner: %(reasons)s.")
                % {"name": importer.name, "reasons": "; ".join(failures)}
            }
        )
    assignment = AccountExecutiveAssignment.objects.filter(importer=importer).active().first()
    if assignment is None:
        raise ValidationError(
            {"importer": _("%(name)s has no Account Executive yet.") % {"name": importer.name}}
        )
    plan = EngagementPlan(
        importer=importer,
        ae_id=assignment.ae_id,
        created_by=by,
        **_normalized(
            {
                "period_start": period_start,
                "period_end": period_end,
                "review_cadence": review_cadence,
                "goals": list(goals),
                "touch_points": list(touch_points),
                "benefits": list(benefits),
            }
        ),
    )
    plan.full_clean(validate_constraints=False)
    plan.save()
    return plan


@transaction.atomic
def update_plan(plan: EngagementPlan, *, by: User, changes: Mapping[str, Any]) -> EngagementPlan:
    """Change a draft (or a plan sent back for changes) by its importer's admins or AE."""
    plan = _locked(plan, by)
    if not plans.can_edit(plan.status, plan.user_roles):
        _refuse(
            plan,
            _("You may not edit a plan that is %(status)s.")
            % {"status": plan.get_status_display().lower()},
        )
    fields = _normalized(changes)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean(validate_constraints=False)
    plan.save(update_fields=[*fields, "updated_at"])
    return plan


@transaction.atomic
def submit_plan(plan: EngagementPlan, *, by: User, comment: str = "") -> EngagementPlan:
    """Submit the plan for the AE's review, keeping an immutable snapshot as a new version."""
    plan = _checked(plan, PlanAction.SUBMIT, by=by, comment=comment)
    plan.version += 1
    plan.save(update_fields=["version", "updated_at"])
    event = plan.transition(PlanAction.SUBMIT, by=by, comment=comment)
    PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        snapshot=plans.snapshot(plan.editable_fields()),
        submitted_by=by,
        submitted_at=event.at,
    )
    return plan


@transaction.atomic
def request_plan_changes(plan: EngagementPlan, *, by: User, comment: str) -> EngagementPlan:
    """Send a submitted plan back to the importer with the AE's comment."""
    plan = _checked(plan, PlanAction.REQUEST_CHANGES, by=by, comment=comment)
    plan.transition(PlanAction.REQUEST_CHANGES, by=by, comment=comment)
    return plan


@transaction.atomic
def approve_plan(plan: EngagementPlan, *, by: User, comment: str = "") -> EngagementPlan:
    """Approve a submitted plan (the AE)."""
    plan = _checked(plan, PlanAction.APPROVE, by=by, comment=comment)
    plan.transition(PlanAction.APPROVE, by=by, comment=comment)
    return plan


@transaction.atomic
def activate_plan(plan: EngagementPlan, *, by: User, comment: str = "") -> EngagementPlan:
    """Activate an approved plan, closing the importer's previous active plan as superseded."""
    # The importer's row serialises activations, so two at once cannot both find no active plan.
    Importer.objects.select_for_update().filter(pk=plan.importer_id).first()
    plan = _checked(plan, PlanAction.ACTIVATE, by=by, comment=comment)
    superseded = (
        EngagementPlan.objects.select_for_update()
        .filter(importer_id=plan.importer_id)
        .active()
        .exclude(pk=plan.pk)
    )
    for previous in superseded:
        previous.transition(
            PlanAction.SUPERSEDE, by=by, comment=_("Superseded by plan %(id)s.") % {"id": plan.pk}
        )
    plan.transition(PlanAction.ACTIVATE, by=by, comment=comment)
    return plan


@transaction.atomic
def close_plan(plan: EngagementPlan, *, by: User, comment: str = "") -> EngagementPlan:
    """Close an active plan (the AE)."""
    plan = _checked(plan, PlanAction.CLOSE, by=by, comment=comment)
    plan.transition(PlanAction.CLOSE, by=by, comment=comment)
    return plan


# The service of each workflow action people take, for the API and the pages.
ACTION_SERVICES = {
    PlanAction.SUBMIT: submit_plan,
    PlanAction.REQUEST_CHANGES: request_plan_changes,
    PlanAction.APPROVE: approve_plan,
    PlanAction.ACTIVATE: activate_plan,
    PlanAction.CLOSE: close_plan,
}


def _progress(plan: EngagementPlan, progress: Iterable[Mapping]) -> list[dict]:
    """Return each goal's progress with the goal as planned; refuse unknown or repeated goals."""
    rows, seen = [], set()
    for item in progress:
        index = item["goal"]
        if not 0 <= index < len(plan.goals) or index in seen:
            raise ValidationError(
                {
                    "progress": _("Goal %(index)s is not a goal of the plan, or is repeated.")
                    % {"index": index}
                }
            )
        seen.add(index)
        rows.append(
            {
                "goal": index,
                **plan.goals[index],
                "actual": str(item["actual"]),
                "note": str(item.get("note", "")),
            }
        )
    return rows


def _mark_touch_points_done(
    plan: EngagementPlan, done: Iterable[Mapping], *, reviewed_on: date
) -> None:
    points = [dict(point) for point in plan.touch_points]
    for item in done:
        index, done_on = item["touch_point"], item["done_on"]
        if not 0 <= index < len(points):
            raise ValidationError(
                {
                    "touch_points_done": _("Touch point %(index)s is not in the plan.")
                    % {"index": index}
                }
            )
        if done_on > reviewed_on:
            raise ValidationError(
                {"touch_points_done": _("A touch point cannot be done after the review.")}
            )
        points[index]["done_on"] = done_on.isoformat()
    plan.touch_points = points


@transaction.atomic
def record_plan_review(
    plan: EngagementPlan,
    *,
    by: User,
    progress: Iterable[Mapping],
    reviewed_on: date | None = None,
    touch_points_done: Iterable[Mapping] = (),
    notes: str = "",
) -> PlanReview:
    """Record the AE's periodic review of an active plan, marking touch points done."""
    plan = _locked(plan, by)
    if not plan.user_roles & plans.REVIEWER_ROLES:
        raise PermissionDenied(_("Only the importer's Account Executive reviews its plan."))
    if plan.status != PlanStatus.ACTIVE:
        _refuse(plan, _("Only an active plan is reviewed."))
    reviewed_on = reviewed_on or timezone.localdate()
    if not plan.activated_on <= reviewed_on <= timezone.localdate():
        raise ValidationError(
            {"reviewed_on": _("A review falls between the activation and today.")}
        )
    rows = _progress(plan, progress)
    _mark_touch_points_done(plan, touch_points_done, reviewed_on=reviewed_on)
    plan.save(update_fields=["touch_points", "updated_at"])
    return PlanReview.objects.create(
        plan=plan,
        reviewed_on=reviewed_on,
        reviewed_by=by,
        progress=rows,
        touch_points_used=plans.touch_points_used(plan.touch_points, on=reviewed_on),
        touch_points_planned=len(plan.touch_points),
        notes=notes,
    )


def plans_with_review_due(ae: User, today: date) -> list[EngagementPlan]:
    """Return the AE's active plans whose periodic review is due by `today`, soonest first.

    Each plan carries `next_review_on`: one cadence after its last review, or after its
    activation when it has none yet.
    """
    due = []
    for plan in access.plans.served_by(ae).active().with_last_review().select_related("importer"):
        plan.next_review_on = plans.next_review_on(
            cadence=plan.review_cadence,
            activated_on=plan.activated_on,
            last_reviewed_on=plan.last_reviewed_on,
        )
        if plan.next_review_on <= today:
            due.append(plan)
    return sorted(due, key=lambda plan: (plan.next_review_on, plan.pk))
