"""The workflow table and the pure helpers of accounts.plans."""

from datetime import date

import pytest

from accounts import plans
from accounts.plans import PlanAction, PlanRole, PlanStatus

ADMIN, AE = PlanRole.IMPORTER_ADMIN, PlanRole.AE

# DESIGN.md §6, written out: (status, action, role) that are allowed; everything else is not.
ALLOWED = {
    (PlanStatus.DRAFT, PlanAction.SUBMIT, ADMIN),
    (PlanStatus.DRAFT, PlanAction.SUBMIT, AE),
    (PlanStatus.CHANGES_REQUESTED, PlanAction.SUBMIT, ADMIN),
    (PlanStatus.CHANGES_REQUESTED, PlanAction.SUBMIT, AE),
    (PlanStatus.SUBMITTED, PlanAction.REQUEST_CHANGES, AE),
    (PlanStatus.SUBMITTED, PlanAction.APPROVE, AE),
    (PlanStatus.APPROVED, PlanAction.ACTIVATE, AE),
    (PlanStatus.ACTIVE, PlanAction.CLOSE, AE),
}

ROLE_SETS = [frozenset(), frozenset({ADMIN}), frozenset({AE}), frozenset({ADMIN, AE})]


@pytest.mark.parametrize("status", PlanStatus.values)
@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: "+".join(sorted(r)) or "reader")
def test_allowed_actions_follow_the_design_table(status, roles):
    expected = [
        action
        for action in plans.USER_ACTIONS
        if any((status, action, role) in ALLOWED for role in roles)
    ]
    assert plans.allowed_actions(status, roles) == expected


def test_supersede_is_the_systems_and_closes_an_active_plan():
    step = plans.TRANSITIONS[PlanAction.SUPERSEDE]
    assert step.roles == frozenset()
    assert (step.sources, step.target) == ({PlanStatus.ACTIVE}, PlanStatus.CLOSED)
    assert PlanAction.SUPERSEDE not in plans.USER_ACTIONS


def test_only_request_changes_needs_a_comment():
    assert [a for a, t in plans.TRANSITIONS.items() if t.comment_required] == [
        PlanAction.REQUEST_CHANGES
    ]


@pytest.mark.parametrize("status", PlanStatus.values)
@pytest.mark.parametrize("roles", ROLE_SETS, ids=lambda r: "+".join(sorted(r)) or "reader")
def test_editors_edit_only_drafts_and_plans_sent_back(status, roles):
    expected = bool(roles) and status in (PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED)
    assert plans.can_edit(status, roles) is expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 15), 1, date(2027, 2, 15)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 12, 1), 1, date(2028, 1, 1)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(day, months, expected):
    assert plans.add_months(day, months) == expected


@pytest.mark.parametrize(
    ("cadence", "last_reviewed_on", "expected"),
    [
        ("monthly", None, date(2027, 3, 10)),
        ("quarterly", None, date(2027, 5, 10)),
        ("semiannual", None, date(2027, 8, 10)),
        ("quarterly", date(2027, 4, 20), date(2027, 7, 20)),
    ],
)
def test_next_review_is_one_cadence_after_the_last_review_or_the_activation(
    cadence, last_reviewed_on, expected
):
    assert (
        plans.next_review_on(
            cadence=cadence, activated_on=date(2027, 2, 10), last_reviewed_on=last_reviewed_on
        )
        == expected
    )


def _snapshot(**changes):
    base = {
        "period_start": "2027-01-01",
        "period_end": "2027-12-31",
        "review_cadence": "quarterly",
        "benefits": ["reduced_examinations"],
        "goals": [
            {"area": "a", "measure": "m", "baseline": "1", "target": "2"},
            {"area": "b", "measure": "m", "baseline": "1", "target": "2"},
        ],
        "touch_points": [
            {"kind": "meeting", "planned_on": "2027-02-01", "purpose": "p", "done_on": None},
        ],
    }
    base.update(changes)
    return base


def test_identical_snapshots_have_no_changes():
    assert plans.diff_snapshots(_snapshot(), _snapshot()) == []


def test_diff_names_each_changed_scalar_goal_and_touch_point_by_position():
    before = _snapshot()
    goals = [dict(g) for g in before["goals"]]
    goals[1]["target"] = "3"
    goals.append({"area": "c", "measure": "m", "baseline": "0", "target": "1"})
    after = _snapshot(review_cadence="monthly", goals=goals, touch_points=[], benefits=["other"])
    changes = plans.diff_snapshots(before, after)
    assert [c["field"] for c in changes] == [
        "review_cadence",
        "benefits",
        "goals[1]",
        "goals[2]",
        "touch_points[0]",
    ]
    by_field = {c["field"]: c for c in changes}
    assert by_field["goals[1]"] == {
        "field": "goals[1]",
        "before": before["goals"][1],
        "after": goals[1],
    }
    assert by_field["goals[2]"]["before"] is None
    assert by_field["touch_points[0]"]["after"] is None
    assert by_field["review_cadence"] == {
        "field": "review_cadence",
        "before": "quarterly",
        "after": "monthly",
    }


def test_benefits_are_stored_once_each_in_enum_order():
    assert plans.canonical_benefits(["other", "reduced_examinations", "other"]) == [
        "reduced_examinations",
        "other",
    ]


def test_touch_points_used_counts_those_done_by_the_day():
    points = [
        {"done_on": "2027-02-01"},
        {"done_on": "2027-03-02"},
        {"done_on": None},
    ]
    assert plans.touch_points_used(points, on=date(2027, 3, 1)) == 1
