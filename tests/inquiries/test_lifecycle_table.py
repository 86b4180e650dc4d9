"""Every (state, action, role) of DESIGN.md §5's lifecycle table, and its time windows.

The expectations below are written from the design's table, not read from the code's table.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

import access
from inquiries import deadlines, services
from inquiries.models import Inquiry, Referral
from inquiries.workflow import Action, Actor, is_allowed

from .builders import at, drive_to, file_policy_question, make_world

STATES = [
    "submitted",
    "assigned",
    "in_review",
    "awaiting_importer",
    "referred",
    "resolved",
    "closed",
    "withdrawn",
]
ROLES = [
    "staff",
    "assignee",
    "supervisor",
    "other_staff",
    "filer",
    "admin",
    "viewer",
    "hq",
    "fda",
    "ae",
    "system",
]
OPEN = {"submitted", "assigned", "in_review", "awaiting_importer", "referred"}
TRADE = {"filer", "admin"}
CENTER = {"staff", "assignee", "supervisor"}

# action -> (states it starts from, roles who may take it), with every window open: the
# referral is old enough to recall, the reply is overdue, the resolution is 10 days old.
DESIGN_TABLE = {
    "claim": ({"submitted"}, CENTER),
    "assign": ({"submitted", "assigned", "in_review", "awaiting_importer"}, {"supervisor"}),
    "start_review": ({"assigned"}, {"assignee"}),
    "request_info": ({"in_review"}, {"assignee"}),
    "respond": ({"awaiting_importer"}, TRADE),
    "refer": ({"in_review"}, {"assignee"}),
    "return": ({"referred"}, {"fda"}),  # the referral in this table goes to FDA
    "recall": ({"referred"}, {"supervisor"}),
    "resolve": ({"in_review", "awaiting_importer"}, {"assignee"}),
    "reopen": ({"resolved"}, TRADE | {"assignee", "supervisor"}),
    "close": ({"resolved"}, TRADE),  # staff only from the 31st day
    "withdraw": (OPEN, TRADE),
    "request_accelerated_disposition": (set(), set()),  # protests only
    "deem_denied": (set(), set()),  # protests only
    "reroute": ({"submitted", "assigned", "in_review"}, CENTER),
}


def expected_actions(state: str, role: str) -> set[str]:
    return {
        action
        for action, (states, roles) in DESIGN_TABLE.items()
        if state in states and role in roles
    }


def roles_of(user, inquiry) -> frozenset:
    if user is None:
        return frozenset({Actor.SYSTEM})
    return access.inquiries.actor_roles(user, inquiry)


def allowed(inquiry, user, today) -> set[str]:
    roles = roles_of(user, inquiry)
    return {a.value for a in Action if is_allowed(a, inquiry, roles, today)}


def put_in_state(inquiry, world, state: str, today: date) -> Inquiry:
    """Set the row to `state` directly, with the facts that state carries (table test only)."""
    assignee = None if state == "submitted" else world.assignee
    fields = {"status": state, "assignee": assignee}
    if state == "awaiting_importer":
        fields["reply_due"] = today - timedelta(days=1)
    if state in ("resolved", "closed"):
        fields["resolved_at"] = at(today - timedelta(days=10))
        fields["outcome"] = "answered"
    Inquiry.objects.filter(pk=inquiry.pk).update(**fields)
    if state == "referred":
        Referral.objects.create(
            inquiry=inquiry,
            target=Referral.Target.PGA,
            agency_id="FDA",
            note="Is this FDA's?",
            referred_by=world.assignee,
            referred_at=at(today - timedelta(days=30)),
        )
    return Inquiry.objects.get(pk=inquiry.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", STATES)
def test_allowed_actions_follow_the_design_table(state, role):
    world = make_world()
    today = timezone.localdate()
    inquiry = put_in_state(file_policy_question(world), world, state, today)
    assert allowed(inquiry, world.user(role), today) == expected_actions(state, role)


# --- Time windows and conditions -------------------------------------------------------


@pytest.fixture
def world(db):
    return make_world()


@pytest.mark.django_db
def test_recall_opens_only_ten_business_days_after_the_referral(world):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "referred", today=today)
    opens = deadlines.add_business_days(today, 10)
    the_day_before = opens - timedelta(days=1)
    roles = access.inquiries.actor_roles(world.supervisor, inquiry)
    assert not is_allowed(Action.RECALL, inquiry, roles, the_day_before)
    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(
            inquiry,
            Action.RECALL,
            by=world.supervisor,
            data={"reason": "Stale."},
            today=the_day_before,
        )
    services.perform_action(
        inquiry, Action.RECALL, by=world.supervisor, data={"reason": "Stale."}, today=opens
    )
    assert inquiry.status == "in_review"


@pytest.mark.django_db
def test_resolve_from_awaiting_importer_waits_for_the_reply_due_date(world):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "awaiting_importer", today=today)
    assert inquiry.reply_due == deadlines.add_business_days(today, 10)
    body = {"resolution": "No reply came.", "outcome": "unanswered"}
    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(
            inquiry, Action.RESOLVE, by=world.assignee, data=body, today=inquiry.reply_due
        )
    services.perform_action(
        inquiry,
        Action.RESOLVE,
        by=world.assignee,
        data=body,
        today=inquiry.reply_due + timedelta(days=1),
    )
    assert (inquiry.status, inquiry.outcome) == ("resolved", "unanswered")


@pytest.mark.django_db
def test_resolve_from_awaiting_importer_takes_only_the_unanswered_outcome(world):
    from django.core.exceptions import ValidationError

    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "awaiting_importer", today=today)
    with pytest.raises(ValidationError) as caught:
        services.perform_action(
            inquiry,
            Action.RESOLVE,
            by=world.assignee,
            data={"resolution": "Done.", "outcome": "answered"},
            today=inquiry.reply_due + timedelta(days=1),
        )
    assert "outcome" in caught.value.message_dict
    assert Inquiry.objects.get(pk=inquiry.pk).status == "awaiting_importer"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "day", "may"),
    [
        ("filer", 0, True),
        ("filer", 30, True),
        ("filer", 31, False),
        ("admin", 30, True),
        ("admin", 31, False),
        ("assignee", 31, True),
        ("assignee", 400, True),
        ("supervisor", 31, True),
        ("supervisor", 400, True),
        ("staff", 5, False),
        ("viewer", 5, False),
    ],
)
def test_reopen_window_by_role(world, role, day, may):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "resolved", today=today)
    roles = access.inquiries.actor_roles(world.user(role), inquiry)
    assert is_allowed(Action.REOPEN, inquiry, roles, today + timedelta(days=day)) is may


@pytest.mark.django_db
def test_trade_reopen_on_day_31_is_refused_and_on_day_30_reopens(world):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "resolved", today=today)
    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(
            inquiry,
            Action.REOPEN,
            by=world.filer,
            data={"reason": "Not answered."},
            today=today + timedelta(31),
        )
    services.perform_action(
        inquiry,
        Action.REOPEN,
        by=world.filer,
        data={"reason": "Not answered."},
        today=today + timedelta(30),
    )
    assert inquiry.status == "in_review" and inquiry.assignee == world.assignee


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "day", "may"),
    [
        ("filer", 0, True),
        ("admin", 5, True),
        ("filer", 60, True),
        ("assignee", 30, False),
        ("assignee", 31, True),
        ("supervisor", 30, False),
        ("supervisor", 31, True),
        ("system", 30, False),
        ("system", 31, True),
        ("staff", 31, False),
        ("viewer", 31, False),
        ("ae", 31, False),
    ],
)
def test_close_window_by_role(world, role, day, may):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "resolved", today=today)
    roles = roles_of(world.user(role), inquiry)
    assert is_allowed(Action.CLOSE, inquiry, roles, today + timedelta(days=day)) is may


def _file_protest(world, **details):
    from tests.factories import EntryFactory

    entry = EntryFactory(
        importer=world.importer,
        liquidation_status="liquidated",
        liquidation_date=timezone.localdate() - timedelta(days=10),
    )
    return services.file_inquiry(
        world.importer,
        by=world.filer,
        type="protest",
        subject="Protest",
        entry_number=entry.entry_number,
        details={"grounds": "The classification is plainly wrong.", **details},
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_accelerated_disposition_request_is_for_trade_filers_on_protests(world, role):
    protest = _file_protest(world)
    may = role in TRADE
    today = timezone.localdate()
    assert (
        is_allowed(
            Action.REQUEST_ACCELERATED_DISPOSITION,
            protest,
            roles_of(world.user(role), protest),
            today,
        )
        is may
    )


@pytest.mark.django_db
def test_accelerated_disposition_is_requested_only_once(world):
    protest = _file_protest(world)
    today = timezone.localdate()
    services.perform_action(
        protest,
        Action.REQUEST_ACCELERATED_DISPOSITION,
        by=world.filer,
        data={"requested_on": today.isoformat()},
    )
    assert protest.statutory_clock == "accelerated_disposition"
    assert protest.statutory_deadline == today + timedelta(days=30)
    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(
            protest,
            Action.REQUEST_ACCELERATED_DISPOSITION,
            by=world.filer,
            data={"requested_on": today.isoformat()},
        )


@pytest.mark.django_db
def test_protest_filed_with_a_request_cannot_request_again(world):
    protest = _file_protest(
        world, accelerated_disposition_requested_on=(timezone.localdate().isoformat())
    )
    assert not is_allowed(
        Action.REQUEST_ACCELERATED_DISPOSITION,
        protest,
        access.inquiries.actor_roles(world.filer, protest),
        timezone.localdate(),
    )


@pytest.mark.django_db
def test_accelerated_disposition_is_not_offered_on_other_types(world):
    inquiry = file_policy_question(world)
    with pytest.raises(services.ActionNotAllowed):
        services.perform_action(
            inquiry,
            Action.REQUEST_ACCELERATED_DISPOSITION,
            by=world.filer,
            data={"requested_on": timezone.localdate().isoformat()},
        )


@pytest.mark.django_db
def test_deem_denied_is_the_system_s_after_the_clock_runs_out(world):
    today = timezone.localdate()
    protest = _file_protest(world, accelerated_disposition_requested_on=today.isoformat())
    runs_out = today + timedelta(days=30)
    assert not is_allowed(Action.DEEM_DENIED, protest, frozenset({Actor.SYSTEM}), runs_out)
    for role in ("assignee", "supervisor", "filer"):
        assert not is_allowed(
            Action.DEEM_DENIED,
            protest,
            access.inquiries.actor_roles(world.user(role), protest),
            runs_out + timedelta(days=1),
        )
    services.perform_action(
        protest, Action.DEEM_DENIED, by=None, today=runs_out + timedelta(days=1)
    )
    assert (protest.status, protest.outcome) == ("resolved", "deemed_denied")
    assert protest.events.last().actor is None


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_triage_is_rerouted_by_hq_reviewers_only(role):
    world = make_world(center_code=None)
    inquiry = file_policy_question(world)
    assert inquiry.center_id is None
    may = role == "hq"
    today = timezone.localdate()
    assert is_allowed(Action.REROUTE, inquiry, roles_of(world.user(role), inquiry), today) is may
    if may:
        services.perform_action(
            inquiry, Action.REROUTE, by=world.hq, data={"center": "EL", "reason": "Electronics."}
        )
        assert (inquiry.center_id, inquiry.status) == ("EL", "submitted")


@pytest.mark.django_db
@pytest.mark.parametrize("state", STATES)
def test_claim_only_from_submitted(world, state):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, state, today=today)
    may = state == "submitted"
    assert (
        is_allowed(Action.CLAIM, inquiry, access.inquiries.actor_roles(world.staff, inquiry), today)
        is may
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("target", "returner", "others"),
    [
        ("hq", "hq", ["fda", "supervisor", "assignee"]),
        ("fpf", "supervisor", ["hq", "fda", "assignee", "staff"]),
        ("pga:FDA", "fda", ["hq", "supervisor", "assignee"]),
    ],
)
def test_a_referral_is_returned_by_its_target_only(world, target, returner, others):
    today = timezone.localdate()
    inquiry = drive_to(file_policy_question(world), world, "in_review", today=today)
    services.perform_action(
        inquiry, Action.REFER, by=world.assignee, data={"target": target, "note": "Please decide."}
    )
    for role in others:
        assert not is_allowed(
            Action.RETURN, inquiry, access.inquiries.actor_roles(world.user(role), inquiry), today
        ), role
    services.perform_action(
        inquiry, Action.RETURN, by=world.user(returner), data={"decision": "Decided."}
    )
    assert inquiry.status == "in_review"
