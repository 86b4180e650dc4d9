"""Engagement-plan services on PostgreSQL: eligibility, workflow, versions, reviews."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts import plan_services
from accounts.models import (
    AccountExecutiveAssignment,
    EngagementPlan,
    PlanEvent,
    PlanReview,
    PlanVersion,
)
from accounts.plans import PlanAction, PlanConflict, PlanStatus
from accounts.services import assign_account_executive
from accounts.trust import CtpatTier
from tests.factories import MembershipFactory, TrustedPartnerFactory, UserFactory

from .builders import PATH_TO, advance, create_draft

pytestmark = pytest.mark.django_db
NY = ZoneInfo("America/New_York")


def test_an_importer_admin_drafts_a_plan_with_the_active_ae(account):
    plan = create_draft(account.importer, by=account.admin)
    assert (plan.status, plan.version, plan.ae, plan.created_by) == (
        PlanStatus.DRAFT,
        0,
        account.ae,
        account.admin,
    )
    assert plan.touch_points[0] == {
        "kind": "meeting",
        "planned_on": "2027-01-15",
        "purpose": "Kick-off",
        "done_on": None,
    }


def test_the_ae_may_draft_too(account):
    plan = create_draft(account.importer, by=account.ae)
    assert (plan.ae, plan.created_by) == (account.ae, account.ae)


@pytest.mark.parametrize("role", ["filer", "viewer", "other_ae", "other_trade"])
def test_others_may_not_draft(account, role):
    with pytest.raises(PermissionDenied):
        create_draft(account.importer, by=account.role(role))


@pytest.mark.parametrize(
    ("inputs", "criterion"),
    [
        ({"ctpat_tier": CtpatTier.TIER2}, "C-TPAT tier 3"),
        ({"isa_member": False}, "ISA / CTPAT Trade Compliance"),
        ({"financially_compliant": False}, "financial compliance"),
    ],
)
def test_a_plan_for_an_importer_that_is_no_trusted_partner_names_the_criterion(
    account, inputs, criterion
):
    # The AE assignment stays; the trust inputs changed since.
    type(account.importer).objects.filter(pk=account.importer.pk).update(**inputs)
    account.importer.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        create_draft(account.importer, by=account.admin)
    assert criterion in error.value.message_dict["importer"][0]
    assert not EngagementPlan.objects.exists()


def test_a_trusted_partner_without_an_ae_gets_no_plan(account):
    AccountExecutiveAssignment.objects.filter(importer=account.importer).active().update(
        ended_at=timezone.now()
    )
    with pytest.raises(ValidationError) as error:
        create_draft(account.importer, by=account.admin)
    assert "no Account Executive" in error.value.message_dict["importer"][0]


def test_the_period_must_not_end_before_it_starts(account):
    with pytest.raises(ValidationError) as error:
        create_draft(
            account.importer, by=account.admin, period_start="2027-06-01", period_end="2027-05-31"
        )
    assert "period_end" in error.value.message_dict


@pytest.mark.parametrize("status", [s for s in PlanStatus.values if s != PlanStatus.DRAFT])
def test_each_status_is_reached_through_the_table_with_one_event_per_step(make_plan, status):
    plan = make_plan(status)
    assert plan.status == status
    steps = list(plan.events.values_list("action", "from_status", "to_status"))
    assert [s[0] for s in steps] == PATH_TO[status]
    assert all(steps[i][2] == steps[i + 1][1] for i in range(len(steps) - 1))


def test_refused_actions_change_nothing(account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    with pytest.raises(PlanConflict) as error:
        plan_services.approve_plan(plan, by=account.admin)
    assert error.value.status == PlanStatus.SUBMITTED
    assert error.value.allowed_actions == []
    with pytest.raises(PlanConflict) as error:
        plan_services.submit_plan(plan, by=account.ae)
    assert error.value.allowed_actions == ["request_changes", "approve"]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SUBMITTED
    assert plan.events.count() == 1


def test_requesting_changes_needs_a_comment(account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    with pytest.raises(ValidationError):
        plan_services.request_plan_changes(plan, by=account.ae, comment="  ")
    plan_services.request_plan_changes(plan, by=account.ae, comment="Lower the baseline.")
    event = plan.events.last()
    assert (event.action, event.actor, event.comment) == (
        PlanAction.REQUEST_CHANGES,
        account.ae,
        "Lower the baseline.",
    )


def test_each_submission_keeps_a_version_that_later_edits_do_not_touch(account, make_plan):
    plan = make_plan(PlanStatus.CHANGES_REQUESTED)
    first = PlanVersion.objects.get(plan=plan, number=1)
    kept = dict(first.snapshot)
    plan_services.update_plan(plan, by=account.admin, changes={"review_cadence": "monthly"})
    plan_services.submit_plan(plan, by=account.admin)
    plan.refresh_from_db()
    assert plan.version == 2
    first.refresh_from_db()
    assert first.snapshot == kept
    assert kept["review_cadence"] == "quarterly"
    assert PlanVersion.objects.get(plan=plan, number=2).snapshot["review_cadence"] == "monthly"


@pytest.mark.parametrize(
    "status", [PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.CLOSED]
)
def test_a_plan_under_review_or_later_is_not_edited(account, make_plan, status):
    plan = make_plan(status)
    with pytest.raises(PlanConflict):
        plan_services.update_plan(plan, by=account.ae, changes={"review_cadence": "monthly"})


def test_activating_a_second_plan_closes_the_first_in_the_same_step(account, make_plan):
    first = make_plan(PlanStatus.ACTIVE)
    second = make_plan(PlanStatus.APPROVED)
    plan_services.activate_plan(second, by=account.ae)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (PlanStatus.CLOSED, PlanStatus.ACTIVE)
    superseded = first.events.last()
    assert (superseded.action, superseded.from_status, superseded.to_status) == (
        PlanAction.SUPERSEDE,
        PlanStatus.ACTIVE,
        PlanStatus.CLOSED,
    )
    assert str(second.pk) in superseded.comment
    assert EngagementPlan.objects.filter(importer=account.importer).active().count() == 1


def test_the_database_refuses_two_active_plans_for_one_importer(make_plan):
    first = make_plan(PlanStatus.ACTIVE)
    second = make_plan(PlanStatus.APPROVED)
    with pytest.raises(IntegrityError), transaction.atomic():
        EngagementPlan.objects.filter(pk=second.pk).update(status=PlanStatus.ACTIVE)
    assert EngagementPlan.objects.get(pk=first.pk).status == PlanStatus.ACTIVE


def test_another_importers_active_plan_is_not_superseded(account, make_plan):
    other = make_plan(PlanStatus.ACTIVE)
    importer = TrustedPartnerFactory()
    admin = MembershipFactory(importer=importer, role="admin").user
    assign_account_executive(importer, ae=account.ae, by=None)
    theirs = create_draft(importer, by=admin)
    assert advance(theirs, PATH_TO[PlanStatus.ACTIVE], by=account.ae).status == PlanStatus.ACTIVE
    other.refresh_from_db()
    assert other.status == PlanStatus.ACTIVE


def test_a_new_ae_takes_over_the_workflow_and_the_former_one_loses_it(account, make_plan):
    plan = make_plan(PlanStatus.SUBMITTED)
    successor = UserFactory(is_account_executive=True)
    assign_account_executive(account.importer, ae=successor, by=None)
    with pytest.raises(PlanConflict):
        plan_services.approve_plan(plan, by=account.ae)
    plan_services.approve_plan(plan, by=successor)
    assert EngagementPlan.objects.get(pk=plan.pk).status == PlanStatus.APPROVED


# Reviews -------------------------------------------------------------------------------


def _activated_on(plan, day: date):
    EngagementPlan.objects.filter(pk=plan.pk).update(
        activated_at=datetime(day.year, day.month, day.day, 10, tzinfo=NY)
    )
    plan.refresh_from_db()
    return plan


def test_the_ae_records_progress_per_goal_and_touch_points_used(account, make_plan):
    plan = _activated_on(make_plan(PlanStatus.ACTIVE), date(2026, 1, 5))
    review = plan_services.record_plan_review(
        plan,
        by=account.ae,
        reviewed_on=date(2026, 4, 6),
        progress=[{"goal": 0, "actual": "2.5%"}, {"goal": 1, "actual": "3 a year"}],
        touch_points_done=[{"touch_point": 0, "done_on": date(2026, 1, 20)}],
        notes="On track.",
    )
    assert [(row["goal"], row["target"], row["actual"]) for row in review.progress] == [
        (0, "1%", "2.5%"),
        (1, "4 a year", "3 a year"),
    ]
    assert (review.touch_points_used, review.touch_points_planned) == (1, 2)
    plan.refresh_from_db()
    assert plan.touch_points[0]["done_on"] == "2026-01-20"


def test_only_the_ae_reviews(account, make_plan):
    plan = make_plan(PlanStatus.ACTIVE)
    with pytest.raises(PermissionDenied):
        plan_services.record_plan_review(plan, by=account.admin, progress=[])


@pytest.mark.parametrize("status", [s for s in PlanStatus.values if s != PlanStatus.ACTIVE])
def test_only_an_active_plan_is_reviewed(account, make_plan, status):
    plan = make_plan(status)
    with pytest.raises(PlanConflict):
        plan_services.record_plan_review(plan, by=account.ae, progress=[])


@pytest.mark.parametrize(
    "kwargs",
    [
        {"progress": [{"goal": 2, "actual": "x"}]},
        {"progress": [{"goal": 0, "actual": "x"}, {"goal": 0, "actual": "y"}]},
        {"progress": [], "touch_points_done": [{"touch_point": 5, "done_on": date(2026, 2, 1)}]},
        {"progress": [], "touch_points_done": [{"touch_point": 0, "done_on": date(2026, 5, 1)}]},
        {"progress": [], "reviewed_on": date(2025, 12, 31)},
    ],
    ids=[
        "unknown-goal",
        "repeated-goal",
        "unknown-touch-point",
        "done-after-review",
        "before-activation",
    ],
)
def test_bad_reviews_are_refused_and_change_nothing(account, make_plan, kwargs):
    plan = _activated_on(make_plan(PlanStatus.ACTIVE), date(2026, 1, 5))
    kwargs.setdefault("reviewed_on", date(2026, 4, 6))
    with pytest.raises(ValidationError):
        plan_services.record_plan_review(plan, by=account.ae, **kwargs)
    assert not PlanReview.objects.exists()
    plan.refresh_from_db()
    assert all(point["done_on"] is None for point in plan.touch_points)


@pytest.mark.parametrize(
    ("cadence", "last_review", "today", "due"),
    [
        ("quarterly", None, date(2026, 4, 4), False),
        ("quarterly", None, date(2026, 4, 5), True),
        ("monthly", None, date(2026, 2, 5), True),
        ("semiannual", None, date(2026, 7, 4), False),
        ("quarterly", date(2026, 4, 1), date(2026, 4, 5), False),
        ("quarterly", date(2026, 4, 1), date(2026, 7, 1), True),
    ],
)
def test_a_review_falls_due_one_cadence_after_the_last_one_or_the_activation(
    account, make_plan, cadence, last_review, today, due
):
    plan = _activated_on(make_plan(PlanStatus.ACTIVE, review_cadence=cadence), date(2026, 1, 5))
    if last_review:
        PlanReview.objects.create(
            plan=plan,
            reviewed_on=last_review,
            reviewed_by=account.ae,
            touch_points_used=0,
            touch_points_planned=2,
        )
    found = plan_services.plans_with_review_due(account.ae, today)
    assert [p.pk for p in found] == ([plan.pk] if due else [])
    if due:
        assert found[0].next_review_on <= today


def test_review_reminders_go_only_to_the_accounts_ae(account, make_plan):
    plan = _activated_on(make_plan(PlanStatus.ACTIVE), date(2026, 1, 5))
    make_plan(PlanStatus.APPROVED)  # not active: never due
    assert plan_services.plans_with_review_due(account.other_ae, date(2027, 1, 1)) == []
    assert [p.pk for p in plan_services.plans_with_review_due(account.ae, date(2027, 1, 1))] == [
        plan.pk
    ]


def test_events_are_written_for_every_transition_only(account, make_plan):
    make_plan(PlanStatus.CLOSED)
    assert list(PlanEvent.objects.values_list("action", flat=True)) == [
        "submit",
        "approve",
        "activate",
        "close",
    ]
