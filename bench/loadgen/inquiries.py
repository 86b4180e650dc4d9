"""Generated inquiries with their whole history: events (hash-chained), messages, referrals.

Each inquiry is walked through the lifecycle table's path to its final state, so its events,
pauses, stored clocks and `version` are what the services would have written. Every rule
comes from the domain's own pure functions: the states each action leads to
(`workflow.TRANSITIONS`), the pause rule and the stored clocks (`inquiries.models`:
`pauses_after`, `inquiry_clocks`, over `inquiries.deadlines`), the audit hash
(`event_hash`) and the routing texts (`inquiries.routing`).
"""

import json
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace

from centers.coverage import center_for_hts, prefix_table
from entries.deadlines import protest_window_ends, psc_deadline
from entries.formats import display_entry_number
from entries.models import EntryType, LiquidationStatus
from inquiries import deadlines
from inquiries.models import (
    GENESIS_HASH,
    event_hash,
    inquiry_clocks,
    parse_pauses,
    pauses_after,
)
from inquiries.routing import reroute_reason, route, sent_to_reason
from inquiries.types import SPECS, InquiryType, Outcome
from inquiries.workflow import OPEN_STATES, TRANSITIONS, Action, Status

from . import details as detail_makers
from .copy import NULL, text

INQUIRY_COLUMNS = [
    "id",
    "reference",
    "importer_id",
    "type",
    "status",
    "subject",
    "description",
    "details",
    "entry_id",
    "hts",
    "center_id",
    "functional_area",
    "routing_reason",
    "service_level",
    "service_level_rank",
    "assignee_id",
    "filed_by_id",
    "submitted_at",
    "first_response_at",
    "resolved_at",
    "outcome",
    "sla_pauses",
    "first_response_due",
    "resolution_due",
    "reply_due",
    "statutory_deadline",
    "statutory_clock",
    "due",
    "version",
]
EVENT_COLUMNS = [
    "id",
    "inquiry_id",
    "sequence",
    "actor_id",
    "action",
    "from_status",
    "to_status",
    "changed",
    "reason",
    "trade_visible",
    "at",
    "previous_hash",
    "hash",
]
MESSAGE_COLUMNS = ["id", "inquiry_id", "author_id", "body", "internal", "created_at"]
REFERRAL_COLUMNS = [
    "id",
    "inquiry_id",
    "target",
    "agency_id",
    "note",
    "referred_by_id",
    "referred_at",
    "decision",
    "returned_by_id",
    "returned_at",
    "recalled",
]
ROUTING_COLUMNS = [
    "id",
    "inquiry_id",
    "center_id",
    "reason",
    "routed_by_id",
    "routed_at",
    "superseded",
]

STATUSES = [
    (Status.CLOSED, 55),
    (Status.WITHDRAWN, 4),
    (Status.RESOLVED, 6),
    (Status.SUBMITTED, 8),
    (Status.ASSIGNED, 6),
    (Status.IN_REVIEW, 9),
    (Status.AWAITING_IMPORTER, 7),
    (Status.REFERRED, 5),
]
TYPES = [
    (InquiryType.CF28, 15),
    (InquiryType.CF29, 10),
    (InquiryType.PROTEST, 12),
    (InquiryType.CARGO_HOLD, 5),
    (InquiryType.POST_ENTRY_AMENDMENT, 9),
    (InquiryType.TECHNICAL_GUIDANCE, 14),
    (InquiryType.POLICY_CLARIFICATION, 8),
    (InquiryType.COUNTERFEIT_REPORT, 5),
    (InquiryType.BINDING_RULING, 6),
    (InquiryType.FTZ_QUESTION, 6),
    (InquiryType.PENALTY_PETITION, 5),
    (InquiryType.EXAM_LOCATION, 5),
]
# Fields each action changes (sorted, as `apply_change` records them) and trade visibility.
CHANGED = {
    Action.CLAIM: (["assignee", "status"], False),
    Action.START_REVIEW: (["status"], False),
    Action.REQUEST_INFO: (["reply_due", "status"], True),
    Action.RESPOND: (["reply_due", "status"], True),
    Action.REFER: (["status"], False),
    Action.RESOLVE: (["outcome", "reply_due", "resolved_at", "status"], True),
    Action.CLOSE: (["status"], True),
    Action.WITHDRAW: (["status"], True),
    Action.REROUTE: (["assignee", "center", "routing_reason", "status"], False),
}
# Where each of those actions leads, from the lifecycle table.
TARGETS = {action: TRANSITIONS[action].target for action in CHANGED}
STAFF_ACTIONS = {
    Action.CLAIM,
    Action.START_REVIEW,
    Action.REQUEST_INFO,
    Action.REFER,
    Action.RESOLVE,
}
# Inquiries that first reach the wrong Center, whose staff send them on to the right one
# before working them (the old Center keeps reading them: DESIGN.md §1).
REROUTED_SHARE = 0.02
REROUTE_NOTE = "The goods are classified under headings another Center covers."
NO_CENTER = SimpleNamespace(center_id=None)  # an importer no Center is assigned to yet


