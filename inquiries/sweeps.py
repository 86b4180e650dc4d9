"""System work on inquiries: deemed denials and SLA breaches (hourly), auto-close and the
statutory reminder digest (daily).

Every query here is set-based: the database filters to the rows inside a window and leaves
out what was already recorded, so the work grows with what is due, not with the data.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    DateField,
    Exists,
    Func,
    OuterRef,
    PositiveSmallIntegerField,
    Q,
    Value,
    When,
)
from django.utils import timezone

from entries import deadlines as entry_deadlines
from entries.models import Entry, LiquidationStatus

from . import notifications, services
from .models import Inquiry, ReminderKind, SlaBreach, SlaClock, StatutoryReminder
from .types import InquiryType
from .workflow import Action, Status

logger = logging.getLogger(__name__)

# Days before the deadline at which the importer is reminded.
PROTEST_REMINDER_DAYS = (30, 14, 3)
CLOCK_REMINDER_DAYS = (7, 1)
# The importer's own statutory clocks of open inquiries (the stored `statutory_clock`).
REMINDED_CLOCKS = tuple(kind for kind in ReminderKind if kind != ReminderKind.PROTEST_WINDOW)
# `protest_kind` of a protest against a liquidation (the type's default when not given).
LIQUIDATION_PROTEST = "liquidation"

SLA_DUE_FIELDS = {
    SlaClock.FIRST_RESPONSE: "first_response_due",
    SlaClock.RESOLUTION: "resolution_due",
}


class AddDays(Func):
    """`date + days` as a date, in the same SQL on PostgreSQL and SQLite."""

    output_field = DateField()

    def __init__(self, expression, days: int):
        self.days = days
        super().__init__(expression)

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL: date + integer is a date.
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + %s)", [*params, self.days]

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", [*params, f"{self.days:+d} days"]


def deem_denied_protests(*, today: date | None = None) -> list[str]:
    """Record `deem_denied` on open protests whose deemed-denial clock ran out."""
    today = today or timezone.localdate()
    done = []
    for inquiry in (
        Inquiry.objects.open().filter(type=InquiryType.PROTEST).select_related("entry", "importer")
    ):
        try:
            services.perform_action(inquiry, Action.DEEM_DENIED, by=None, today=today)
        except services.ActionNotAllowed:
            continue
        done.append(inquiry.reference)
    return done


def auto_close_resolved(*, today: date | None = None) -> list[str]:
    """Close inquiries resolved more than 30 days ago (from the 31st day)."""
    today = today or timezone.localdate()
    done = []
    # Resolved inquiries are few (this job closes them): the lifecycle guard decides the day.
    for inquiry in Inquiry.objects.filter(status=Status.RESOLVED):
        try:
            services.perform_action(inquiry, Action.CLOSE, by=None, today=today)
        except services.ActionNotAllowed:
            continue
        done.append(inquiry.reference)
    return done


# --- SLA breaches (hourly) -------------------------------------------------------------------


def alert_sla_breaches(*, today: date | None = None) -> list[SlaBreach]:
    """Record SLA due dates that open inquiries let pass and alert their Center's supervisors.

    A clock is breached when its due date is before today (the due day itself is in time):
    first response while no staff act was trade-visible yet, resolution while the clock runs
    (not while awaiting the importer). One alert per inquiry, clock and due date: a second
    sweep finds the breach recorded and sends nothing; a due date that moved later (a reopen,
    or a pause that ended) and is passed again alerts again. Triage inquiries have no Center,
    hence no supervisor to alert, and are left out; a breach is recorded (and not repeated)
    even when its Center has no active supervisor at that hour.
    """
    today = today or timezone.localdate()
    breaches = [breach for clock in SlaClock for breach in _new_breaches(clock, today)]
    if not breaches:
        return []
    try:
        with transaction.atomic():
            SlaBreach.objects.bulk_create(breaches)
            notifications.notify_sla_breaches(breaches)
    except IntegrityError:
        logger.info("SLA breaches were recorded by a sweep running at the same time")
        return []
    return breaches


def _new_breaches(clock: SlaClock, today: date) -> list[SlaBreach]:
    field = SLA_DUE_FIELDS[clock]
    running = (
        Inquiry.objects.open()
        .exclude(status=Status.AWAITING_IMPORTER)
        .filter(center__isnull=False, **{f"{field}__lt": today})
    )
    if clock == SlaClock.FIRST_RESPONSE:
        running = running.filter(first_response_at__isnull=True)
    recorded = SlaBreach.objects.filter(inquiry=OuterRef("pk"), clock=clock, due=OuterRef(field))
    inquiries = (
        running.exclude(Exists(recorded))
        .order_by("pk")
        .only("pk", "reference", "type", "center_id", field)
    )
    return [
        SlaBreach(
            inquiry=inquiry, clock=clock, due=getattr(inquiry, field), center_id=inquiry.center_id
        )
        for inquiry in inquiries
    ]


# --- Statutory reminder digest (daily) -------------------------------------------------------


def send_reminder_digests(*, today: date | None = None) -> list[StatutoryReminder]:
    """Send each importer one digest of the statutory reminders now due; record each once.

    Reminders: the protest period of a liquidated entry with no protest filed for it yet
    (30, 14 and 3 days before its last day), and the importer's statutory clock of an open
    inquiry — CF-28 response, CF-29 reply, PSC deadline, petitions — 7 and 1 days before.
    The threshold now current is the smallest one at or above the days left (the deadline
    day itself, 0 days left, belongs to the smallest). Each (importer, subject, deadline,
    threshold) is recorded and never sent again, so a second run the same day or the next
    day sends nothing new. A day the job did not run is caught up once, by the threshold
    current at the next run; a threshold passed over entirely by a longer gap is not sent.
    An importer gets at most one digest a day: what becomes due after it waits a day.
    Reminders are recorded as sent even for an account with nobody to tell.
    """
    today = today or timezone.localdate()
    reminders = [*_protest_window_reminders(today), *_clock_reminders(today)]
    if not reminders:
        return []
    digests = defaultdict(list)
    for reminder in sorted(reminders, key=lambda r: (r.deadline, r.kind)):
        digests[reminder.importer].append(reminder)
    try:
        with transaction.atomic():
            StatutoryReminder.objects.bulk_create(reminders)
            notifications.send_reminder_digests(dict(digests), today=today)
    except IntegrityError:
        logger.info("Reminders were sent by a digest running at the same time")
        return []
    return reminders


def _threshold(field: str, origin: date, thresholds: tuple[int, ...]) -> Case:
    """The current threshold of a row whose deadline is `field - origin` days from today."""
    ordered = sorted(thresholds)
    return Case(
        *[
            When(**{f"{field}__lte": origin + timedelta(days=days)}, then=Value(days))
            for days in ordered[:-1]
        ],
        default=Value(ordered[-1]),
        output_field=PositiveSmallIntegerField(),
    )


def _in_window(queryset, field: str, origin: date, thresholds: tuple[int, ...]):
    """Rows whose deadline is 0 to max(thresholds) days away, with their current threshold."""
    return queryset.filter(
        **{f"{field}__range": (origin, origin + timedelta(days=max(thresholds)))}
    ).annotate(threshold=_threshold(field, origin, thresholds))


def _digest_sent(today: date) -> Exists:
    return Exists(StatutoryReminder.objects.filter(importer=OuterRef("importer"), sent_on=today))


def _protest_window_reminders(today: date) -> list[StatutoryReminder]:
    window = entry_deadlines.PROTEST_WINDOW_DAYS
    protested = (
        Inquiry.objects.filter(entry=OuterRef("pk"), type=InquiryType.PROTEST)
        .exclude(status=Status.WITHDRAWN)
        .filter(
            Q(details__protest_kind__isnull=True) | Q(details__protest_kind=LIQUIDATION_PROTEST)
        )
    )
    reminded = StatutoryReminder.objects.filter(
        kind=ReminderKind.PROTEST_WINDOW,
        entry=OuterRef("pk"),
        deadline=OuterRef("window_ends"),
        threshold=OuterRef("threshold"),
    )
    entries = (
        _in_window(
            Entry.objects.filter(liquidation_status=LiquidationStatus.LIQUIDATED),
            "liquidation_date",
            today - timedelta(days=window),
            PROTEST_REMINDER_DAYS,
        )
        .annotate(window_ends=AddDays("liquidation_date", window))
        .exclude(Exists(protested))
        .exclude(Exists(reminded))
        .exclude(_digest_sent(today))
        .select_related("importer")
        .order_by("pk")
        .only("pk", "entry_number", "liquidation_date", "importer__name", "importer__ior_number")
    )
    return [
        StatutoryReminder(
            importer=entry.importer,
            kind=ReminderKind.PROTEST_WINDOW,
            entry=entry,
            deadline=entry.protest_window_ends,
            threshold=entry.threshold,
            sent_on=today,
        )
        for entry in entries
    ]


def _clock_reminders(today: date) -> list[StatutoryReminder]:
    reminded = StatutoryReminder.objects.filter(
        kind=OuterRef("statutory_clock"),
        inquiry=OuterRef("pk"),
        deadline=OuterRef("statutory_deadline"),
        threshold=OuterRef("threshold"),
    )
    inquiries = (
        _in_window(
            Inquiry.objects.open().filter(statutory_clock__in=REMINDED_CLOCKS),
            "statutory_deadline",
            today,
            CLOCK_REMINDER_DAYS,
        )
        .exclude(Exists(reminded))
        .exclude(_digest_sent(today))
        .select_related("importer", "entry")
        .order_by("pk")
        .only(
            "pk",
            "reference",
            "statutory_clock",
            "statutory_deadline",
            "importer__name",
            "importer__ior_number",
            "entry__entry_number",
        )
    )
    return [
        StatutoryReminder(
            importer=inquiry.importer,
            kind=inquiry.statutory_clock,
            inquiry=inquiry,
            deadline=inquiry.statutory_deadline,
            threshold=inquiry.threshold,
            sent_on=today,
        )
        for inquiry in inquiries
    ]
