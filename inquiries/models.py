"""Inquiries and what hangs on them: referrals, messages, documents, events, notifications."""

import hashlib
import json
from datetime import date, datetime

from django.conf import settings
from django.db import connection, models
from django.db.models import F, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase

from accounts.trust import ServiceLevel
from centers.models import FunctionalArea

from . import deadlines
from .types import SPECS, InquiryType, Outcome, StatutoryClock, parse_details
from .workflow import OPEN_STATES, Action, Status


class StaleInquiry(Exception):
    """Someone else changed the inquiry first (the version check failed)."""


def queue_due():
    """`due` with no clock (NULL) read as the latest date: the queue order's first key as one
    value, indexed by inquiry_queue_key and inquiry_center_queue_key (used by the keyset
    pages, inquiries.pagination)."""
    return Coalesce(F("due"), Value(date.max, output_field=models.DateField()))


# The SLA clocks stop while the importer is asked for information.
SLA_PAUSED_STATE = Status.AWAITING_IMPORTER


def sla_due_of(status: str, first_response_at, first_response_due, resolution_due):
    """The due date of the SLA clock running now: none once closed or while paused; the
    first response's until there is one, then the resolution's."""
    if status not in OPEN_STATES or status == SLA_PAUSED_STATE:
        return None
    return first_response_due if first_response_at is None else resolution_due


# Business days spent in these states do not count towards the SLA targets: awaiting the
# importer, and resolved (until a reopen).
SLA_PAUSING_STATES = frozenset({Status.AWAITING_IMPORTER, Status.RESOLVED})


def pauses_after(sla_pauses: list, before: str, after: str, day: date) -> list[list]:
    """The stored SLA pauses (`[[start ISO date, end ISO date or None], ...]`) after a move
    from `before` to `after` on `day`: entering a pausing state opens a pause, leaving one
    closes the open pause. Pure (a new list), so the load generator pauses the same way."""
    pauses = [list(pause) for pause in sla_pauses]
    if before not in SLA_PAUSING_STATES and after in SLA_PAUSING_STATES:
        pauses.append([day.isoformat(), None])
    elif (
        before in SLA_PAUSING_STATES
        and after not in SLA_PAUSING_STATES
        and pauses
        and pauses[-1][1] is None
    ):
        pauses[-1][1] = day.isoformat()
    return pauses


def parse_pauses(sla_pauses: list) -> list[tuple[date, date | None]]:
    """The stored SLA pauses as (start, end or None) dates."""
    return [
        (date.fromisoformat(start), date.fromisoformat(end) if end else None)
        for start, end in sla_pauses
    ]


def inquiry_clocks(
    *,
    kind: str,
    details: dict,
    submitted_on: date,
    entry,
    service_level: str,
    status: str,
    first_response_at,
    pauses,
    today: date,
    sla_due_dates=None,
) -> dict:
    """Every stored clock of an inquiry from its facts: what `Inquiry.computed_clocks` gives,
    as a pure function the load generator calls too.

    `entry` is read only for an open inquiry's statutory clocks. `sla_due_dates` is
    `deadlines.sla_due_dates` unless a caller passes a memoized one (same keywords).
    """
    first_due, resolution_due = (sla_due_dates or deadlines.sla_due_dates)(
        submitted_on=submitted_on,
        service_level=service_level,
        cargo_hold=kind == InquiryType.CARGO_HOLD,
        pauses=pauses,
        today=today,
    )
    clock, statutory = "", None
    if status in OPEN_STATES:
        spec = SPECS[kind]
        clocks = sorted(
            spec.clocks(parse_details(spec, details), submitted_on, entry), key=lambda item: item[1]
        )
        if clocks:
            clock, statutory = clocks[0]
    sla = sla_due_of(status, first_response_at, first_due, resolution_due)
    return {
        "first_response_due": first_due,
        "resolution_due": resolution_due,
        "statutory_deadline": statutory,
        "statutory_clock": clock,
        "due": deadlines.earliest(sla, statutory),
    }


