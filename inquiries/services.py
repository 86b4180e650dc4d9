"""Inquiry use cases: file, act on the lifecycle, post messages (DESIGN.md §5).

Every page, API view, admin action, command and task calls these, so they behave the same.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import access
from accounts.trust import SERVICE_LEVEL_RANK
from centers.models import Center, CenterStaff, PartnerAgency
from entries.formats import normalize_entry_number
from entries.models import Entry

from . import deadlines, notifications
from .models import (
    Inquiry,
    InquiryEvent,
    Message,
    ReferenceCounter,
    Referral,
    RoutingRecord,
    StaleInquiry,
)
from .routing import reroute_reason, route, sent_to_reason
from .types import HTS_PREFIX, SPECS, FilingContext, Outcome, serialize_details
from .workflow import TRANSITIONS, Action, Actor, Status, is_allowed, target_status


class ActionNotAllowed(Exception):
    """The action is in the table but not open to this user now (answers 409)."""

    def __init__(self, inquiry, allowed: list[str]):
        super().__init__(f"not allowed on {inquiry.reference}")
        self.inquiry = inquiry
        self.allowed = allowed


# --- Filing --------------------------------------------------------------------------------


def _find_entry(importer, entry_number: str, errors: dict):
    if not entry_number:
        return None
    try:
        canonical = normalize_entry_number(entry_number)
    except ValidationError as exc:
        errors["entry_number"] = exc.messages[0]
        return None
    entry = Entry.objects.filter(entry_number=canonical, importer=importer).first()
    if entry is None:
        errors["entry_number"] = _(
            "Entry %(number)s is not an entry of %(importer)s in the portal."
        ) % {"number": entry_number, "importer": importer.name}
    return entry


def validate_filing(
    importer, *, type: str, details: dict, entry_number: str, hts: str, today: date
):
    """Return (spec, entry, cleaned details) or raise ValidationError naming each field."""
    spec = SPECS.get(type)
    if spec is None:
        raise ValidationError({"type": _("%(type)s is not an inquiry type.") % {"type": type}})
    if spec.gate is not None and (refusal := spec.gate(importer)):
        raise ValidationError({"type": refusal})
    errors: dict[str, str] = {}
    details = details if isinstance(details, dict) else {}
    errors.update(
        {
            f"details.{name}": _("Send this value as text (dates as YYYY-MM-DD).")
            for name, value in details.items()
            if value is not None and not isinstance(value, str)
        }
    )
    form = spec.details_form_class()(
        data={name: value for name, value in details.items() if f"details.{name}" not in errors}
    )
    if not form.is_valid():
        errors.update({f"details.{name}": msgs[0] for name, msgs in form.errors.items()})
    entry = _find_entry(importer, entry_number, errors)
    if spec.needs_entry == "required" and not entry_number:
        errors["entry_number"] = _("This type of inquiry names an entry.")
    if hts and not HTS_PREFIX.match(hts):
        errors["hts"] = _("Give 4 to 10 digits of the HTS number, without dots.")
    if errors:
        raise ValidationError(errors)
    cleaned = {name: value for name, value in form.cleaned_data.items()}
    problems = spec.filing_problems(FilingContext(importer, entry, hts, cleaned, today))
    if problems:
        raise ValidationError(
            {
                name if name in ("entry_number", "hts") else f"details.{name}": message
                for name, message in problems.items()
            }
        )
    return spec, entry, cleaned


def file_inquiry(
    importer,
    *,
    by,
    type: str,
    subject: str,
    description: str = "",
    details: dict | None = None,
    entry_number: str = "",
    hts: str = "",
    now=None,
):
    """File an inquiry: validate, route, number it, audit and notify the account.

    The number is taken before the rows are written, in a statement of its own when no
    transaction is open: the year's counter row is locked only for that statement, not
    while the filing is written, so concurrent filings do not wait on one another. A
    filing that then fails leaves a gap, which reference numbers allow (DESIGN.md §5).
    Inside a caller's transaction the number is taken in it, as before.

    `importer` is the account or its id: it is read again with the filer test, one query.
    """
    importer_id = importer if isinstance(importer, int) else importer.pk
    importer = access.importers.importer_to_file_for(by, importer_id)
    if importer is None:
        raise PermissionDenied(_("You may not file inquiries for this account."))
    now = now or timezone.now()
    today = deadlines.local_date(now)
    hts = (hts or "").replace(".", "").strip()
    spec, entry, cleaned = validate_filing(
        importer,
        type=type,
        details=details or {},
        entry_number=(entry_number or "").strip(),
        hts=hts,
        today=today,
    )
    if not (subject or "").strip():
        raise ValidationError({"subject": _("Give the inquiry a short subject.")})
    decided = route(importer=importer, entry=entry, hts=hts, functional_area=spec.area)
    level = importer.service_level
    inquiry = Inquiry(
        reference=_next_reference(today.year),
        importer=importer,
        type=spec.code,
        subject=subject.strip()[:200],
        description=(description or "").strip(),
        details=serialize_details(cleaned),
        entry=entry,
        hts=hts,
        center_id=decided.center,
        functional_area=decided.functional_area,
        routing_reason=decided.reason,
        service_level=level,
        service_level_rank=SERVICE_LEVEL_RANK[level],
        filed_by=by,
        submitted_at=now,
    )
    for name, value in inquiry.computed_clocks(today).items():
        setattr(inquiry, name, value)
    _write_filing(inquiry, by=by, reason=decided.reason, now=now)
    return inquiry


@transaction.atomic
def _write_filing(inquiry, *, by, reason: str, now) -> None:
    """The filing's rows in one transaction: inquiry, routing, first event, notifications."""
    inquiry.save(force_insert=True)
    RoutingRecord.objects.create(
        inquiry=inquiry, center_id=inquiry.center_id, reason=reason, routed_by=by, routed_at=now
    )
    event = InquiryEvent.append(
        inquiry=inquiry,
        first=True,
        actor=by,
        action="file",
        from_status="",
        to_status=inquiry.status,
        reason=reason,
        trade_visible=True,
        at=now,
    )
    notifications.notify_account(
        inquiry,
        event=event,
        subject=_("%(ref)s received") % {"ref": inquiry.reference},
        body=reason,
        new_inquiry=True,
    )


