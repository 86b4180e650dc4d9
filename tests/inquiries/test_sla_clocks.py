"""SLA due dates in federal business days, pauses, `due` and the queue order (§5)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from accounts.models import TradeRole
from accounts.trust import CtpatTier
from inquiries import deadlines, services
from inquiries.models import Inquiry
from inquiries.workflow import Action
from tests.factories import EntryFactory, ImporterFactory, MembershipFactory, center

from .builders import at, file_policy_question, make_world

UTC = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday → Monday across the weekend
        (date(2026, 11, 21), 1, date(2026, 11, 23)),  # from a Saturday
        (date(2026, 11, 25), 1, date(2026, 11, 27)),  # Thanksgiving 26 Nov 2026 skipped
        (date(2026, 11, 24), 3, date(2026, 11, 30)),  # Wed, (Thu holiday), Fri, Mon
        (date(2027, 7, 2), 1, date(2027, 7, 6)),  # 4 July 2027 is a Sunday: observed Monday 5th
        (date(2027, 12, 30), 1, date(2028, 1, 3)),  # New Year 2028 (Sat) observed Fri 31 Dec 2027
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # Christmas Friday 25 Dec 2026
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
    ],
)
def test_business_days_skip_weekends_and_observed_federal_holidays(start, count, expected):
    assert deadlines.add_business_days(start, count) == expected


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 11, 26),
        date(2027, 7, 5),
        date(2027, 12, 31),
        date(2026, 11, 28),
        date(2026, 11, 29),
    ],
)
def test_holidays_observed_days_and_weekends_are_not_business_days(day):
    assert not deadlines.is_business_day(day)


# Submitted Monday 2 March 2026 (no federal holiday until 25 May).
MONDAY = date(2026, 3, 2)
BUSINESS_DAYS_AFTER_MONDAY = {
    1: date(2026, 3, 3),
    2: date(2026, 3, 4),
    3: date(2026, 3, 5),
    5: date(2026, 3, 9),
    8: date(2026, 3, 12),
    10: date(2026, 3, 16),
    15: date(2026, 3, 23),
    20: date(2026, 3, 30),
    30: date(2026, 4, 13),
}
LEVELS = {
    "isa": ({"ctpat_tier": CtpatTier.TIER1, "isa_member": True}, (1, 10, 3)),
    "ctpat": ({"ctpat_tier": CtpatTier.TIER1}, (2, 15, 5)),
    "participating": ({"participating": True}, (3, 20, 8)),
    "standard": ({}, (5, 30, 10)),
}


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("cargo_hold", [False, True])
def test_sla_targets_by_service_level(level, cargo_hold):
    first, resolution, cargo = LEVELS[level][1]
    assert deadlines.sla_targets(level, cargo_hold=cargo_hold) == (
        first,
        cargo if cargo_hold else resolution,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("level", LEVELS)
def test_filing_sets_sla_due_dates_for_the_service_level(level):
    trust, (first, resolution, cargo) = LEVELS[level]
    membership = MembershipFactory(
        role=TradeRole.FILER, importer=ImporterFactory(center=center("PHC"), **trust)
    )
    user, importer = membership.user, membership.importer
    assert importer.service_level == level
    question = services.file_inquiry(
        importer, by=user, type="policy_clarification", subject="Question", now=at(MONDAY)
    )
    assert question.first_response_due == BUSINESS_DAYS_AFTER_MONDAY[first]
    assert question.resolution_due == BUSINESS_DAYS_AFTER_MONDAY[resolution]
    assert question.sla_due == question.due == BUSINESS_DAYS_AFTER_MONDAY[first]
    hold = services.file_inquiry(
        importer,
        by=user,
        type="cargo_hold",
        subject="Held",
        now=at(MONDAY),
        entry_number=EntryFactory(importer=importer).entry_number,
        details={"hold_start_date": "2026-02-20", "holding_agency": "FDA"},
    )
    assert hold.first_response_due == BUSINESS_DAYS_AFTER_MONDAY[first]
    assert hold.resolution_due == BUSINESS_DAYS_AFTER_MONDAY[cargo]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "moment",
    [
        at(date(2026, 11, 23), 0),
        at(date(2026, 11, 23), 8),
        at(date(2026, 11, 23), 23),
        datetime(2026, 11, 24, 4, 30, tzinfo=UTC),  # 23:30 on the 23rd in New York
    ],
)
def test_the_submission_day_never_counts_whatever_its_hour(moment):
    world = make_world()  # ISA: first response in 1 business day
    inquiry = file_policy_question(world, now=moment)
    assert inquiry.submitted_on == date(2026, 11, 23)
    assert inquiry.first_response_due == date(2026, 11, 24)
    assert inquiry.resolution_due == date(2026, 12, 8)  # 10 days, Thanksgiving skipped


@pytest.mark.django_db
def test_filing_on_a_saturday_counts_from_monday():
    inquiry = file_policy_question(make_world(), now=at(date(2026, 11, 21), 12))
    assert inquiry.first_response_due == date(2026, 11, 23)


def test_a_pause_removes_every_business_day_it_touches():
    first, resolution = deadlines.sla_due_dates(
        submitted_on=MONDAY,
        service_level="standard",
        cargo_hold=False,
        pauses=[(date(2026, 3, 4), date(2026, 3, 6))],
        today=date(2026, 3, 20),
    )
    assert first == date(2026, 3, 12)
    assert resolution == date(2026, 4, 16)


def test_a_pause_within_one_day_still_removes_that_day():
    first, _ = deadlines.sla_due_dates(
        submitted_on=MONDAY,
        service_level="standard",
        cargo_hold=False,
        pauses=[(date(2026, 3, 4), date(2026, 3, 4))],
        today=date(2026, 3, 20),
    )
    assert first == date(2026, 3, 10)


def test_an_open_pause_runs_to_today():
    first, _ = deadlines.sla_due_dates(
        submitted_on=MONDAY,
        service_level="standard",
        cargo_hold=False,
        pauses=[(date(2026, 3, 4), None)],
        today=date(2026, 3, 5),
    )
    assert first == date(2026, 3, 11)


@pytest.mark.django_db
def test_awaiting_the_importer_pauses_the_clock_and_nulls_sla_due():
    world = make_world(ctpat_tier=CtpatTier.NONE, isa_member=False)  # standard
    inquiry = file_policy_question(world, now=at(MONDAY))
    for action, by, data, day in [
        (Action.CLAIM, world.assignee, {}, MONDAY),
        (Action.START_REVIEW, world.assignee, {}, MONDAY),
        (Action.REQUEST_INFO, world.assignee, {"message": "Which entries?"}, date(2026, 3, 4)),
    ]:
        services.perform_action(inquiry, action, by=by, data=data, today=day)
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.status == "awaiting_importer"
    assert stored.sla_paused is True and stored.sla_due is None
    assert stored.due is None  # no statutory clock on a policy question
    assert stored.reply_due == date(2026, 3, 18)

    services.perform_action(
        stored,
        Action.RESPOND,
        by=world.filer,
        data={"message": "Entries 1 and 2."},
        today=date(2026, 3, 6),
    )
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert stored.sla_paused is False
    assert stored.resolution_due == date(2026, 4, 16)  # 4, 5 and 6 March left out
    assert stored.sla_due == stored.due == date(2026, 4, 16)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("issued", "due", "which"),
    [
        ("2026-02-05", date(2026, 3, 7), "statutory"),  # CF-28 due before the first response
        ("2026-03-01", date(2026, 3, 9), "sla"),  # first response (5 business days) first
    ],
)
def test_due_is_the_earlier_of_sla_and_statutory_deadline(issued, due, which):
    world = make_world(ctpat_tier=CtpatTier.NONE, isa_member=False)
    inquiry = services.file_inquiry(
        world.importer,
        by=world.filer,
        type="cf28",
        subject="CF-28",
        now=at(MONDAY),
        entry_number=EntryFactory(importer=world.importer).entry_number,
        details={"cf28_issue_date": issued},
    )
    assert inquiry.due == due
    assert inquiry.due == (inquiry.statutory_deadline if which == "statutory" else inquiry.sla_due)


@pytest.mark.django_db
def test_queue_order_is_due_nulls_last_then_service_level_then_submitted_then_id():
    world = make_world()
    rows = {}
    for name, due, rank, submitted in [
        ("a", date(2026, 3, 10), 3, MONDAY),
        ("b", date(2026, 3, 10), 0, MONDAY),
        ("c", None, 0, MONDAY - timedelta(days=30)),
        ("d", date(2026, 3, 9), 3, MONDAY),
        ("e", date(2026, 3, 10), 0, MONDAY - timedelta(days=1)),
        ("f", date(2026, 3, 10), 0, MONDAY),
    ]:
        inquiry = file_policy_question(world)
        Inquiry.objects.filter(pk=inquiry.pk).update(
            due=due, service_level_rank=rank, submitted_at=at(submitted)
        )
        rows[inquiry.pk] = name
    # b and f tie on everything but id: b was filed first.
    ordered = [rows[pk] for pk in Inquiry.objects.queue_order().values_list("pk", flat=True)]
    assert ordered == ["d", "e", "b", "f", "a", "c"]