# Codename of the permission of a filer delegate of one inquiry (guardian); the access policy
# (access.roles) reads it from here.
ACT_ON_INQUIRY = "act_on_inquiry"


class InquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATES)

    def for_center(self, center_code: str):
        return self.filter(center_id=center_code)

    def triage(self):
        return self.filter(center__isnull=True, status=Status.SUBMITTED)

    def queue_order(self):
        """The one queue order: due (nulls last), service level rank, submitted, id; on the
        key of the queue indexes (queue_due), so an unfiltered queue reads an index range."""
        return self.order_by(queue_due(), "service_level_rank", "submitted_at", "id")

    def newest_first(self):
        return self.order_by("-submitted_at", "-id")

    def overdue(self, today: date):
        return self.open().filter(due__lt=today)

    def with_referral_target(self):
        """Annotate `referral_target`: for a referred inquiry the target of its first open
        referral (its status names where it was referred), else NULL; a subquery evaluated
        for referred rows only, so list pages need no referrals query of their own.

        Written as SQL because the list pages run it on every request: the same
        Case(When(Subquery(...))) costs 0.6 ms a page to build and compile, a third of the
        ORM's share of the API list (docs/performance.md). It names the inquiry table
        itself, so it annotates top-level list queries only, never one nested in another."""
        return self.annotate(
            referral_target=RawSQL(  # noqa: S611 (constant SQL)
                _REFERRAL_TARGET_SQL, (Status.REFERRED,), output_field=models.CharField()
            )
        )


