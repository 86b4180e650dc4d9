"""Engagement-plan fixtures: one trusted-partner account with every role around it."""

import pytest

from accounts.models import EngagementPlan
from accounts.plans import PlanStatus

from .builders import PATH_TO, Account, advance, create_draft, make_account


@pytest.fixture
def account(db) -> Account:
    return make_account()


@pytest.fixture
def make_plan(account):
    """Return a function making the account's plan (drafted by its admin) in a given status."""

    def make(status: str = PlanStatus.DRAFT, **overrides) -> EngagementPlan:
        plan = create_draft(account.importer, by=account.admin, **overrides)
        return advance(plan, PATH_TO[status], by=account.ae)

    return make