def _next_reference(year: int) -> str:
    return ReferenceCounter.next_reference(year)


# --- Lifecycle actions -----------------------------------------------------------------


def _text(data: dict, name: str, errors: dict, *, required=True) -> str:
    value = data.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors[name] = _("This field is required.")
        return ""
    if not isinstance(value, str):
        errors[name] = _("Send text.")
        return ""
    if len(value) > 10_000:
        errors[name] = _("Keep it under 10,000 characters.")
    return value.strip()


def _raise_if(errors: dict):
    if errors:
        raise ValidationError(errors)


def allowed_actions_for(inquiry, user, today: date | None = None, *, roles=None) -> list[str]:
    """The lifecycle actions `user` may take on `inquiry` now (`roles` if already known)."""
    roles = access.inquiries.actor_roles(user, inquiry) if roles is None else roles
    return [a for a in TRANSITIONS if is_allowed(a, inquiry, roles, today or timezone.localdate())]


@transaction.atomic
def perform_action(
    inquiry,
    action: str,
    *,
    by,
    data: dict | None = None,
    today=None,
    roles: frozenset | None = None,
):
    """Take a lifecycle action: state checked first (409), then the body (400).

    `roles` are the lifecycle roles acted in: by default those `by` holds on the inquiry,
    or the system's when `by` is None. An admin running a system job by hand passes the
    system's roles with `by` set, so the audit trail names the admin.
    """
    today = today or timezone.localdate()
    action = Action(action)
    if roles is None:
        roles = (
            frozenset({Actor.SYSTEM}) if by is None else access.inquiries.actor_roles(by, inquiry)
        )
    if not is_allowed(action, inquiry, roles, today):
        raise ActionNotAllowed(inquiry, allowed_actions_for(inquiry, by, today) if by else [])
    handler = HANDLERS[action]
    data = data if isinstance(data, dict) else {}
    try:
        handler(inquiry, by=by, data=data, today=today, roles=roles)
    except StaleInquiry:
        inquiry.refresh_from_db()
        raise ActionNotAllowed(
            inquiry, allowed_actions_for(inquiry, by, today) if by else []
        ) from None
    return inquiry


