"""The Account Executive dashboard: accounts, open inquiries, plans to review, touch points."""

from datetime import date

from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from cee_portal.pages import ae_page
from inquiries.models import Referral

from .. import plan_services, plans
from ..models import (
    EngagementPlan,
    Importer,
    RiskSegment,
)
from .common import (
    page_of,
    tagged,
)

# Colours of components/usa_tag.html for an account's risk segment.
RISK_TAGS = {RiskSegment.LOW: "success", RiskSegment.MEDIUM: "warning", RiskSegment.HIGH: "error"}


def _risk_trend(importer: Importer) -> str:
    if importer.risk_score is None or importer.risk_previous_score is None:
        return ""
    change = importer.risk_score - importer.risk_previous_score
    if change > 0:
        return _("up %(points)s") % {"points": change}
    if change < 0:
        return _("down %(points)s") % {"points": -change}
    return _("unchanged")


def _dashboard_accounts(request, today: date):
    importers = (
        access.importers.served_by(request.user)
        .prefetch_related(
            Prefetch(
                "engagement_plans",
                queryset=EngagementPlan.objects.active(),
                to_attr="active_plans",
            )
        )
        .order_by("name", "pk")
    )
    page = page_of(request, importers, "accounts_page")
    for importer in page:
        importer.risk_trend = _risk_trend(importer)
        importer.risk_tag = RISK_TAGS.get(importer.risk_segment, "")
        plan = importer.active_plans[0] if importer.active_plans else None
        importer.active_plan = plan
        if plan is not None:
            importer.touch_points_planned = len(plan.touch_points)
            importer.touch_points_used = plans.touch_points_used(plan.touch_points, on=today)
    return page


def _dashboard_inquiries(request, today: date):
    inquiries = (
        access.inquiries.served_by(request.user, access.inquiries.visible(request.user).open())
        .select_related("importer", "center")
        .prefetch_related(Prefetch("referrals", queryset=Referral.objects.order_by("id")))
        .queue_order()
    )
    page = page_of(request, inquiries, "inquiries_page")
    for inquiry in page:
        inquiry.days_left = (inquiry.due - today).days if inquiry.due else None
        inquiry.is_overdue = inquiry.days_left is not None and inquiry.days_left < 0
        inquiry.days_late = -inquiry.days_left if inquiry.is_overdue else 0
    return page


@ae_page
def dashboard(request):
    """An Account Executive's accounts, their open inquiries, plans to review, touch points."""
    today = timezone.localdate()
    accounts = _dashboard_accounts(request, today)
    waiting = (
        access.plans.served_by(request.user)
        .awaiting_approval()
        .select_related("importer")
        .order_by("updated_at", "pk")
    )
    return render(
        request,
        "ae/dashboard.html",
        {
            "today": today,
            "accounts": accounts,
            "charted": [a for a in accounts if a.active_plan is not None],
            "inquiries": _dashboard_inquiries(request, today),
            "waiting": tagged(page_of(request, waiting, "waiting_page")),
            "reviews_due": plan_services.plans_with_review_due(request.user, today),
        },
    )
