"""Hand-built report data: inquiries written straight to the table with known facts.

The reports read stored facts (outcome, resolved_at, first response, due dates, entry, port),
so the tests set them directly instead of driving every inquiry through the lifecycle.
"""

import itertools
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from accounts.trust import SERVICE_LEVEL_RANK, ServiceLevel
from centers.models import FunctionalArea
from inquiries.models import Inquiry, InquiryEvent
from inquiries.workflow import Status
from tests.factories import EntryFactory, UserFactory, center, entry_number

NEW_YORK = ZoneInfo("America/New_York")
_references = itertools.count(1)
_entries = itertools.count(500_000)


def at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=NEW_YORK)


def entry(importer, *, port="1001", hts="3004909290", entry_date=date(2026, 1, 5)):
    return EntryFactory(
        importer=importer,
        port_id=port,
        principal_hts=hts,
        entry_number=entry_number(next(_entries)),
        entry_date=entry_date,
        total_value=Decimal("1000.00"),
    )


def inquiry(
    importer,
    *,
    type="policy_clarification",
    center_code="PHC",
    entry=None,
    submitted=date(2026, 3, 2),
    resolved=None,
    outcome="",
    details=None,
    first_response=None,
    first_response_due=None,
    resolution_due=None,
    service_level=ServiceLevel.STANDARD,
    filed_by=None,
    build=False,
) -> Inquiry:
    """An inquiry with the given facts (resolved when `resolved` is a date)."""
    row = Inquiry(
        reference=f"CEE-2026-{next(_references) + 100_000:06d}",
        importer=importer,
        type=type,
        subject="Report test",
        details=details or {},
        entry=entry,
        center=center(center_code) if center_code else None,
        functional_area=FunctionalArea.CUSTOMER_SERVICE,
        routing_reason="test",
        service_level=service_level,
        service_level_rank=SERVICE_LEVEL_RANK[service_level],
        filed_by=filed_by or UserFactory(),
        submitted_at=at(submitted),
        status=Status.RESOLVED if resolved else Status.IN_REVIEW,
        resolved_at=at(resolved, 15) if resolved else None,
        outcome=outcome,
        first_response_at=at(first_response, 12) if first_response else None,
        first_response_due=first_response_due,
        resolution_due=resolution_due,
    )
    if build:
        return row
    row.save()
    return row


def bulk(rows: list[Inquiry]) -> list[Inquiry]:
    return Inquiry.objects.bulk_create(rows, batch_size=500)


def event(inquiry_row, action, when: datetime, sequence: int) -> InquiryEvent:
    return InquiryEvent.objects.create(
        inquiry=inquiry_row,
        sequence=sequence,
        action=action,
        at=when,
        previous_hash="0" * 64,
        hash=f"{sequence:064d}",
    )