def _change(
    inquiry,
    action,
    by,
    today,
    *,
    changes=None,
    reason="",
    trade_visible=False,
    to_status=None,
    notify_body=None,
):
    event = inquiry.apply_change(
        action=action,
        actor=by,
        to_status=to_status or target_status(Action(action), inquiry),
        changes=changes,
        reason=reason,
        trade_visible=trade_visible,
        today=today,
    )
    if trade_visible:
        notifications.notify_account(
            inquiry,
            event=event,
            subject=_("%(ref)s: %(status)s")
            % {"ref": inquiry.reference, "status": inquiry.status_label},
            body=notify_body
            or _("The inquiry is now: %(status)s.") % {"status": inquiry.status_label},
            exclude=by,
        )
    return event


def _claim(inquiry, *, by, data, today, roles):
    _change(inquiry, Action.CLAIM, by, today, changes={"assignee": by})


def _assign(inquiry, *, by, data, today, roles):
    user_id = data.get("assignee")
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise ValidationError({"assignee": _("Give the user id of a staff member.")})
    assignee = (
        CenterStaff.objects.filter(
            user_id=user_id, center_id=inquiry.center_id, user__is_active=True
        )
        .select_related("user")
        .first()
    )
    if assignee is None:
        raise ValidationError({"assignee": _("Choose a staff member of this Center.")})
    _change(inquiry, Action.ASSIGN, by, today, changes={"assignee": assignee.user})


def _start_review(inquiry, *, by, data, today, roles):
    _change(inquiry, Action.START_REVIEW, by, today)


def _first_response(inquiry) -> dict:
    return {} if inquiry.first_response_at else {"first_response_at": timezone.now()}


def _request_info(inquiry, *, by, data, today, roles):
    errors = {}
    message = _text(data, "message", errors)
    _raise_if(errors)
    Message.objects.create(inquiry=inquiry, author=by, body=message, internal=False)
    _change(
        inquiry,
        Action.REQUEST_INFO,
        by,
        today,
        trade_visible=True,
        notify_body=message,
        changes={"reply_due": deadlines.reply_due(today), **_first_response(inquiry)},
    )


def _respond(inquiry, *, by, data, today, roles):
    errors = {}
    message = _text(data, "message", errors)
    _raise_if(errors)
    Message.objects.create(inquiry=inquiry, author=by, body=message, internal=False)
    _change(
        inquiry,
        Action.RESPOND,
        by,
        today,
        trade_visible=True,
        notify_body=message,
        changes={"reply_due": None},
    )


def _refer(inquiry, *, by, data, today, roles):
    errors = {}
    note = _text(data, "note", errors)
    target = data.get("target")
    agency = None
    if isinstance(target, str) and target.startswith("pga:"):
        agency = PartnerAgency.objects.filter(code=target[4:]).first()
        if agency is None:
            errors["target"] = _("%(code)s is not a partner agency.") % {"code": target[4:]}
        kind = Referral.Target.PGA
    elif target in (Referral.Target.HQ, Referral.Target.FPF):
        kind = target
    else:
        errors["target"] = _('Refer to "hq", "fpf" or "pga:<agency code>".')
    _raise_if(errors)
    Referral.objects.create(inquiry=inquiry, target=kind, agency=agency, note=note, referred_by=by)
    _change(inquiry, Action.REFER, by, today, reason=note)


def _close_referral(inquiry, *, by, decision, recalled=False):
    referral = inquiry.open_referral
    referral.decision = decision
    referral.returned_by = by
    referral.returned_at = timezone.now()
    referral.recalled = recalled
    referral.save(update_fields=["decision", "returned_by", "returned_at", "recalled"])


def _return(inquiry, *, by, data, today, roles):
    errors = {}
    decision = _text(data, "decision", errors)
    _raise_if(errors)
    _close_referral(inquiry, by=by, decision=decision)
    _change(inquiry, Action.RETURN, by, today, reason=decision)