class Inquiry(models.Model):
    """One piece of post-release work an importer brings to CBP."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    # Foreign keys indexed first in a composite index of Meta have no index of their own:
    # each index costs every filing and every change of state.
    importer = models.ForeignKey(
        "accounts.Importer", on_delete=models.PROTECT, related_name="inquiries", db_index=False
    )
    type = models.CharField(max_length=24, choices=InquiryType.choices)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.SUBMITTED, editable=False
    )
    subject = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    details = models.JSONField(default=dict, blank=True)
    entry = models.ForeignKey(
        "entries.Entry", on_delete=models.PROTECT, null=True, blank=True, related_name="inquiries"
    )
    hts = models.CharField(_("HTS number or prefix"), max_length=10, blank=True)
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inquiries",
        editable=False,
        db_index=False,
    )
    functional_area = models.CharField(
        max_length=20, choices=FunctionalArea.choices, editable=False
    )
    routing_reason = models.TextField(editable=False)
    service_level = models.CharField(max_length=13, choices=ServiceLevel.choices, editable=False)
    service_level_rank = models.PositiveSmallIntegerField(editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_inquiries",
        editable=False,
        db_index=False,
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="filed_inquiries",
        editable=False,
    )
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)
    first_response_at = models.DateTimeField(null=True, blank=True, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True, editable=False)
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True, editable=False)
    # SLA pauses as [[start ISO date, end ISO date or null], ...]: awaiting the importer, or
    # resolved before a reopen. Kept by the transition method; clocks are derived from it.
    sla_pauses = models.JSONField(default=list, editable=False)
    # Stored clocks, refreshed by every transition and nightly; `due` orders the queue.
    first_response_due = models.DateField(null=True, editable=False)
    resolution_due = models.DateField(null=True, editable=False)
    reply_due = models.DateField(null=True, editable=False)
    statutory_deadline = models.DateField(null=True, editable=False)
    statutory_clock = models.CharField(
        max_length=24, choices=StatutoryClock.choices, blank=True, editable=False
    )
    due = models.DateField(null=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = _("inquiries")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["center", "status"], name="inquiry_center_status"),
            models.Index(fields=["importer", "status"], name="inquiry_importer_status"),
            models.Index(fields=["assignee", "status"], name="inquiry_assignee_status"),
            models.Index(fields=["-submitted_at", "-id"], name="inquiry_newest"),
            # The keyset pages' key (inquiries.pagination.queue_due): due with no clock as
            # the latest date, so "after the cursor" is one row comparison, an index range.
            models.Index(
                F("center"),
                queue_due(),
                F("service_level_rank"),
                F("submitted_at"),
                F("id"),
                name="inquiry_center_queue_key",
            ),
            models.Index(
                queue_due(),
                F("service_level_rank"),
                F("submitted_at"),
                F("id"),
                name="inquiry_queue_key",
            ),
        ]
        permissions = [(ACT_ON_INQUIRY, "Take trade actions on the inquiry")]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    # --- Facts derived from the row -----------------------------------------------------

    @property
    def spec(self):
        return SPECS[self.type]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATES

    @property
    def submitted_on(self) -> date:
        return deadlines.local_date(self.submitted_at)

    @property
    def resolved_on(self) -> date | None:
        return deadlines.local_date(self.resolved_at) if self.resolved_at else None

    @property
    def sla_paused(self) -> bool:
        return self.status == SLA_PAUSED_STATE

    @property
    def needs_reply(self) -> bool:
        """The Center asked the importer for information and waits for the answer."""
        return self.status == Status.AWAITING_IMPORTER

    @property
    def sla_due(self) -> date | None:
        return sla_due_of(
            self.status, self.first_response_at, self.first_response_due, self.resolution_due
        )

    @property
    def parsed_details(self) -> dict:
        return parse_details(self.spec, self.details)

    @property
    def open_referral(self):
        if self.status != Status.REFERRED:
            return None
        return next((r for r in self.referrals.all() if r.returned_at is None), None)

    @property
    def status_label(self) -> str:
        if self.status == Status.REFERRED and self.open_referral is not None:
            return self.open_referral.trade_label
        return Status(self.status).label

    def statutory_clocks(self) -> list[tuple[str, date]]:
        return self.spec.clocks(self.parsed_details, self.submitted_on, self.entry)

    def pauses(self) -> list[tuple[date, date | None]]:
        return parse_pauses(self.sla_pauses)

    def computed_clocks(self, today: date) -> dict:
        """Every stored clock as it should be now (pure: reads only this row and its entry)."""
        return inquiry_clocks(
            kind=self.type,
            details=self.details,
            submitted_on=self.submitted_on,
            service_level=self.service_level,
            status=self.status,
            first_response_at=self.first_response_at,
            pauses=self.pauses(),
            today=today,
            # A closed inquiry has no statutory clock: its entry is not read (no query).
            entry=self.entry if self.is_open else None,
        )

    # --- The one guarded way to change the row ----------------------------------------

    def apply_change(
        self,
        *,
        action: str,
        actor,
        to_status: Status | None = None,
        changes: dict | None = None,
        reason: str = "",
        trade_visible: bool = False,
        today: date | None = None,
    ) -> "InquiryEvent":
        """Move status (and other fields) under the version check, refresh clocks, audit.

        Raises StaleInquiry when another change won first. Services call this; nothing
        else writes `status`.
        """
        today = today or timezone.localdate()
        from_status = self.status
        changes = dict(changes or {})
        if to_status is not None:
            changes["status"] = to_status
        self._track_pause(from_status, changes.get("status", from_status), today, changes)
        for name, value in changes.items():
            setattr(self, name, value)
        changed = sorted(changes)
        changes.update(self.computed_clocks(today))
        for name, value in changes.items():
            setattr(self, name, value)
        updated = Inquiry.objects.filter(pk=self.pk, version=self.version).update(
            version=F("version") + 1, **changes
        )
        if updated != 1:
            raise StaleInquiry(self.reference)
        self.version += 1
        return InquiryEvent.append(
            inquiry=self,
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=self.status,
            changed=changed,
            reason=reason,
            trade_visible=trade_visible,
        )

    def _track_pause(self, before, after, today, changes):
        pauses = pauses_after(self.sla_pauses, before, after, today)
        if pauses != self.sla_pauses:
            changes["sla_pauses"] = pauses


class ReferenceCounter(models.Model):
    """One sequence of reference numbers per year; gaps are allowed, repeats are not."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, year: int) -> str:
        """Atomically take the next number of the year (one upsert, safe under concurrency).

        Taken outside a transaction (as filing does), PostgreSQL commits the upsert without
        waiting for its WAL flush: the filing's own commit comes later in the WAL and
        flushes it, so once an inquiry holds a number its increment is durable; a crash
        before that loses only a number no inquiry holds (gaps are allowed, repeats not).
        Inside a caller's transaction the setting would cover the caller's commit: not then.
        """
        table = connection.ops.quote_name(cls._meta.db_table)
        statement = (
            f"INSERT INTO {table} (year, last) VALUES (%s, 1) "  # noqa: S608 (table name)
            f"ON CONFLICT (year) DO UPDATE SET last = {table}.last + 1 RETURNING last"
        )
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # One round trip: the two statements run as one implicit transaction.
            statement = "SET LOCAL synchronous_commit TO OFF; " + statement
        with connection.cursor() as cursor:
            cursor.execute(statement, [year])
            number = cursor.fetchone()[0]
        return f"CEE-{year}-{number:06d}"