@lru_cache(maxsize=200_000)
def _sla_due_dates(submitted_on, service_level, cargo_hold, pauses, today):
    return deadlines.sla_due_dates(
        submitted_on=submitted_on,
        service_level=service_level,
        cargo_hold=cargo_hold,
        pauses=pauses,
        today=today,
    )


def memo_sla_due_dates(*, submitted_on, service_level, cargo_hold, pauses, today):
    """`deadlines.sla_due_dates`, remembered: many inquiries share the same facts."""
    return _sla_due_dates(submitted_on, service_level, cargo_hold, tuple(pauses), today)


@lru_cache(maxsize=10_000)
def _json(value) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value)


def first_hts(center: str) -> str:
    """A heading (4 digits or more) that routes to the Center: the HTS number first given
    on an inquiry that then reaches the wrong Center."""
    headings = (
        f"{prefix}01" if len(prefix) == 2 else prefix  # a chapter's first heading
        for prefix, code in prefix_table().items()
        if code == center
    )
    return min(
        (hts for hts in headings if center_for_hts(hts) == center), key=lambda hts: (len(hts), hts)
    )


def steps_to(rng, status: str, *, has_center: bool) -> list[str]:
    """The actions that take a new inquiry to `status` (a path through the table)."""
    if not has_center:
        return [Action.WITHDRAW] if status == Status.WITHDRAWN else []
    detour = [Action.REQUEST_INFO, Action.RESPOND] if rng.random() < 0.25 else []
    paths = {
        Status.SUBMITTED: [],
        Status.ASSIGNED: [Action.CLAIM],
        Status.IN_REVIEW: [Action.CLAIM, Action.START_REVIEW, *detour],
        Status.AWAITING_IMPORTER: [Action.CLAIM, Action.START_REVIEW, Action.REQUEST_INFO],
        Status.REFERRED: [Action.CLAIM, Action.START_REVIEW, Action.REFER],
        Status.RESOLVED: [Action.CLAIM, Action.START_REVIEW, *detour, Action.RESOLVE],
        Status.CLOSED: [Action.CLAIM, Action.START_REVIEW, *detour, Action.RESOLVE, Action.CLOSE],
        Status.WITHDRAWN: [Action.CLAIM, Action.WITHDRAW]
        if rng.random() < 0.5
        else [Action.WITHDRAW],
    }
    return paths[status]