def _recall(inquiry, *, by, data, today, roles):
    errors = {}
    reason = _text(data, "reason", errors)
    _raise_if(errors)
    _close_referral(inquiry, by=by, decision="", recalled=True)
    _change(inquiry, Action.RECALL, by, today, reason=reason)


def resolution_outcomes(inquiry) -> list[Outcome]:
    """The outcomes `resolve` accepts now: the type's, or only `unanswered` while the reply
    to a request for information is overdue (DESIGN.md §5)."""
    if inquiry.status == Status.AWAITING_IMPORTER:
        return [Outcome.UNANSWERED]
    return list(inquiry.spec.allowed_outcomes)


def _resolve(inquiry, *, by, data, today, roles):
    errors = {}
    resolution = _text(data, "resolution", errors)
    outcome = data.get("outcome")
    allowed = [o.value for o in resolution_outcomes(inquiry)]
    if outcome not in allowed:
        errors["outcome"] = _("Choose one of: %(values)s.") % {"values": ", ".join(allowed)}
    _raise_if(errors)
    Message.objects.create(inquiry=inquiry, author=by, body=resolution, internal=False)
    _change(
        inquiry,
        Action.RESOLVE,
        by,
        today,
        trade_visible=True,
        notify_body=resolution,
        changes={
            "outcome": outcome,
            "resolved_at": timezone.now(),
            "reply_due": None,
            **_first_response(inquiry),
        },
    )


def _reopen(inquiry, *, by, data, today, roles):
    errors = {}
    reason = _text(data, "reason", errors)
    _raise_if(errors)
    keeps_assignee = (
        inquiry.assignee_id
        and CenterStaff.objects.filter(
            user_id=inquiry.assignee_id, center_id=inquiry.center_id
        ).exists()
    )
    changes = {"outcome": "", "resolved_at": None}
    if not keeps_assignee:
        changes["assignee"] = None
    _change(
        inquiry,
        Action.REOPEN,
        by,
        today,
        changes=changes,
        reason=reason,
        trade_visible=True,
        to_status=Status.IN_REVIEW if keeps_assignee else Status.SUBMITTED,
    )


def _close(inquiry, *, by, data, today, roles):
    _change(inquiry, Action.CLOSE, by, today, trade_visible=True)


def _withdraw(inquiry, *, by, data, today, roles):
    errors = {}
    reason = _text(data, "reason", errors, required=False)
    _raise_if(errors)
    _change(inquiry, Action.WITHDRAW, by, today, reason=reason, trade_visible=True)


def _request_accelerated(inquiry, *, by, data, today, roles):
    raw = data.get("requested_on")
    try:
        requested = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        requested = None
    if requested is None:
        raise ValidationError({"requested_on": _("Give the request date as YYYY-MM-DD.")})
    # Accelerated disposition is requested on or after the protest's filing and not after
    # today (DESIGN.md §4); an earlier date would start a deemed denial already run out.
    if not inquiry.submitted_on <= requested <= today:
        raise ValidationError(
            {
                "requested_on": _(
                    "The request date %(requested)s is not between the protest's filing date, "
                    "%(start)s, and today, %(today)s."
                )
                % {
                    "requested": requested.isoformat(),
                    "start": inquiry.submitted_on.isoformat(),
                    "today": today.isoformat(),
                }
            }
        )
    details = {**inquiry.details, "accelerated_disposition_requested_on": requested.isoformat()}
    _change(
        inquiry,
        Action.REQUEST_ACCELERATED_DISPOSITION,
        by,
        today,
        changes={"details": details},
        trade_visible=True,
    )


def _deem_denied(inquiry, *, by, data, today, roles):
    _change(
        inquiry,
        Action.DEEM_DENIED,
        None,
        today,
        trade_visible=True,
        changes={"outcome": Outcome.DEEMED_DENIED, "resolved_at": timezone.now()},
        notify_body=_("The protest is deemed denied: its statutory clock ran out."),
    )