class RoutingRecord(models.Model):
    """Each Center an inquiry was routed to, and why: staff keep read access after a reroute."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="routings")
    # Indexed first in routing_center_inquiry.
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    reason = models.TextField()
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    routed_at = models.DateTimeField(default=timezone.now)
    # Set when a later reroute took the inquiry on: the access policy then reads this record
    # for the Center's read access, and the current Center from the inquiry itself.
    superseded = models.BooleanField(default=False, db_default=False)

    class Meta:
        ordering = ["routed_at", "id"]
        indexes = [
            models.Index(fields=["center", "inquiry"], name="routing_center_inquiry"),
            models.Index(
                fields=["center", "inquiry"],
                name="routing_superseded",
                condition=Q(superseded=True),
            ),
        ]

    def __str__(self):
        return f"{self.inquiry_id} → {self.center_id or 'HQ triage'}"


class Referral(models.Model):
    """A referral to HQ, a partner agency or FP&F, with its note and the decision returned."""

    class Target(models.TextChoices):
        HQ = "hq", _("HQ (Regulations & Rulings)")
        PGA = "pga", _("partner agency")
        FPF = "fpf", _("Fines, Penalties & Forfeitures")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="referrals")
    target = models.CharField(max_length=3, choices=Target.choices)
    agency = models.ForeignKey(
        "centers.PartnerAgency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
    )
    note = models.TextField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    referred_at = models.DateTimeField(default=timezone.now)
    decision = models.TextField(blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    recalled = models.BooleanField(default=False)

    class Meta:
        ordering = ["referred_at"]
        indexes = [
            models.Index(fields=["target", "agency", "returned_at"], name="referral_target"),
        ]

    def __str__(self):
        return f"{self.inquiry.reference} → {self.target_code}"

    @property
    def target_code(self) -> str:
        return f"pga:{self.agency_id}" if self.target == self.Target.PGA else self.target

    @property
    def trade_label(self) -> str:
        return self.label_for(self.target)

    @classmethod
    def label_for(cls, target: str) -> str:
        """The status a referral to `target` shows: it names the kind of reviewer only."""
        labels = {
            cls.Target.HQ: _("Referred to HQ"),
            cls.Target.PGA: _("Referred to partner agency"),
            cls.Target.FPF: _("Referred to FP&F"),
        }
        return str(labels[target])


# Inquiry.objects.with_referral_target(): the target of an inquiry's first open referral
# (constant SQL; the state is a parameter).
_REFERRAL_TARGET_SQL = (
    'CASE WHEN "inquiries_inquiry"."status" = %s THEN ('
    'SELECT r."target" FROM "inquiries_referral" r '
    'WHERE r."inquiry_id" = "inquiries_inquiry"."id" AND r."returned_at" IS NULL '
    'ORDER BY r."referred_at" LIMIT 1) END'
)


class Message(models.Model):
    """External (the importer sees it) or an internal note (CBP only)."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField()
    internal = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["inquiry", "internal", "created_at"], name="message_inquiry"),
        ]

    def __str__(self):
        return f"{'Note' if self.internal else 'Message'} on {self.inquiry_id}"


