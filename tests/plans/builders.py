"""Builders of engagement-plan test data: an account with every role, plans in any status."""

from dataclasses import dataclass
from datetime import date

from accounts import plan_services
from accounts.models import EngagementPlan, TradeRole, User
from accounts.plans import PlanAction, PlanStatus
from accounts.services import assign_account_executive
from tests.factories import MembershipFactory, TrustedPartnerFactory, UserFactory

# The actions that bring a new draft to each status, taken by the account's AE.
PATH_TO = {
    PlanStatus.DRAFT: [],
    PlanStatus.SUBMITTED: [PlanAction.SUBMIT],
    PlanStatus.CHANGES_REQUESTED: [PlanAction.SUBMIT, PlanAction.REQUEST_CHANGES],
    PlanStatus.APPROVED: [PlanAction.SUBMIT, PlanAction.APPROVE],
    PlanStatus.ACTIVE: [PlanAction.SUBMIT, PlanAction.APPROVE, PlanAction.ACTIVATE],
    PlanStatus.CLOSED: [
        PlanAction.SUBMIT,
        PlanAction.APPROVE,
        PlanAction.ACTIVATE,
        PlanAction.CLOSE,
    ],
}

SERVICES = {
    PlanAction.SUBMIT: plan_services.submit_plan,
    PlanAction.REQUEST_CHANGES: plan_services.request_plan_changes,
    PlanAction.APPROVE: plan_services.approve_plan,
    PlanAction.ACTIVATE: plan_services.activate_plan,
    PlanAction.CLOSE: plan_services.close_plan,
}


def plan_fields() -> dict:
    """Fresh editable content of a plan, as the API takes it."""
    return {
        "period_start": "2027-01-01",
        "period_end": "2027-12-31",
        "review_cadence": "quarterly",
        "goals": [
            {
                "area": "classification accuracy, chapter 85",
                "measure": "error rate",
                "baseline": "4%",
                "target": "1%",
            },
            {
                "area": "valuation, related-party pricing",
                "measure": "post-summary corrections",
                "baseline": "12 a year",
                "target": "4 a year",
            },
        ],
        "touch_points": [
            {"kind": "meeting", "planned_on": "2027-01-15", "purpose": "Kick-off"},
            {"kind": "validation", "planned_on": "2027-06-01", "purpose": "Classification sample"},
        ],
        "benefits": ["reduced_examinations", "preferred_exam_location"],
    }


@dataclass
class Account:
    importer: object
    admin: User
    filer: User
    viewer: User
    ae: User
    other_ae: User
    other_trade: User

    def role(self, name: str) -> User:
        return getattr(self, name)


def make_account() -> Account:
    importer = TrustedPartnerFactory()
    ae = UserFactory(is_account_executive=True)
    assign_account_executive(importer, ae=ae, by=None)
    other_importer = TrustedPartnerFactory()
    other_ae = UserFactory(is_account_executive=True)
    assign_account_executive(other_importer, ae=other_ae, by=None)
    return Account(
        importer=importer,
        admin=MembershipFactory(importer=importer, role=TradeRole.ADMIN).user,
        filer=MembershipFactory(importer=importer, role=TradeRole.FILER).user,
        viewer=MembershipFactory(importer=importer, role=TradeRole.VIEWER).user,
        ae=ae,
        other_ae=other_ae,
        other_trade=MembershipFactory(importer=other_importer, role=TradeRole.ADMIN).user,
    )


def create_draft(importer, *, by: User, **overrides) -> EngagementPlan:
    """Draft a plan for `importer` through the service, as `by`."""
    fields = plan_fields()
    fields.update(overrides)
    for name in ("period_start", "period_end"):
        fields[name] = date.fromisoformat(fields[name])
    return plan_services.create_plan(importer, by=by, **fields)


def advance(plan: EngagementPlan, actions, *, by: User) -> EngagementPlan:
    """Take `actions` on the plan through the services, as `by`."""
    for action in actions:
        SERVICES[action](plan, by=by, comment="Noted.")
    return EngagementPlan.objects.get(pk=plan.pk)