def _reroute(inquiry, *, by, data, today, roles):
    errors = {}
    reason = _text(data, "reason", errors)
    code = data.get("center")
    center = Center.objects.filter(code=code).first() if isinstance(code, str) else None
    if center is None:
        errors["center"] = _("Choose a Center by its code.")
    elif center.code == inquiry.center_id:
        errors["center"] = _("The inquiry is already with this Center.")
    _raise_if(errors)
    RoutingRecord.objects.filter(inquiry=inquiry, superseded=False).update(superseded=True)
    RoutingRecord.objects.create(
        inquiry=inquiry, center=center, reason=reroute_reason(center.code, reason), routed_by=by
    )
    _change(
        inquiry,
        Action.REROUTE,
        by,
        today,
        reason=reason,
        changes={"center": center, "assignee": None, "routing_reason": sent_to_reason(center.code)},
    )


HANDLERS = {
    Action.CLAIM: _claim,
    Action.ASSIGN: _assign,
    Action.START_REVIEW: _start_review,
    Action.REQUEST_INFO: _request_info,
    Action.RESPOND: _respond,
    Action.REFER: _refer,
    Action.RETURN: _return,
    Action.RECALL: _recall,
    Action.RESOLVE: _resolve,
    Action.REOPEN: _reopen,
    Action.CLOSE: _close,
    Action.WITHDRAW: _withdraw,
    Action.REQUEST_ACCELERATED_DISPOSITION: _request_accelerated,
    Action.DEEM_DENIED: _deem_denied,
    Action.REROUTE: _reroute,
}


# --- Conversation ----------------------------------------------------------------------


@transaction.atomic
def post_message(inquiry, *, by, body: str, internal: bool = False) -> Message:
    """Post an external message or an internal note; the state never changes."""
    if not access.inquiries.may_post_message(by, inquiry, internal=bool(internal)):
        raise PermissionDenied(_("You may not post this kind of message here."))
    errors = {}
    body = _text({"body": body}, "body", errors)
    _raise_if(errors)
    locked = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    message = Message.objects.create(inquiry=locked, author=by, body=body, internal=bool(internal))
    event = InquiryEvent.append(
        inquiry=locked,
        actor=by,
        action="note" if internal else "message",
        from_status=locked.status,
        to_status=locked.status,
        trade_visible=not internal,
    )
    if not internal:
        if access.roles.is_cbp(by) and locked.first_response_at is None:
            Inquiry.objects.filter(pk=locked.pk).update(first_response_at=message.created_at)
            locked.first_response_at = message.created_at
            _refresh_clocks(locked)
        notifications.notify_account(
            locked,
            event=event,
            exclude=by,
            subject=_("New message on %(ref)s") % {"ref": locked.reference},
            body=body,
        )
    return message


def _refresh_clocks(inquiry, today=None):
    clocks = inquiry.computed_clocks(today or timezone.localdate())
    Inquiry.objects.filter(pk=inquiry.pk).update(**clocks)
    for name, value in clocks.items():
        setattr(inquiry, name, value)


def refresh_all_clocks(*, today: date | None = None) -> int:
    """Recompute stored clocks of open inquiries (nightly): `due` keeps the queue right."""
    today = today or timezone.localdate()
    count = 0
    for inquiry in Inquiry.objects.open().select_related("entry").iterator(chunk_size=500):
        clocks = inquiry.computed_clocks(today)
        if any(getattr(inquiry, name) != value for name, value in clocks.items()):
            Inquiry.objects.filter(pk=inquiry.pk).update(**clocks)
            count += 1
    return count


def bulk_assign(inquiries, *, by, assignee_id: int) -> tuple[list, list]:
    """Assign each inquiry on its own through `assign`: return (assigned, refused with why).

    One refusal (someone acted first, a closed state, a bad assignee) never undoes the others.
    """
    assigned, refused = [], []
    for inquiry in inquiries:
        try:
            perform_action(inquiry, Action.ASSIGN, by=by, data={"assignee": assignee_id})
        except ActionNotAllowed as exc:
            refused.append(
                (
                    inquiry,
                    _("not open to assignment now (it is %(status)s)")
                    % {"status": exc.inquiry.status_label},
                )
            )
        except ValidationError as exc:
            refused.append((inquiry, " ".join(exc.messages)))
        else:
            assigned.append(inquiry)
    return assigned, refused
