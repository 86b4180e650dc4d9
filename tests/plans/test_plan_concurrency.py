"""Two people acting on plans at once: the row locks let exactly one outcome through."""

import threading

import pytest
from django.db import connection

from accounts import plan_services
from accounts.models import EngagementPlan
from accounts.plans import PlanConflict, PlanStatus

from .builders import PATH_TO, advance, create_draft, make_account

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_together(*calls):
    """Run the calls in threads started at once; return each one's result or exception."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as exc:  # the test inspects what each call met
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_activations_at_once_leave_one_active_plan():
    account = make_account()
    plans = [
        advance(
            create_draft(account.importer, by=account.admin),
            PATH_TO[PlanStatus.APPROVED],
            by=account.ae,
        )
        for _ in range(2)
    ]
    results = run_together(
        *(lambda p=p: plan_services.activate_plan(p, by=account.ae) for p in plans)
    )
    assert not [r for r in results if isinstance(r, Exception)]
    statuses = sorted(EngagementPlan.objects.values_list("status", flat=True))
    assert statuses == [PlanStatus.ACTIVE, PlanStatus.CLOSED]


def test_approving_and_sending_back_at_once_lets_one_win():
    account = make_account()
    plan = advance(
        create_draft(account.importer, by=account.admin),
        PATH_TO[PlanStatus.SUBMITTED],
        by=account.ae,
    )
    results = run_together(
        lambda: plan_services.approve_plan(plan, by=account.ae),
        lambda: plan_services.request_plan_changes(plan, by=account.ae, comment="Redo."),
    )
    assert sum(isinstance(r, PlanConflict) for r in results) == 1
    assert sum(isinstance(r, EngagementPlan) for r in results) == 1
    plan.refresh_from_db()
    assert plan.status in (PlanStatus.APPROVED, PlanStatus.CHANGES_REQUESTED)
    assert plan.events.count() == 2
