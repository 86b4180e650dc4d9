from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from entries.services import assign_importer_centers
from entries.tasks import assign_importer_centers_task
from tests.factories import EntryFactory, EntryLineFactory, ImporterFactory, center

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 11, 20)


def _line(importer, center_code: str, value: str, *, days_ago: int = 30, hts=None):
    """One entry of `importer`, `days_ago` before AS_OF, with one line of that Center."""
    return EntryLineFactory(
        entry=EntryFactory(importer=importer, entry_date=AS_OF - timedelta(days=days_ago)),
        center=center(center_code),
        hts=hts or "3004909290",
        value=Decimal(value),
    )


def _center_of(importer):
    importer.refresh_from_db()
    return importer.center_id


def test_an_importer_gets_the_center_of_its_largest_share_of_entered_value():
    importer = ImporterFactory()
    _line(importer, "PHC", "1000.00")
    _line(importer, "EL", "900.00")
    _line(importer, "EL", "600.00", days_ago=200)  # EL: 1500 in all, over several entries

    assert assign_importer_centers(as_of=AS_OF) == 1
    assert _center_of(importer) == "EL"


def test_entries_older_than_twelve_months_are_ignored():
    importer = ImporterFactory()
    _line(importer, "PHC", "1000.00", days_ago=10)
    _line(importer, "AG", "50000.00", days_ago=400)
    _line(importer, "AG", "50000.00", days_ago=-5)  # after the date of the computation

    assign_importer_centers(as_of=AS_OF)
    assert _center_of(importer) == "PHC"


def test_a_center_assigned_earlier_moves_with_the_entered_value():
    importer = ImporterFactory(center=center("AG"))
    _line(importer, "BM", "10.00")
    assign_importer_centers(as_of=AS_OF)
    assert _center_of(importer) == "BM"


def test_a_pinned_importer_keeps_its_center():
    importer = ImporterFactory(center=center("AG"), center_pinned=True)
    _line(importer, "PHC", "1000.00")
    assert assign_importer_centers(as_of=AS_OF) == 0
    assert _center_of(importer) == "AG"


def test_an_importer_without_entries_keeps_no_center():
    importer = ImporterFactory()
    assign_importer_centers(as_of=AS_OF)
    assert _center_of(importer) is None


def test_each_importer_gets_its_own_center():
    pharma, electronics = ImporterFactory(), ImporterFactory()
    _line(pharma, "PHC", "100.00")
    _line(electronics, "EL", "100.00")
    _line(electronics, "PHC", "99.99")
    assert assign_importer_centers(as_of=AS_OF) == 2
    assert (_center_of(pharma), _center_of(electronics)) == ("PHC", "EL")


def test_recomputing_is_idempotent():
    importer = ImporterFactory()
    _line(importer, "AA", "10.00")
    assert assign_importer_centers(as_of=AS_OF) == 1
    assert assign_importer_centers(as_of=AS_OF) == 0
    assert _center_of(importer) == "AA"


def test_the_nightly_task_assigns_centers_as_of_today():
    importer = ImporterFactory()
    today = timezone.localdate()
    EntryLineFactory(
        entry=EntryFactory(importer=importer, entry_date=today),
        center=center("MA"),
        hts="8429510000",
    )
    assert assign_importer_centers_task.delay().get() == 1
    assert _center_of(importer) == "MA"
    assert assign_importer_centers_task.delay().get() == 0


@pytest.mark.django_db
def test_the_psc_deadline_is_for_unliquidated_formal_entries_only():
    from entries.models import EntryType, LiquidationStatus
    from tests.factories import EntryFactory

    formal = EntryFactory(entry_type=EntryType.CONSUMPTION)
    informal = EntryFactory(entry_type=EntryType.INFORMAL)
    liquidated = EntryFactory(
        liquidation_status=LiquidationStatus.LIQUIDATED, liquidation_date=formal.entry_date
    )
    assert formal.psc_deadline is not None
    assert informal.psc_deadline is None and not informal.psc_applies
    assert liquidated.psc_deadline is None