class InquiryMaker:
    """Writes inquiries and everything hanging on them to COPY tables."""

    def __init__(
        self,
        rng,
        *,
        now: datetime,
        first_ids: dict,
        counters: dict[int, int],
        staff,
        agencies: list[str],
        ports: list[str],
        tables: dict,
    ):
        self.rng = rng
        self.now = now
        self.today = deadlines.local_date(now)
        self.ids = dict(first_ids)
        self.counters = counters  # last reference number taken, per year
        self.staff = staff
        self.agencies = agencies
        self.ports = ports
        self.t = tables
        self.centers = sorted(staff.by_center)
        self.first_hts = {center: first_hts(center) for center in self.centers}
        self.statuses, self.status_weights = zip(*STATUSES, strict=True)
        self.types, self.type_weights = zip(*TYPES, strict=True)

    def take_id(self, name: str) -> int:
        value = self.ids[name]
        self.ids[name] += 1
        return value

    def reference(self, year: int) -> str:
        self.counters[year] = self.counters.get(year, 0) + 1
        return f"CEE-{year}-{self.counters[year]:06d}"

    # --- Choosing what the inquiry is ------------------------------------------------

    def _submitted(self, status: str) -> datetime:
        rng = self.rng
        if status in (Status.CLOSED, Status.WITHDRAWN):
            days = rng.uniform(1, 730)
        elif status == Status.RESOLVED:
            days = rng.uniform(1, 60)
        else:
            days = min(rng.expovariate(1 / 25), 700)
        moment = self.now - timedelta(days=days)
        return moment.replace(microsecond=0)

    def _type(self, importer) -> InquiryType:
        kind = self.rng.choices(self.types, self.type_weights)[0]
        if kind == InquiryType.PENALTY_PETITION and importer.service_level not in ("isa", "ctpat"):
            return InquiryType.TECHNICAL_GUIDANCE
        if kind == InquiryType.EXAM_LOCATION and not importer.trusted_partner:
            return InquiryType.POLICY_CLARIFICATION
        return kind

    def _entry_for(self, kind, entries, on: date):
        """An entry of the importer that the type may name on that day, or None."""
        for _try in range(8):
            if not entries:
                return None
            entry = self.rng.choice(entries)
            if entry.entry_date >= on:
                continue
            if kind == InquiryType.PROTEST and not self._protestable(entry, on):
                continue
            if kind == InquiryType.POST_ENTRY_AMENDMENT and not self._correctable(entry, on):
                continue
            return entry
        return None

    @staticmethod
    def _protestable(entry, on: date) -> bool:
        return (
            entry.liquidation_status == LiquidationStatus.LIQUIDATED
            and entry.liquidation_date <= on <= protest_window_ends(entry.liquidation_date)
        )

    @staticmethod
    def _correctable(entry, on: date) -> bool:
        return (
            entry.liquidation_status == LiquidationStatus.UNLIQUIDATED
            and entry.entry_type != EntryType.INFORMAL
            and on <= psc_deadline(entry.entry_date)
        )

    def _what(self, importer, entries, submitted_on: date):
        """(type, entry or None, hts, details) valid for filing on `submitted_on`."""
        kind = self._type(importer)
        spec = SPECS[kind]
        entry = None
        if spec.needs_entry != "no" and (spec.needs_entry == "required" or self.rng.random() < 0.7):
            entry = self._entry_for(kind, entries, submitted_on)
            if entry is None and spec.needs_entry == "required":
                kind, spec = InquiryType.TECHNICAL_GUIDANCE, SPECS[InquiryType.TECHNICAL_GUIDANCE]
        details = detail_makers.make(
            self.rng, kind, entry=entry, on=submitted_on, agencies=self.agencies, ports=self.ports
        )
        hts = ""
        if kind in (InquiryType.TECHNICAL_GUIDANCE, InquiryType.COUNTERFEIT_REPORT) and (
            entry is None or self.rng.random() < 0.5
        ):
            hts = (
                entry.principal_hts
                if entry
                else self.rng.choice(("8471", "3004", "6109", "9403", "8708", "7208"))
            )
        return spec, entry, hts, details

    # --- Writing one inquiry -------------------------------------------------------------

    def make(self, importer, entries) -> None:
        rng = self.rng
        status = rng.choices(self.statuses, self.status_weights)[0]
        submitted_at = self._submitted(status)
        submitted_on = deadlines.local_date(submitted_at)
        spec, entry, hts, details = self._what(importer, entries, submitted_on)
        entry_like = None
        if entry is not None:
            entry_like = SimpleNamespace(
                center_id=None,
                principal_center_id=entry.principal_center,
                principal_hts=entry.principal_hts,
                entry_date=entry.entry_date,
                display_number=display_entry_number(entry.number),
            )
        decided = route(importer=importer, entry=entry_like, hts=hts, functional_area=spec.area)
        steps = steps_to(rng, status, has_center=decided.center is not None)
        first_center = decided.center
        if decided.center is not None and rng.random() < REROUTED_SHARE:
            first_center = rng.choice([code for code in self.centers if code != decided.center])
            steps = [Action.REROUTE, *steps]
        history = History(
            self,
            importer=importer,
            center=decided.center,
            first_center=first_center,
            submitted_at=submitted_at,
            steps=steps,
            status=status,
        )
        inquiry_id = self.take_id("inquiry")
        rerouted = first_center != decided.center
        filed_reason = decided.reason
        if rerouted:  # the HTS number first given pointed to another Center
            filed_reason = route(
                importer=NO_CENTER,
                entry=None,
                hts=self.first_hts[first_center],
                functional_area=spec.area,
            ).reason
        history.write(inquiry_id, spec, filed_reason)
        today = self.today if history.status in OPEN_STATES else history.last_day
        clocks = inquiry_clocks(
            kind=spec.code,
            details=details,
            submitted_on=submitted_on,
            entry=entry_like,
            service_level=importer.service_level,
            status=history.status,
            first_response_at=history.first_response_at,
            pauses=parse_pauses(history.pauses),
            today=today,
            sla_due_dates=memo_sla_due_dates,
        )
        subject = f"{spec.label} – {importer.name}"[:200]
        self.t["inquiry"].add(
            inquiry_id,
            self.reference(submitted_on.year),
            importer.id,
            spec.code,
            history.status,
            subject,
            "Generated for load testing.",
            details,
            entry.id if entry else None,
            hts,
            decided.center,
            decided.functional_area,
            sent_to_reason(decided.center) if rerouted else decided.reason,
            importer.service_level,
            importer.service_level_rank,
            history.assignee,
            history.filer,
            submitted_at,
            history.first_response_at,
            history.resolved_at,
            history.outcome(spec),
            history.pauses,
            clocks["first_response_due"],
            clocks["resolution_due"],
            history.reply_due,
            clocks["statutory_deadline"],
            clocks["statutory_clock"],
            clocks["due"],
            len(history.events),
        )
        self.t["routing"].add(
            self.take_id("routing"),
            inquiry_id,
            first_center,
            filed_reason,
            history.filer,
            submitted_at,
            rerouted,
        )
        if rerouted:
            rerouter, rerouted_at = history.rerouted
            self.t["routing"].add(
                self.take_id("routing"),
                inquiry_id,
                decided.center,
                reroute_reason(decided.center, REROUTE_NOTE),
                rerouter,
                rerouted_at,
                False,
            )


