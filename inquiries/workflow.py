"""The inquiry lifecycle as one declared table (DESIGN.md §5).

`TRANSITIONS` is the single source: the model method that moves `status`, the services, the
API's `allowed_actions` and the pages all ask it. Each row names the source states, the
target (None: the state stays), who may act and the body fields required. Time windows and
type conditions are the row's `guard`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import deadlines
from .types import DEEMED_DENIAL_CLOCKS, InquiryType


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    ASSIGNED = "assigned", _("Assigned")
    IN_REVIEW = "in_review", _("Under review")
    AWAITING_IMPORTER = "awaiting_importer", _("Additional information required")
    REFERRED = "referred", _("Referred")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATES = frozenset(
    {Status.SUBMITTED, Status.ASSIGNED, Status.IN_REVIEW, Status.AWAITING_IMPORTER, Status.REFERRED}
)
# Documents may be added in every state but these.
FINAL_STATES = frozenset({Status.CLOSED, Status.WITHDRAWN})


class Action(models.TextChoices):
    CLAIM = "claim", _("Claim")
    ASSIGN = "assign", _("Assign")
    START_REVIEW = "start_review", _("Start review")
    REQUEST_INFO = "request_info", _("Request information")
    RESPOND = "respond", _("Respond")
    REFER = "refer", _("Refer")
    RETURN = "return", _("Return with a decision")
    RECALL = "recall", _("Recall the referral")
    RESOLVE = "resolve", _("Resolve")
    REOPEN = "reopen", _("Reopen")
    CLOSE = "close", _("Close")
    WITHDRAW = "withdraw", _("Withdraw")
    REQUEST_ACCELERATED_DISPOSITION = (
        "request_accelerated_disposition",
        _("Request accelerated disposition"),
    )
    DEEM_DENIED = "deem_denied", _("Deem denied")
    REROUTE = "reroute", _("Reroute")


class Actor(models.TextChoices):
    """Who may take an action, relative to one inquiry."""

    STAFF = "staff", _("staff of the inquiry's Center")
    ASSIGNEE = "assignee", _("the assignee")
    SUPERVISOR = "supervisor", _("a supervisor of the inquiry's Center")
    TRADE_FILER = "trade_filer", _("a trade filer of the account")
    REFERRAL_TARGET = "referral_target", _("the referral target")
    HQ_TRIAGE = "hq_triage", _("an HQ reviewer (triage)")
    SYSTEM = "system", _("the deadline sweep")


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None
    actors: frozenset[Actor]
    body: tuple[str, ...] = ()
    # guard(inquiry, actors_used, today) -> bool: windows and type conditions.
    guard: Callable[[object, frozenset[Actor], date], bool] | None = None


def _reroute_guard(inquiry, actors, today):
    triage = inquiry.center_id is None
    return (Actor.HQ_TRIAGE in actors) if triage else (Actor.STAFF in actors)


def _recall_guard(inquiry, actors, today):
    referral = inquiry.open_referral
    return referral is not None and today >= deadlines.recall_allowed_from(
        deadlines.local_date(referral.referred_at)
    )


def _return_guard(inquiry, actors, today):
    return inquiry.open_referral is not None


def _resolve_guard(inquiry, actors, today):
    if inquiry.status != Status.AWAITING_IMPORTER:
        return True
    return inquiry.reply_due is not None and today > inquiry.reply_due


def _reopen_guard(inquiry, actors, today):
    if actors & {Actor.ASSIGNEE, Actor.SUPERVISOR}:
        return True
    return today <= deadlines.reopen_until(inquiry.resolved_on)


def _close_guard(inquiry, actors, today):
    if Actor.TRADE_FILER in actors:
        return True
    return today >= deadlines.auto_close_from(inquiry.resolved_on)


def _accelerated_guard(inquiry, actors, today):
    return inquiry.type == InquiryType.PROTEST and not inquiry.details.get(
        "accelerated_disposition_requested_on"
    )


def _deem_denied_guard(inquiry, actors, today):
    if inquiry.type != InquiryType.PROTEST:
        return False
    return any(
        today > day for clock, day in inquiry.statutory_clocks() if clock in DEEMED_DENIAL_CLOCKS
    )


S = Status
A = Actor
WORKING = frozenset({S.SUBMITTED, S.ASSIGNED, S.IN_REVIEW, S.AWAITING_IMPORTER})

TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in [
        Transition(Action.CLAIM, frozenset({S.SUBMITTED}), S.ASSIGNED, frozenset({A.STAFF})),
        Transition(Action.ASSIGN, WORKING, None, frozenset({A.SUPERVISOR}), ("assignee",)),
        Transition(
            Action.START_REVIEW, frozenset({S.ASSIGNED}), S.IN_REVIEW, frozenset({A.ASSIGNEE})
        ),
        Transition(
            Action.REQUEST_INFO,
            frozenset({S.IN_REVIEW}),
            S.AWAITING_IMPORTER,
            frozenset({A.ASSIGNEE}),
            ("message",),
        ),
        Transition(
            Action.RESPOND,
            frozenset({S.AWAITING_IMPORTER}),
            S.IN_REVIEW,
            frozenset({A.TRADE_FILER}),
            ("message",),
        ),
        Transition(
            Action.REFER,
            frozenset({S.IN_REVIEW}),
            S.REFERRED,
            frozenset({A.ASSIGNEE}),
            ("target", "note"),
        ),
        Transition(
            Action.RETURN,
            frozenset({S.REFERRED}),
            S.IN_REVIEW,
            frozenset({A.REFERRAL_TARGET}),
            ("decision",),
            _return_guard,
        ),
        Transition(
            Action.RECALL,
            frozenset({S.REFERRED}),
            S.IN_REVIEW,
            frozenset({A.SUPERVISOR}),
            ("reason",),
            _recall_guard,
        ),
        Transition(
            Action.RESOLVE,
            frozenset({S.IN_REVIEW, S.AWAITING_IMPORTER}),
            S.RESOLVED,
            frozenset({A.ASSIGNEE}),
            ("resolution", "outcome"),
            _resolve_guard,
        ),
        Transition(
            Action.REOPEN,
            frozenset({S.RESOLVED}),
            S.IN_REVIEW,
            frozenset({A.TRADE_FILER, A.ASSIGNEE, A.SUPERVISOR}),
            ("reason",),
            _reopen_guard,
        ),
        Transition(
            Action.CLOSE,
            frozenset({S.RESOLVED}),
            S.CLOSED,
            frozenset({A.TRADE_FILER, A.ASSIGNEE, A.SUPERVISOR, A.SYSTEM}),
            (),
            _close_guard,
        ),
        Transition(Action.WITHDRAW, OPEN_STATES, S.WITHDRAWN, frozenset({A.TRADE_FILER})),
        Transition(
            Action.REQUEST_ACCELERATED_DISPOSITION,
            OPEN_STATES,
            None,
            frozenset({A.TRADE_FILER}),
            ("requested_on",),
            _accelerated_guard,
        ),
        Transition(
            Action.DEEM_DENIED,
            OPEN_STATES,
            S.RESOLVED,
            frozenset({A.SYSTEM}),
            (),
            _deem_denied_guard,
        ),
        Transition(
            Action.REROUTE,
            frozenset({S.SUBMITTED, S.ASSIGNED, S.IN_REVIEW}),
            S.SUBMITTED,
            frozenset({A.STAFF, A.HQ_TRIAGE}),
            ("center", "reason"),
            _reroute_guard,
        ),
    ]
}


def is_allowed(action: Action, inquiry, actors: frozenset[Actor], today: date) -> bool:
    """Return whether someone holding `actors` may take `action` on the inquiry today."""
    transition = TRANSITIONS[action]
    if inquiry.status not in transition.sources:
        return False
    held = transition.actors & actors
    if not held:
        return False
    return transition.guard is None or transition.guard(inquiry, held, today)


def allowed_actions(inquiry, actors: frozenset[Actor], today: date) -> list[str]:
    """The actions these roles may take on the inquiry now, in table order."""
    return [action.value for action in TRANSITIONS if is_allowed(action, inquiry, actors, today)]


def target_status(action: Action, inquiry) -> Status:
    """Where the action leads from the inquiry's current state."""
    transition = TRANSITIONS[action]
    if transition.target is not None:
        return transition.target
    if action == Action.ASSIGN and inquiry.status == Status.SUBMITTED:
        return Status.ASSIGNED
    return Status(inquiry.status)