def document_path(instance, filename):
    # A generated name: the uploaded name is kept only as data, never as a path.
    return f"documents/{timezone.now():%Y/%m}/{instance.storage_key}"


class Document(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=document_path, max_length=200)
    storage_key = models.CharField(max_length=64, unique=True, editable=False)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.filename


# The previous hash of an inquiry's first event.
GENESIS_HASH = "0" * 64


def event_hash(
    *,
    inquiry_id: int,
    sequence: int,
    actor_id: int | None,
    action: str,
    from_status: str,
    to_status: str,
    changed: list[str],
    reason: str,
    trade_visible: bool,
    at: datetime,
    previous_hash: str,
) -> str:
    """The SHA-256 of an audit event's fields (their JSON, keys sorted) chained to the hash
    of the event before it. Pure, so the load generator chains its events the same way."""
    payload = json.dumps(
        {
            "inquiry": inquiry_id,
            "sequence": sequence,
            "actor": actor_id,
            "action": action,
            "from": from_status,
            "to": to_status,
            "changed": changed,
            "reason": reason,
            "trade_visible": trade_visible,
            "at": at.isoformat(),
            "previous": previous_hash,
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class InquiryEvent(models.Model):
    """Append-only audit trail, hash-chained per inquiry so tampering shows."""

    # Indexed first in the unique (inquiry, sequence) constraint.
    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.PROTECT, related_name="events", db_index=False
    )
    sequence = models.PositiveIntegerField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    changed = models.JSONField(default=list)
    reason = models.TextField(blank=True)
    trade_visible = models.BooleanField(default=False)
    at = models.DateTimeField(default=timezone.now)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["inquiry", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "sequence"], name="one_event_per_sequence")
        ]
        indexes = [
            # The risk report's late replies: requests and replies in inquiry and sequence
            # order with their time, read from the index alone (a few % of the events).
            models.Index(
                fields=["inquiry", "sequence", "action", "at"],
                condition=Q(action__in=[Action.REQUEST_INFO, Action.RESPOND]),
                name="event_request_reply",
            ),
        ]

    def __str__(self):
        return f"{self.inquiry_id} #{self.sequence} {self.action}"

    def compute_hash(self) -> str:
        return event_hash(
            inquiry_id=self.inquiry_id,
            sequence=self.sequence,
            actor_id=self.actor_id,
            action=self.action,
            from_status=self.from_status,
            to_status=self.to_status,
            changed=self.changed,
            reason=self.reason,
            trade_visible=self.trade_visible,
            at=self.at,
            previous_hash=self.previous_hash,
        )

    @classmethod
    def append(cls, *, inquiry, first: bool = False, **fields) -> "InquiryEvent":
        """Add the next event of the chain (callers hold the inquiry row's lock or version).

        `first`: the inquiry was just created, so its chain starts here (no look-up).
        """
        last = None if first else cls.objects.filter(inquiry=inquiry).order_by("-sequence").first()
        event = cls(
            inquiry=inquiry,
            sequence=(last.sequence + 1) if last else 1,
            previous_hash=last.hash if last else GENESIS_HASH,
            **fields,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        return event


class Notification(models.Model):
    """Outbox and in-portal inbox row: written with the change, published after commit."""

    # Indexed first in notification_inbox.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        db_index=False,
    )
    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, null=True, blank=True, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    send_email = models.BooleanField(default=True)
    kind = models.CharField(max_length=40, default="change")
    # Unique by a constraint, not `unique=True`: PostgreSQL then needs no second index for
    # LIKE searches, which nothing makes.
    dedupe_key = models.CharField(max_length=120, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["dedupe_key"], name="one_notification_per_key"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox"),
            models.Index(
                fields=["created_at"],
                condition=Q(delivered_at__isnull=True),
                name="notification_undelivered",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"


class InquiryDelegation(UserObjectPermissionBase):
    """A broker's grant on one inquiry (its messages, documents and entry), maybe expiring."""

    content_object = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, related_name="delegations"
    )
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("inquiry delegation")

    def __str__(self):
        return f"{self.user} → {self.content_object.reference}"


class SlaClock(models.TextChoices):
    FIRST_RESPONSE = "first_response", _("First response")
    RESOLUTION = "resolution", _("Resolution")


class SlaBreach(models.Model):
    """An SLA due date an open inquiry let pass: recorded once, when its supervisors are told.

    One row per inquiry, clock and due date: a later sweep finds the row and sends nothing,
    while a due date that moved (a reopen or a pause resumes the clock) can be breached anew.
    """

    inquiry = models.ForeignKey(Inquiry, on_delete=models.PROTECT, related_name="sla_breaches")
    clock = models.CharField(max_length=14, choices=SlaClock.choices)
    due = models.DateField()
    center = models.ForeignKey("centers.Center", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["inquiry", "clock", "due"], name="one_breach_per_sla_due"
            )
        ]

    def __str__(self):
        return f"{self.inquiry_id} {self.clock} due {self.due}"


