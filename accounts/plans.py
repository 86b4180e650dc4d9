"""Engagement plans (DESIGN.md §6): the workflow table and pure helpers.

The table is the single source of the plan lifecycle: the models move status through it,
the services ask it what a user may do, and the API lists `allowed_actions` from it.
Nothing here touches the database.
"""

import calendar
import json
from dataclasses import dataclass
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class PlanAction(models.TextChoices):
    SUBMIT = "submit", _("Submit")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    APPROVE = "approve", _("Approve")
    ACTIVATE = "activate", _("Activate")
    CLOSE = "close", _("Close")
    # Taken by the system only: activating a plan supersedes the importer's active one.
    SUPERSEDE = "supersede", _("Supersede")


class PlanRole(models.TextChoices):
    """What a user is to a plan, as far as acting on it goes (readers have no role)."""

    IMPORTER_ADMIN = "importer_admin", _("Importer admin")
    AE = "ae", _("Account Executive")


class ReviewCadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    SEMIANNUAL = "semiannual", _("Semiannual")


class TouchPointKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    REVIEW = "review", _("Review")
    VALIDATION = "validation", _("Validation")
    VISIT = "visit", _("Visit")


class Benefit(models.TextChoices):
    REDUCED_EXAMINATIONS = "reduced_examinations", _("Reduced examinations")
    BLANKET_CERTIFICATIONS = "blanket_certifications", _("Blanket certifications")
    PREFERRED_EXAM_LOCATION = "preferred_exam_location", _("Preferred exam location")
    OTHER = "other", _("Other")


CADENCE_MONTHS = {
    ReviewCadence.MONTHLY: 1,
    ReviewCadence.QUARTERLY: 3,
    ReviewCadence.SEMIANNUAL: 6,
}


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    comment_required: bool = False


_ANYONE_ACTING = frozenset({PlanRole.IMPORTER_ADMIN, PlanRole.AE})
_AE = frozenset({PlanRole.AE})

TRANSITIONS: dict[str, Transition] = {
    PlanAction.SUBMIT: Transition(
        sources=frozenset({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED}),
        target=PlanStatus.SUBMITTED,
        roles=_ANYONE_ACTING,
    ),
    PlanAction.REQUEST_CHANGES: Transition(
        sources=frozenset({PlanStatus.SUBMITTED}),
        target=PlanStatus.CHANGES_REQUESTED,
        roles=_AE,
        comment_required=True,
    ),
    PlanAction.APPROVE: Transition(
        sources=frozenset({PlanStatus.SUBMITTED}), target=PlanStatus.APPROVED, roles=_AE
    ),
    PlanAction.ACTIVATE: Transition(
        sources=frozenset({PlanStatus.APPROVED}), target=PlanStatus.ACTIVE, roles=_AE
    ),
    PlanAction.CLOSE: Transition(
        sources=frozenset({PlanStatus.ACTIVE}), target=PlanStatus.CLOSED, roles=_AE
    ),
    PlanAction.SUPERSEDE: Transition(
        sources=frozenset({PlanStatus.ACTIVE}), target=PlanStatus.CLOSED, roles=frozenset()
    ),
}

# Actions people take (through the API, pages and services); the rest are the system's.
USER_ACTIONS: tuple[str, ...] = tuple(a for a, t in TRANSITIONS.items() if t.roles)

EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED})
EDITOR_ROLES = _ANYONE_ACTING
CREATOR_ROLES = _ANYONE_ACTING
REVIEWER_ROLES = _AE

# The fields an editor writes; a version snapshot holds exactly these.
SCALAR_FIELDS = ("period_start", "period_end", "review_cadence", "benefits")
LIST_FIELDS = ("goals", "touch_points")
EDITABLE_FIELDS = SCALAR_FIELDS + LIST_FIELDS
GOAL_KEYS = ("area", "measure", "baseline", "target")
TOUCH_POINT_KEYS = ("kind", "planned_on", "purpose", "done_on")


class PlanConflict(Exception):
    """The user may not do this to the plan in its current state (answered with 409)."""

    def __init__(self, message: str, *, status: str, allowed_actions: list[str]):
        super().__init__(message)
        self.status = status
        self.allowed_actions = allowed_actions


def allowed_actions(status: str, roles: frozenset[str]) -> list[str]:
    """Return the actions a user with `roles` may take on a plan in `status`, in table order."""
    return [
        action
        for action, step in TRANSITIONS.items()
        if status in step.sources and roles & step.roles
    ]


def can_edit(status: str, roles: frozenset[str]) -> bool:
    """Return whether a user with `roles` may change a plan's content in `status`."""
    return status in EDITABLE_STATUSES and bool(roles & EDITOR_ROLES)


def roles_from(*, is_importer_admin: bool, is_ae: bool) -> frozenset[str]:
    """Return the acting roles for the two facts the access policy establishes."""
    roles = set()
    if is_importer_admin:
        roles.add(PlanRole.IMPORTER_ADMIN)
    if is_ae:
        roles.add(PlanRole.AE)
    return frozenset(roles)


def json_ready(value):
    """Return `value` as plain JSON types (dates become ISO strings)."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def canonical_goal(goal: dict) -> dict:
    """Return a goal with exactly its keys, in their order."""
    return {key: goal.get(key, "") for key in GOAL_KEYS}


def canonical_touch_point(point: dict) -> dict:
    """Return a touch point with exactly its keys, in their order (`done_on` may be null)."""
    return json_ready({key: point.get(key) for key in TOUCH_POINT_KEYS})


def canonical_benefits(benefits) -> list[str]:
    """Return the benefits once each, in the order of `Benefit`."""
    chosen = set(benefits)
    return [b.value for b in Benefit if b.value in chosen]


def snapshot(fields: dict) -> dict:
    """Return the JSON snapshot of a plan's editable fields, as a version keeps it."""
    return json_ready({name: fields[name] for name in EDITABLE_FIELDS})


def diff_snapshots(before: dict, after: dict) -> list[dict]:
    """Return one change per scalar field, goal or touch point (by position) that differs."""
    changes = [
        {"field": name, "before": before.get(name), "after": after.get(name)}
        for name in SCALAR_FIELDS
        if before.get(name) != after.get(name)
    ]
    for name in LIST_FIELDS:
        old, new = before.get(name) or [], after.get(name) or []
        for index in range(max(len(old), len(new))):
            item_before = old[index] if index < len(old) else None
            item_after = new[index] if index < len(new) else None
            if item_before != item_after:
                changes.append(
                    {"field": f"{name}[{index}]", "before": item_before, "after": item_after}
                )
    return changes


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_on(*, cadence: str, activated_on: date, last_reviewed_on: date | None) -> date:
    """Return when the next periodic review falls due: one cadence after the last one."""
    return add_months(last_reviewed_on or activated_on, CADENCE_MONTHS[cadence])


def touch_points_used(touch_points: list[dict], *, on: date) -> int:
    """Return how many touch points were done on or before `on`."""
    return sum(
        1 for point in touch_points if point.get("done_on") and point["done_on"] <= on.isoformat()
    )
