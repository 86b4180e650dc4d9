"""What the Account Executive and engagement-plan pages share: paging, labels, the plan."""

from datetime import date

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

import access
from cee_portal import paging
from cee_portal.pages import for_users

from ..models import (
    EngagementPlan,
)
from ..plans import Benefit, PlanStatus, TouchPointKind

PER_PAGE = 25

plan_page = for_users(access.plans.uses_plan_pages)

# Colours of components/usa_tag.html for a plan's status.
STATUS_TAGS = {
    PlanStatus.SUBMITTED: "info",
    PlanStatus.CHANGES_REQUESTED: "warning",
    PlanStatus.APPROVED: "accent",
    PlanStatus.ACTIVE: "success",
}


def page_of(request, queryset, param: str, per_page: int = PER_PAGE):
    """One page of `queryset` from the query parameter `param`, with neighbour links."""
    return paging.page_of(request, queryset, per_page=per_page, param=param)


def day(value):
    return date.fromisoformat(value) if isinstance(value, str) and value else value or None


def label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def goal_rows(goals) -> list[dict]:
    return [dict(goal, number=index) for index, goal in enumerate(goals, start=1)]


def touch_point_rows(points) -> list[dict]:
    """Touch points with their kind in words and their dates as dates."""
    return [
        {
            "number": index,
            "kind": label(TouchPointKind, point.get("kind")),
            "planned_on": day(point.get("planned_on")),
            "purpose": point.get("purpose", ""),
            "done_on": day(point.get("done_on")),
        }
        for index, point in enumerate(points, start=1)
    ]


def benefit_labels(benefits) -> list[str]:
    return [label(Benefit, value) for value in benefits]


def plans_crumb():
    """The first step of every plan page's breadcrumbs: (label, url)."""
    return (_("Engagement plans"), reverse("ae:plans"))


def tagged(plans_shown):
    """Give each plan the colour of its status tag."""
    for plan in plans_shown:
        plan.status_tag = STATUS_TAGS.get(plan.status, "")
    return plans_shown


def visible_plan(request, pk: int) -> EngagementPlan:
    """The plan if the user sees it (404 otherwise), with their roles and its comments."""
    plans_seen = (
        access.plans.with_roles(request.user, access.plans.visible(request.user))
        .with_comments()
        .select_related("importer", "ae")
    )
    return tagged([get_object_or_404(plans_seen, pk=pk)])[0]