class History:
    """The timeline of one inquiry: when each action happened, who did it, what it left."""

    def __init__(
        self, maker: InquiryMaker, *, importer, center, first_center, submitted_at, steps, status
    ):
        self.m = maker
        rng = maker.rng
        self.center = center
        self.filer = rng.choice(importer.users)
        # The staff of the Center the inquiry is with: the first one until a reroute.
        self.staff = maker.staff.by_center.get(first_center) or [None]
        self.rerouted = None  # (who, when) of the reroute to `center`, if any
        self.submitted_at = submitted_at
        self.steps = steps
        self.final = (
            status if center is not None or status == Status.WITHDRAWN else (Status.SUBMITTED)
        )
        self.status = Status.SUBMITTED
        self.assignee = None
        self.first_response_at = None
        self.resolved_at = None
        self.reply_due = None
        self.pauses: list[list] = []  # as stored: [[start ISO date, end or None], ...]
        self.events: list[tuple] = []
        self.times = self._times()
        self.last_day = deadlines.local_date(self.times[-1] if self.times else submitted_at)
        self._outcome = None

    def _times(self) -> list[datetime]:
        """Increasing moments for the steps; a resolution stays within the last 30 days."""
        if not self.steps:
            return []
        rng, now = self.m.rng, self.m.now
        start = self.submitted_at
        if Action.RESOLVE in self.steps and self.final == Status.RESOLVED:
            end = now
            start_last = max(start, now - timedelta(days=29))
        else:
            end = min(now, start + timedelta(days=rng.uniform(2, 120)))
            start_last = start
        span = (end - start).total_seconds()
        moments = sorted(
            start + timedelta(seconds=int(span * rng.random()) + 1) for _step in self.steps[:-1]
        )
        floor = max([start_last, *moments])
        last = floor + timedelta(seconds=int((end - floor).total_seconds() * rng.random()) + 1)
        return [*moments, min(last, now)]

    def outcome(self, spec) -> str:
        if self.resolved_at is None:
            return ""
        if self._outcome is None:
            allowed = [o for o in spec.allowed_outcomes if o != Outcome.UNANSWERED]
            rng = self.m.rng
            self._outcome = Outcome.ANSWERED if rng.random() < 0.6 else rng.choice(allowed)
        return self._outcome

    def _actor(self, action: str):
        if action == Action.REROUTE:
            return self.m.rng.choice(self.staff)
        if action in STAFF_ACTIONS:
            if self.assignee is None:
                self.assignee = self.m.rng.choice(self.staff)
            return self.assignee
        return self.filer

    def _apply(self, action: str, at: datetime) -> tuple[list[str], bool]:
        changed, visible = CHANGED[action]
        day = deadlines.local_date(at)
        if action == Action.REQUEST_INFO:
            self.reply_due = deadlines.reply_due(day)
        elif action in (Action.RESPOND, Action.RESOLVE):
            self.reply_due = None
        if action == Action.RESOLVE:
            self.resolved_at = at
        if action in (Action.REQUEST_INFO, Action.RESOLVE) and self.first_response_at is None:
            self.first_response_at = at
            changed = sorted([*changed, "first_response_at"])
        return changed, visible

    def write(self, inquiry_id: int, spec, routing_reason: str) -> None:
        """Write the events, messages and referral of the inquiry's path."""
        self._event(
            inquiry_id,
            self.filer,
            "file",
            "",
            Status.SUBMITTED,
            [],
            routing_reason,
            True,
            self.submitted_at,
        )
        for action, at in zip(self.steps, self.times, strict=True):
            actor = self._actor(action)
            before = self.status
            after = TARGETS[action]
            changed, visible = self._apply(action, at)
            self.pauses = pauses_after(self.pauses, before, after, deadlines.local_date(at))
            self.status = after
            reason = self._side_rows(inquiry_id, action, actor, at, spec)
            if action == Action.REROUTE:
                self.rerouted = (actor, at)
                self.staff = self.m.staff.by_center.get(self.center) or [None]
                self.assignee = None
                reason = REROUTE_NOTE
            self._event(inquiry_id, actor, action, before, after, changed, reason, visible, at)

    def _side_rows(self, inquiry_id, action, actor, at, spec) -> str:
        m = self.m
        texts = {
            Action.REQUEST_INFO: "Please send the commercial invoice and the packing list.",
            Action.RESPOND: "The invoice and packing list are attached to the inquiry.",
            Action.RESOLVE: "We reviewed the entry and answered your question in full.",
        }
        if action in texts:
            m.t["message"].add(m.take_id("message"), inquiry_id, actor, texts[action], False, at)
        if action == Action.START_REVIEW and m.rng.random() < 0.3:
            m.t["message"].add(
                m.take_id("message"),
                inquiry_id,
                actor,
                "Internal note: checked prior rulings for this heading.",
                True,
                at,
            )
        if action == Action.REFER:
            return self._referral(inquiry_id, actor, at)
        return ""

    def _referral(self, inquiry_id, actor, at) -> str:
        m = self.m
        roll = m.rng.random()
        target, agency = (
            ("hq", None)
            if roll < 0.4
            else (("pga", m.rng.choice(m.agencies)) if roll < 0.8 else ("fpf", None))
        )
        note = "Please advise on the classification question raised here."
        m.t["referral"].add(
            m.take_id("referral"),
            inquiry_id,
            target,
            agency,
            note,
            actor,
            at,
            "",
            None,
            None,
            False,
        )
        return note

    def _event(self, inquiry_id, actor, action, before, after, changed, reason, visible, at):
        previous = self.events[-1] if self.events else GENESIS_HASH
        sequence = len(self.events) + 1
        at_utc = at.astimezone(UTC)
        digest = event_hash(
            inquiry_id=inquiry_id,
            sequence=sequence,
            actor_id=actor,
            action=action,
            from_status=before,
            to_status=after,
            changed=changed,
            reason=reason,
            trade_visible=visible,
            at=at_utc,
            previous_hash=previous,
        )
        self.m.t["event"].add_line(
            f"{self.m.take_id('event')}\t{inquiry_id}\t{sequence}\t"
            f"{NULL if actor is None else actor}\t{action}\t{before}\t{after}\t"
            f"{_json(tuple(changed))}\t{text(reason)}\t{'t' if visible else 'f'}\t"
            f"{at_utc.isoformat()}\t{previous}\t{digest}"
        )
        self.events.append(digest)
