"""Hand-built people and inquiries for the inquiry tests (no shared mutable sample data)."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Permission

from accounts.models import AccountExecutiveAssignment, Importer, ImporterDelegation, TradeRole
from accounts.trust import CtpatTier
from inquiries import services
from inquiries.models import Inquiry
from inquiries.workflow import Action
from tests.factories import (
    CenterStaffFactory,
    ImporterFactory,
    MembershipFactory,
    PgaLiaisonFactory,
    UserFactory,
    center,
)

NEW_YORK = ZoneInfo("America/New_York")


def at(day: date, hour: int = 10) -> datetime:
    """A moment on `day` in the portal zone."""
    return datetime.combine(day, time(hour), tzinfo=NEW_YORK)


@dataclass
class World:
    """One importer routed to PHC and a person for every role the lifecycle names."""

    importer: Importer
    filer: object
    admin: object
    viewer: object
    staff: object
    assignee: object
    supervisor: object
    other_staff: object
    hq: object
    fda: object
    ae: object

    def user(self, role: str):
        return None if role == "system" else getattr(self, role)


def make_world(*, center_code: str = "PHC", **importer_fields) -> World:
    fields = {
        "ctpat_tier": CtpatTier.TIER3,
        "isa_member": True,
        "financially_compliant": True,
        **importer_fields,
    }
    importer = ImporterFactory(center=center(center_code) if center_code else None, **fields)
    members = {
        role: MembershipFactory(importer=importer, role=role).user
        for role in (TradeRole.FILER, TradeRole.ADMIN, TradeRole.VIEWER)
    }
    staff = {
        name: CenterStaffFactory(
            center=center(center_code or "PHC"), is_supervisor=name == "supervisor"
        ).user
        for name in ("staff", "assignee", "supervisor")
    }
    ae = UserFactory(is_account_executive=True)
    AccountExecutiveAssignment.objects.create(importer=importer, ae=ae)
    return World(
        importer=importer,
        filer=members[TradeRole.FILER],
        admin=members[TradeRole.ADMIN],
        viewer=members[TradeRole.VIEWER],
        **staff,
        other_staff=CenterStaffFactory(center=center("BM")).user,
        hq=UserFactory(is_hq_reviewer=True),
        fda=PgaLiaisonFactory().user,
        ae=ae,
    )


def delegate(user, importer, *, filer: bool) -> ImporterDelegation:
    codename = "act_for_importer" if filer else "view_importer"
    permission = Permission.objects.get(content_type__app_label="accounts", codename=codename)
    return ImporterDelegation.objects.create(
        user=user, content_object=importer, permission=permission
    )


def file_policy_question(world: World, *, now: datetime | None = None, **overrides) -> Inquiry:
    fields = {"type": "policy_clarification", "subject": "What does the rule mean for us?"}
    fields.update(overrides)
    return services.file_inquiry(world.importer, by=world.filer, now=now, **fields)


def drive_to(inquiry: Inquiry, world: World, state: str, *, today: date) -> Inquiry:
    """Take an inquiry from `submitted` to `state` through the services."""
    steps = {
        "submitted": [],
        "assigned": [(Action.CLAIM, world.assignee, {})],
        "in_review": [
            (Action.CLAIM, world.assignee, {}),
            (Action.START_REVIEW, world.assignee, {}),
        ],
    }
    steps["awaiting_importer"] = [
        *steps["in_review"],
        (Action.REQUEST_INFO, world.assignee, {"message": "Invoice?"}),
    ]
    steps["referred"] = [
        *steps["in_review"],
        (Action.REFER, world.assignee, {"target": "pga:FDA", "note": "FDA?"}),
    ]
    steps["resolved"] = [
        *steps["in_review"],
        (
            Action.RESOLVE,
            world.assignee,
            {"resolution": "Here is the answer.", "outcome": "answered"},
        ),
    ]
    steps["closed"] = [*steps["resolved"], (Action.CLOSE, world.filer, {})]
    steps["withdrawn"] = [(Action.WITHDRAW, world.filer, {})]
    for action, by, data in steps[state]:
        services.perform_action(inquiry, action, by=by, data=data, today=today)
    return inquiry


def days(n: int) -> timedelta:
    return timedelta(days=n)
