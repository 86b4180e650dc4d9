"""The Account Executive dashboard: accounts, open inquiries, plans to review, touch points."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Importer, TradeRole
from accounts.plans import PlanStatus
from accounts.services import assign_account_executive
from inquiries import services as inquiry_services
from inquiries.models import Inquiry
from tests.factories import (
    CenterStaffFactory,
    MembershipFactory,
    TrustedPartnerFactory,
    UserFactory,
)
from tests.plans.builders import PATH_TO, advance, create_draft

pytestmark = pytest.mark.django_db


def account_of(ae, *, plan_status=None, inquiries=0, **importer_fields):
    """A trusted partner served by `ae`, maybe with a plan and open inquiries."""
    importer = TrustedPartnerFactory(**importer_fields)
    admin = MembershipFactory(importer=importer, role=TradeRole.ADMIN).user
    assign_account_executive(importer, ae=ae, by=None)
    if plan_status is not None:
        plan = create_draft(importer, by=admin)
        advance(plan, PATH_TO[plan_status], by=ae)
    for number in range(inquiries):
        inquiry_services.file_inquiry(
            importer, by=admin, type="policy_clarification", subject=f"Question {number}"
        )
    return importer


@pytest.fixture
def ae():
    return UserFactory(is_account_executive=True)


def dashboard(client, user):
    client.force_login(user)
    return client.get(reverse("ae:dashboard"))


def test_the_dashboard_is_for_account_executives_only(client, ae):
    response = client.get(reverse("ae:dashboard"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    trade = MembershipFactory(importer=TrustedPartnerFactory(), role=TradeRole.ADMIN).user
    assert dashboard(client, trade).status_code == 404
    assert dashboard(client, CenterStaffFactory().user).status_code == 404
    assert dashboard(client, ae).status_code == 200


def test_accounts_show_service_level_trust_and_risk_once_computed(client, ae):
    fresh = account_of(ae, name="Fresh Imports Inc.")
    scored = account_of(ae, name="Scored Imports Inc.")
    Importer.objects.filter(pk=scored.pk).update(
        risk_score=62, risk_previous_score=48, risk_segment="high"
    )
    account_of(UserFactory(is_account_executive=True), name="Someone Else's Account Inc.")
    response = dashboard(client, ae)
    page = response.content.decode()
    assert [a.name for a in response.context["accounts"]] == [fresh.name, scored.name]
    assert "Someone Else" not in page
    assert "ISA / CTPAT Trade Compliance" in page and "Trusted partner" in page
    assert "Not computed yet" in page
    rows = {a.name: a for a in response.context["accounts"]}
    assert rows[scored.name].risk_trend == "up 14"
    assert rows[fresh.name].risk_trend == ""
    assert "62" in page and ">High<" in page and "up 14" in page


def test_open_inquiries_of_the_accounts_show_their_clocks_and_overdue_ones(client, ae):
    importer = account_of(ae, inquiries=3)
    account_of(UserFactory(is_account_executive=True), inquiries=1)
    today = timezone.localdate()
    late, soon, closed = Inquiry.objects.filter(importer=importer).order_by("id")
    Inquiry.objects.filter(pk=late.pk).update(due=today - timedelta(days=3))
    Inquiry.objects.filter(pk=soon.pk).update(due=today + timedelta(days=5))
    Inquiry.objects.filter(pk=closed.pk).update(status="closed")
    response = dashboard(client, ae)
    shown = list(response.context["inquiries"])
    assert [i.reference for i in shown] == [late.reference, soon.reference]
    assert [(i.days_left, i.is_overdue) for i in shown] == [(-3, True), (5, False)]
    page = response.content.decode()
    assert "Overdue" in page and "3 days late" in page
    assert reverse("inquiries:detail", kwargs={"reference": late.reference}) in page


def test_plans_waiting_for_review_and_reviews_due(client, ae):
    waiting = account_of(ae, plan_status=PlanStatus.SUBMITTED, name="Waiting Imports Inc.")
    active = account_of(ae, plan_status=PlanStatus.ACTIVE, name="Active Imports Inc.")
    account_of(UserFactory(is_account_executive=True), plan_status=PlanStatus.SUBMITTED)
    plan = active.engagement_plans.get()
    type(plan).objects.filter(pk=plan.pk).update(activated_at=timezone.now() - timedelta(days=120))
    response = dashboard(client, ae)
    assert [p.importer for p in response.context["waiting"]] == [waiting]
    assert [p.importer for p in response.context["reviews_due"]] == [active]
    page = response.content.decode()
    assert reverse("ae:plan_detail", args=[waiting.engagement_plans.get().pk]) in page
    assert reverse("ae:plan_review", args=[plan.pk]) in page


def test_touch_points_used_and_planned_as_a_chart_with_a_table(client, ae):
    importer = account_of(ae, plan_status=PlanStatus.ACTIVE, name="Charted Imports Inc.")
    account_of(ae, name="No Plan Inc.")
    plan = importer.engagement_plans.get()
    points = [dict(point) for point in plan.touch_points]
    points[0]["done_on"] = (timezone.localdate() - timedelta(days=1)).isoformat()
    type(plan).objects.filter(pk=plan.pk).update(touch_points=points)
    response = dashboard(client, ae)
    charted = response.context["charted"]
    assert [(a.name, a.touch_points_used, a.touch_points_planned) for a in charted] == [
        ("Charted Imports Inc.", 1, 2)
    ]
    page = response.content.decode()
    assert 'data-chart-table="touch-points-table"' in page
    assert 'id="touch-points-table"' in page
    assert "vendor/chartjs/chart.umd.min.js" in page


def test_long_lists_paginate(client, ae):
    for _ in range(26):
        account_of(ae)
    response = dashboard(client, ae)
    assert len(response.context["accounts"]) == 25
    assert response.context["accounts"].next_url == "/ae/?accounts_page=2"
    second = client.get(reverse("ae:dashboard") + "?accounts_page=2")
    assert len(second.context["accounts"]) == 1


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("ae:dashboard")).status_code == 200
    return len(captured)


def _grow(ae, count: int) -> None:
    for number in range(count):
        status = [PlanStatus.ACTIVE, PlanStatus.SUBMITTED][number % 2]
        account_of(ae, plan_status=status, inquiries=2)


def test_the_dashboard_makes_as_many_queries_for_many_accounts_as_for_few(client, ae):
    _grow(ae, 2)
    client.force_login(ae)
    few = _queries(client)
    _grow(ae, 12)
    Inquiry.objects.update(due=timezone.localdate() - timedelta(days=1))
    assert _queries(client) == few
