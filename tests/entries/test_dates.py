"""Accepted date range and derived dates at the ends of the calendar (DESIGN.md §4)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from entries import dates, deadlines
from entries.models import LiquidationStatus
from tests.factories import EntryFactory

TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        (date(1989, 12, 31), False),
        (date(1990, 1, 1), True),
        (TODAY, True),
        (date(2027, 12, 4), True),  # today + 366 days
        (date(2027, 12, 5), False),
        (date.max, False),
        (date.min, False),
    ],
)
def test_dates_are_accepted_from_1990_to_366_days_ahead(value, accepted):
    refusal = dates.out_of_range(value, today=TODAY, what="decision date")
    if accepted:
        assert refusal is None
    else:
        assert refusal == (
            f"The decision date {value.isoformat()} is not between 1990-01-01 and 2027-12-04."
        )


@pytest.mark.parametrize(
    "function",
    [
        deadlines.protest_window_ends,
        deadlines.scheduled_liquidation,
        deadlines.psc_deadline,
    ],
)
@pytest.mark.parametrize("day", [date.max, date(9999, 9, 1)])
def test_a_deadline_past_the_end_of_the_calendar_is_absent(function, day):
    assert function(day) is None


def test_shift_moves_a_day_or_gives_none_at_the_ends_of_the_calendar():
    assert dates.shift(date(2026, 1, 1), 30) == date(2026, 1, 31)
    assert dates.shift(date.max, 1) is None
    assert dates.shift(date.min, -1) is None
    assert dates.shift(None, 1) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "liquidation_status",
    [
        LiquidationStatus.UNLIQUIDATED,
        LiquidationStatus.LIQUIDATED,
    ],
)
def test_an_entry_stored_at_the_end_of_the_calendar_has_no_derived_dates(liquidation_status):
    liquidated = liquidation_status == LiquidationStatus.LIQUIDATED
    entry = EntryFactory(
        entry_date=date.max,
        release_date=date.max,
        liquidation_status=liquidation_status,
        liquidation_date=date.max if liquidated else None,
    )
    assert entry.protest_window_ends is None
    assert entry.psc_deadline is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"entry_date": date(9999, 12, 31)}, "entry_date"),
        (
            {
                "liquidation_status": LiquidationStatus.LIQUIDATED,
                "liquidation_date": date(2026, 1, 1),
            },
            "liquidation_date",
        ),  # before the entry date of 2026-01-05
        (
            {
                "liquidation_status": LiquidationStatus.LIQUIDATED,
                "liquidation_date": date(2999, 1, 1),
            },
            "liquidation_date",
        ),
    ],
)
def test_an_entry_edited_by_hand_keeps_the_batch_s_date_rules(fields, field):
    entry = EntryFactory.build(**fields)
    with pytest.raises(ValidationError) as caught:
        entry.clean()
    assert list(caught.value.message_dict) == [field]
