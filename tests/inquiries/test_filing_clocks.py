"""Statutory clocks and filing rules of each type (domain/deadlines.md, DESIGN.md §5)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from accounts.models import TradeRole
from accounts.trust import CtpatTier
from entries import deadlines as entry_deadlines
from entries.models import Entry
from inquiries import services
from inquiries.deadlines import add_years
from inquiries.models import Inquiry, InquiryEvent, Notification, ReferenceCounter
from tests.factories import EntryFactory, ImporterFactory, MembershipFactory, center

from .builders import at

UTC = ZoneInfo("UTC")
PROTEST_GROUNDS = "The goods were classified under the wrong heading."


@pytest.fixture
def filer(db):
    membership = MembershipFactory(
        role=TradeRole.FILER,
        importer=ImporterFactory(
            center=center("PHC"),
            ctpat_tier=CtpatTier.TIER3,
            isa_member=True,
            financially_compliant=True,
        ),
    )
    return membership.user, membership.importer


def file(filer, type, *, now, details=None, entry=None, hts=""):
    user, importer = filer
    return services.file_inquiry(
        importer,
        by=user,
        type=type,
        subject=f"About {type}",
        details=details or {},
        hts=hts,
        now=now,
        entry_number=entry.entry_number if entry else "",
    )


def liquidated_entry(importer, liquidated_on: date, **fields):
    return EntryFactory(
        importer=importer, liquidation_status="liquidated", liquidation_date=liquidated_on, **fields
    )


def assert_nothing_written():
    assert Inquiry.objects.count() == 0
    assert InquiryEvent.objects.count() == 0
    assert Notification.objects.count() == 0


def refusal(filer, type, **kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        file(filer, type, **kwargs)
    assert_nothing_written()
    return caught.value.message_dict


# --- Clocks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("type", "details", "clock", "deadline"),
    [
        ("cf28", {"cf28_issue_date": "2026-03-10"}, "cf28_response", date(2026, 4, 9)),
        (
            "cf29",
            {"cf29_mailing_date": "2026-03-10", "action_kind": "proposed"},
            "cf29_reply",
            date(2026, 3, 30),
        ),
        ("cf29", {"cf29_mailing_date": "2026-03-10", "action_kind": "taken"}, "", None),
    ],
)
def test_entry_notices_start_their_clocks(filer, type, details, clock, deadline):
    entry = EntryFactory(importer=filer[1])
    inquiry = file(filer, type, now=at(date(2026, 3, 16)), details=details, entry=entry)
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (clock, deadline)
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert (stored.statutory_clock, stored.statutory_deadline) == (clock, deadline)


@pytest.mark.parametrize(
    ("kind", "notice", "clock", "deadline"),
    [
        ("seizure", "2026-03-02", "seizure_petition", date(2026, 4, 1)),
        ("penalty", "2026-03-02", "penalty_petition", date(2026, 5, 1)),
        ("liquidated_damages", "2026-03-02", "penalty_petition", date(2026, 5, 1)),
    ],
)
def test_petition_clocks_run_from_the_notice(filer, kind, notice, clock, deadline):
    inquiry = file(
        filer,
        "penalty_petition",
        now=at(date(2026, 3, 10)),
        details={"case_number": "2026-1001-000123", "petition_kind": kind, "notice_date": notice},
    )
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (clock, deadline)


def test_protest_decision_is_due_two_years_after_filing(filer):
    entry = liquidated_entry(filer[1], date(2026, 1, 15))
    inquiry = file(
        filer,
        "protest",
        now=at(date(2026, 3, 1)),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS},
    )
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (
        "protest_decision",
        date(2028, 3, 1),
    )


def test_protest_filed_on_29_february_is_decided_by_28_february(filer):
    entry = liquidated_entry(filer[1], date(2028, 1, 15))
    inquiry = file(
        filer,
        "protest",
        now=at(date(2028, 2, 29)),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS},
    )
    assert inquiry.statutory_deadline == date(2030, 2, 28)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (date(2028, 2, 29), 2, date(2030, 2, 28)),
        (date(2028, 2, 29), 4, date(2032, 2, 29)),
        (date(2026, 3, 1), 2, date(2028, 3, 1)),
        (date(2026, 12, 31), 1, date(2027, 12, 31)),
    ],
)
def test_add_years_keeps_month_and_day(start, years, expected):
    assert add_years(start, years) == expected


@pytest.mark.parametrize(
    ("now", "accepted"),
    [
        (at(date(2026, 3, 14), 23), True),  # day 180, late evening in New York
        (datetime(2026, 3, 15, 3, 30, tzinfo=UTC), True),  # still 14 March in New York
        (at(date(2026, 3, 15), 0), False),  # day 181 from midnight in New York
        (at(date(2026, 3, 15), 9), False),
    ],
)
def test_liquidation_protest_window_is_180_days_in_the_portal_zone(filer, now, accepted):
    entry = liquidated_entry(filer[1], date(2025, 9, 15))
    if accepted:
        inquiry = file(filer, "protest", now=now, entry=entry, details={"grounds": PROTEST_GROUNDS})
        assert inquiry.submitted_on == date(2026, 3, 14)
    else:
        errors = refusal(
            filer, "protest", now=now, entry=entry, details={"grounds": PROTEST_GROUNDS}
        )
        assert errors["entry_number"] == [
            f"The protest period for entry {entry.display_number} ended on 2026-03-14, 180 days "
            "after liquidation on 2025-09-15."
        ]


def test_protest_of_an_unliquidated_entry_is_refused(filer):
    entry = EntryFactory(importer=filer[1])
    errors = refusal(
        filer,
        "protest",
        now=at(date(2026, 3, 1)),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS},
    )
    assert "not liquidated" in errors["entry_number"][0]


def test_exclusion_protest_is_deemed_denied_30_days_after_filing(filer):
    inquiry = file(
        filer,
        "protest",
        now=at(date(2026, 3, 2)),
        details={
            "grounds": PROTEST_GROUNDS,
            "protest_kind": "exclusion",
            "decision_date": "2026-02-01",
        },
    )
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (
        "exclusion_deemed_denial",
        date(2026, 4, 1),
    )


@pytest.mark.parametrize(
    ("filed_on", "accepted"),
    [
        (date(2026, 7, 31), True),
        (date(2026, 8, 1), False),
    ],
)
def test_decision_protest_window_is_180_days_after_the_decision(filer, filed_on, accepted):
    details = {
        "grounds": PROTEST_GROUNDS,
        "protest_kind": "other_decision",
        "decision_date": "2026-02-01",
    }
    if accepted:
        assert file(filer, "protest", now=at(filed_on), details=details).pk
    else:
        errors = refusal(filer, "protest", now=at(filed_on), details=details)
        assert "ended on 2026-07-31" in errors["details.decision_date"][0]


def test_accelerated_disposition_is_deemed_denied_30_days_after_the_request(filer):
    entry = liquidated_entry(filer[1], date(2026, 1, 15))
    inquiry = file(
        filer,
        "protest",
        now=at(date(2026, 3, 5)),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS, "accelerated_disposition_requested_on": "2026-03-05"},
    )
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (
        "accelerated_disposition",
        date(2026, 4, 4),
    )


# --- Post-summary correction -------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry_date", "deadline"),
    [
        (date(2026, 1, 5), date(2026, 11, 1)),  # entry + 300 is earlier
        (date(2026, 1, 10), date(2026, 11, 5)),  # +314 is a Friday: 15 days before it is earlier
    ],
)
def test_psc_deadline_is_the_earlier_of_300_days_and_15_days_before_liquidation(
    entry_date, deadline
):
    assert entry_deadlines.psc_deadline(entry_date) == deadline


def test_post_entry_amendment_carries_the_psc_deadline(filer):
    entry = EntryFactory(importer=filer[1], entry_date=date(2026, 1, 10))
    inquiry = file(filer, "post_entry_amendment", now=at(date(2026, 11, 5), 20), entry=entry)
    assert (inquiry.statutory_clock, inquiry.statutory_deadline) == (
        "psc_deadline",
        date(2026, 11, 5),
    )


@pytest.mark.parametrize(
    ("entry_fields", "now", "says"),
    [
        (
            {"liquidation_status": "liquidated", "liquidation_date": date(2026, 2, 1)},
            at(date(2026, 3, 1)),
            "already liquidated",
        ),
        ({"entry_type": "11"}, at(date(2026, 3, 1)), "type 11"),
        ({"entry_date": date(2026, 1, 10)}, at(date(2026, 11, 6)), "ended on 2026-11-05"),
    ],
)
def test_post_entry_amendment_is_refused_outside_its_rules(filer, entry_fields, now, says):
    entry = EntryFactory(importer=filer[1], **entry_fields)
    errors = refusal(filer, "post_entry_amendment", now=now, entry=entry)
    assert says in errors["entry_number"][0]
    assert entry.display_number in errors["entry_number"][0]


# --- Gates and foreign entries ---------------------------------------------------------------


@pytest.mark.parametrize(
    "trust",
    [
        {"ctpat_tier": CtpatTier.NONE, "isa_member": False, "participating": False},  # standard
        {"ctpat_tier": CtpatTier.NONE, "isa_member": False, "participating": True},  # participating
    ],
)
def test_penalty_petition_is_refused_below_ctpat_naming_the_gate(db, trust):
    membership = MembershipFactory(role=TradeRole.FILER, importer=ImporterFactory(**trust))
    errors = refusal(
        (membership.user, membership.importer),
        "penalty_petition",
        now=at(date(2026, 3, 10)),
        details={"case_number": "C-1", "petition_kind": "seizure", "notice_date": "2026-03-02"},
    )
    assert "C-TPAT and ISA members only" in errors["type"][0]


@pytest.mark.parametrize(
    ("trust", "criterion"),
    [
        (
            {"ctpat_tier": CtpatTier.TIER2, "isa_member": True, "financially_compliant": True},
            "C-TPAT tier 3 is required",
        ),
        (
            {"ctpat_tier": CtpatTier.TIER3, "isa_member": False, "financially_compliant": True},
            "ISA / CTPAT Trade Compliance is required",
        ),
        (
            {"ctpat_tier": CtpatTier.TIER3, "isa_member": True, "financially_compliant": False},
            "financial compliance (no past-due bills) is required",
        ),
    ],
)
def test_exam_location_is_refused_to_non_partners_naming_the_failing_criterion(
    db, trust, criterion
):
    membership = MembershipFactory(role=TradeRole.FILER, importer=ImporterFactory(**trust))
    errors = refusal(
        (membership.user, membership.importer),
        "exam_location",
        now=at(date(2026, 3, 10)),
        details={"port": "1001"},
    )
    assert "trusted partners only" in errors["type"][0]
    assert criterion in errors["type"][0]


def test_exam_location_is_filed_by_a_trusted_partner(filer):
    inquiry = file(filer, "exam_location", now=at(date(2026, 3, 10)), details={"port": "1001"})
    assert inquiry.functional_area == "account_validation"


def test_entry_of_another_importer_is_refused_naming_the_number(filer):
    foreign = EntryFactory(importer=ImporterFactory())
    errors = refusal(
        filer,
        "cf28",
        now=at(date(2026, 3, 16)),
        entry=foreign,
        details={"cf28_issue_date": "2026-03-10"},
    )
    assert foreign.entry_number in errors["entry_number"][0]


def test_unknown_type_is_refused(filer):
    errors = refusal(filer, "tariff_refund", now=at(date(2026, 3, 16)))
    assert "tariff_refund" in errors["type"][0]


def test_a_refusal_takes_no_reference_number(filer):
    before = ReferenceCounter.objects.filter(year=2026).values_list("last", flat=True).first()
    refusal(filer, "tariff_refund", now=at(date(2026, 3, 16)))
    after = ReferenceCounter.objects.filter(year=2026).values_list("last", flat=True).first()
    assert before == after


# --- Dates of a filing: range and order (DESIGN.md §4) ---------------------------------------

FILED_ON = date(2026, 3, 16)  # the last date a filing may give is then 2027-03-17

# (type, date field, the other details, the entry it names, how messages name the date)
DATE_FIELDS = [
    ("cf28", "cf28_issue_date", {}, "unliquidated", "CF-28 issue date"),
    (
        "cf29",
        "cf29_mailing_date",
        {"action_kind": "proposed"},
        "unliquidated",
        "CF-29 mailing date",
    ),
    (
        "protest",
        "decision_date",
        {"protest_kind": "other_decision", "grounds": PROTEST_GROUNDS},
        None,
        "decision date",
    ),
    ("protest", "decision_date", {"grounds": PROTEST_GROUNDS}, "liquidated", "decision date"),
    (
        "protest",
        "accelerated_disposition_requested_on",
        {"grounds": PROTEST_GROUNDS},
        "liquidated",
        "accelerated disposition request date",
    ),
    ("cargo_hold", "hold_start_date", {"holding_agency": "CBP"}, "unliquidated", "hold start date"),
    (
        "penalty_petition",
        "notice_date",
        {"case_number": "C-1", "petition_kind": "seizure"},
        None,
        "notice mailing date",
    ),
]


def _named_entry(importer, kind):
    if kind == "liquidated":
        return liquidated_entry(importer, date(2026, 1, 15))
    return EntryFactory(importer=importer) if kind else None


@pytest.mark.parametrize("value", ["9999-12-31", "2027-03-18", "1989-12-31", "0001-01-01"])
@pytest.mark.parametrize(
    ("type", "name", "details", "entry", "what"),
    DATE_FIELDS,
    ids=[f"{type}-{name}" for type, name, *_rest in DATE_FIELDS],
)
def test_a_date_outside_the_accepted_range_is_refused_on_its_field(
    filer, value, type, name, details, entry, what
):
    errors = refusal(
        filer,
        type,
        now=at(FILED_ON),
        entry=_named_entry(filer[1], entry),
        details={**details, name: value},
    )
    assert errors == {
        f"details.{name}": [f"The {what} {value} is not between 1990-01-01 and 2027-03-17."]
    }


def test_a_decision_date_in_the_future_is_refused(filer):
    errors = refusal(
        filer,
        "protest",
        now=at(FILED_ON),
        details={
            "grounds": PROTEST_GROUNDS,
            "protest_kind": "exclusion",
            "decision_date": "2026-03-17",
        },
    )
    assert errors == {
        "details.decision_date": [
            "The decision date 2026-03-17 is in the future: a decision can be protested once it "
            "is made, so give the date it was made, on or before 2026-03-16."
        ]
    }


@pytest.mark.parametrize(
    ("requested", "says"),
    [
        ("2026-03-15", "is before this protest is filed"),
        ("1990-01-01", "is before this protest is filed"),
        ("2026-03-17", "is in the future"),
    ],
)
def test_accelerated_disposition_at_filing_is_requested_on_the_filing_day(filer, requested, says):
    entry = liquidated_entry(filer[1], date(2026, 1, 15))
    errors = refusal(
        filer,
        "protest",
        now=at(FILED_ON),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS, "accelerated_disposition_requested_on": requested},
    )
    (message,) = errors["details.accelerated_disposition_requested_on"]
    assert f"The accelerated disposition request date {requested} {says}" in message
    assert "give today's date, 2026-03-16" in message


@pytest.mark.parametrize("liquidated_on", [date(2026, 3, 17), date(9999, 12, 31)])
def test_a_liquidation_protest_before_the_liquidation_day_is_refused(filer, liquidated_on):
    entry = liquidated_entry(filer[1], liquidated_on, entry_date=date(2026, 1, 5))
    errors = refusal(
        filer, "protest", now=at(FILED_ON), entry=entry, details={"grounds": PROTEST_GROUNDS}
    )
    assert errors == {
        "entry_number": [
            f"Entry {entry.display_number} is liquidated on {liquidated_on.isoformat()}, a day "
            "still ahead: its liquidation can be protested from that day, not before."
        ]
    }


def test_a_liquidation_protest_opens_on_the_liquidation_day(filer):
    entry = liquidated_entry(filer[1], FILED_ON + timedelta(days=1))
    assert (
        "a day still ahead"
        in refusal(
            filer,
            "protest",
            now=at(FILED_ON, 23),
            entry=entry,
            details={"grounds": PROTEST_GROUNDS},
        )["entry_number"][0]
    )
    assert file(
        filer,
        "protest",
        now=at(FILED_ON + timedelta(days=1), 0),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS},
    ).pk


def test_an_amendment_of_an_entry_dated_at_the_end_of_the_calendar_is_refused_clearly(filer):
    entry = EntryFactory(importer=filer[1], entry_date=date(9999, 12, 31))
    errors = refusal(filer, "post_entry_amendment", now=at(FILED_ON), entry=entry)
    assert errors == {
        "entry_number": [
            f"The post-summary correction window of entry {entry.display_number} cannot be worked "
            "out from its entry date, 9999-12-31."
        ]
    }


@pytest.mark.parametrize(
    "requested",
    [
        "2026-03-09",  # before the filing: its deemed denial would have run out already
        "2026-03-21",  # after today
        "9999-12-31",
    ],
)
def test_accelerated_disposition_requested_later_lies_between_filing_and_today(filer, requested):
    entry = liquidated_entry(filer[1], date(2026, 1, 15))
    protest = file(
        filer,
        "protest",
        now=at(date(2026, 3, 10)),
        entry=entry,
        details={"grounds": PROTEST_GROUNDS},
    )
    today = date(2026, 3, 20)
    with pytest.raises(ValidationError) as caught:
        services.perform_action(
            protest,
            "request_accelerated_disposition",
            by=filer[0],
            data={"requested_on": requested},
            today=today,
        )
    assert caught.value.message_dict == {
        "requested_on": [
            f"The request date {requested} is not between the protest's filing date, 2026-03-10, "
            "and today, 2026-03-20."
        ]
    }
    protest.refresh_from_db()
    assert "accelerated_disposition_requested_on" not in protest.details

    services.perform_action(
        protest,
        "request_accelerated_disposition",
        by=filer[0],
        data={"requested_on": "2026-03-10"},
        today=today,
    )
    assert protest.statutory_deadline == date(2026, 4, 9)


@pytest.mark.parametrize(
    ("type", "details", "entry_fields"),
    [
        ("cf28", {"cf28_issue_date": "9999-12-31"}, {}),
        ("cf29", {"cf29_mailing_date": "9999-12-31", "action_kind": "proposed"}, {}),
        (
            "penalty_petition",
            {"case_number": "C-1", "petition_kind": "penalty", "notice_date": "9999-12-31"},
            None,
        ),
        ("post_entry_amendment", {}, {"entry_date": date(9999, 12, 31)}),
    ],
)
def test_a_stored_date_at_the_end_of_the_calendar_leaves_the_clock_absent(
    filer, type, details, entry_fields
):
    entry = EntryFactory(importer=filer[1]) if entry_fields is not None else None
    kept = {
        "cf28": {"cf28_issue_date": "2026-03-10"},
        "cf29": {"cf29_mailing_date": "2026-03-10", "action_kind": "proposed"},
        "penalty_petition": {**details, "notice_date": "2026-03-10"},
    }.get(type, {})
    inquiry = file(filer, type, now=at(FILED_ON), entry=entry, details=kept)
    # Written past the filing's checks, as an older row or a hand edit could be.
    Inquiry.objects.filter(pk=inquiry.pk).update(details={**kept, **details})
    if entry_fields:
        Entry.objects.filter(pk=entry.pk).update(**entry_fields)

    assert services.refresh_all_clocks(today=FILED_ON) == 1
    stored = Inquiry.objects.select_related("entry").get(pk=inquiry.pk)
    assert (stored.statutory_clock, stored.statutory_deadline) == ("", None)
    assert stored.due == stored.first_response_due