class ReminderKind(models.TextChoices):
    """The importer's own statutory deadlines that the daily digest reminds of."""

    PROTEST_WINDOW = "protest_window", _("Protest period ends")
    CF28_RESPONSE = StatutoryClock.CF28_RESPONSE.value, StatutoryClock.CF28_RESPONSE.label
    CF29_REPLY = StatutoryClock.CF29_REPLY.value, StatutoryClock.CF29_REPLY.label
    PSC_DEADLINE = StatutoryClock.PSC_DEADLINE.value, StatutoryClock.PSC_DEADLINE.label
    SEIZURE_PETITION = StatutoryClock.SEIZURE_PETITION.value, StatutoryClock.SEIZURE_PETITION.label
    PENALTY_PETITION = StatutoryClock.PENALTY_PETITION.value, StatutoryClock.PENALTY_PETITION.label


class StatutoryReminder(models.Model):
    """A reminder the daily digest carried: each (subject, deadline, threshold) only once.

    The subject is an entry (its protest period) or an inquiry (its statutory clock);
    `sent_on` is the digest's day in the portal zone, one digest per importer and day.
    """

    importer = models.ForeignKey(
        "accounts.Importer", on_delete=models.CASCADE, related_name="statutory_reminders"
    )
    kind = models.CharField(max_length=24, choices=ReminderKind.choices)
    entry = models.ForeignKey(
        "entries.Entry", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    inquiry = models.ForeignKey(
        Inquiry, on_delete=models.CASCADE, null=True, blank=True, related_name="statutory_reminders"
    )
    deadline = models.DateField()
    threshold = models.PositiveSmallIntegerField(help_text=_("Days before the deadline."))
    sent_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["sent_on", "deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(entry__isnull=False, inquiry__isnull=True)
                | Q(entry__isnull=True, inquiry__isnull=False),
                name="reminder_has_one_subject",
            ),
            models.UniqueConstraint(
                fields=["importer", "kind", "entry", "deadline", "threshold"],
                condition=Q(entry__isnull=False),
                name="one_entry_reminder",
            ),
            models.UniqueConstraint(
                fields=["importer", "kind", "inquiry", "deadline", "threshold"],
                condition=Q(inquiry__isnull=False),
                name="one_inquiry_reminder",
            ),
        ]
        indexes = [models.Index(fields=["importer", "sent_on"], name="reminder_digest_day")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.deadline} ({self.threshold} days)"
