"""Entry use cases: batch import from the ACE feed and account-based Center assignment."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from accounts.models import Importer
from centers.coverage import center_for_hts

from .batch import BatchRejected, EntryRecord, RowError
from .models import Entry, EntryLine

ENTRY_UPDATE_FIELDS = [
    "entry_type",
    "port",
    "entry_date",
    "release_date",
    "liquidation_date",
    "liquidation_status",
    "total_value",
    "total_duty",
    "principal_hts",
    "principal_center",
    "updated_at",
]


@dataclass(frozen=True)
class BatchResult:
    created: int
    updated: int


def _resolve_importers(records: list[EntryRecord], errors: list[RowError]) -> dict[str, int]:
    iors = {record.importer_ior for record in records if record.importer_ior}
    importer_ids = dict(
        Importer.objects.filter(ior_number__in=iors).values_list("ior_number", "id")
    )
    for record in records:
        if record.importer_ior and record.importer_ior not in importer_ids:
            errors.append(
                RowError(
                    record.row,
                    "importer_ior",
                    f"No importer has the IOR number {record.importer_ior}.",
                )
            )
    return importer_ids


def _check_ownership(records, importer_ids, existing, errors) -> None:
    for record in records:
        owner = existing.get(record.entry_number)
        if owner is not None and owner != importer_ids.get(record.importer_ior, owner):
            errors.append(
                RowError(
                    record.row,
                    "entry_number",
                    f"Entry {record.entry_number} belongs to another importer; "
                    "an entry never changes hands.",
                )
            )


def _entry_from_record(record: EntryRecord, importer_id: int, now) -> Entry:
    principal = max(record.lines, key=lambda line: (line.value, -line.line_number))
    return Entry(
        entry_number=record.entry_number,
        importer_id=importer_id,
        entry_type=record.entry_type,
        port_id=record.port,
        entry_date=record.entry_date,
        release_date=record.release_date,
        liquidation_date=record.liquidation_date,
        liquidation_status=record.liquidation_status,
        total_value=sum((line.value for line in record.lines), Decimal("0")),
        total_duty=sum((line.duty for line in record.lines), Decimal("0")),
        principal_hts=principal.hts,
        principal_center_id=center_for_hts(principal.hts),
        imported_at=now,
        updated_at=now,
    )


@transaction.atomic
def import_entry_batch(records: list[EntryRecord], errors: list[RowError]) -> BatchResult:
    """Create or update every entry of a validated batch; write nothing if any row is bad.

    `errors` are the parse errors of the batch; ownership and importer checks add to them.
    Re-importing an entry number of the same importer updates it in place.
    """
    errors = list(errors)
    importer_ids = _resolve_importers(records, errors)
    numbers = [record.entry_number for record in records if record.entry_number]
    existing = dict(
        Entry.objects.filter(entry_number__in=numbers).values_list("entry_number", "importer_id")
    )
    _check_ownership(records, importer_ids, existing, errors)
    if errors:
        raise BatchRejected(sorted(errors, key=lambda error: (error.row, error.field)))

    now = timezone.now()
    entries = [_entry_from_record(r, importer_ids[r.importer_ior], now) for r in records]
    # One upsert: concurrent batches of overlapping entries still leave one row per number,
    # and the conflicting rows stay locked until this transaction ends.
    Entry.objects.bulk_create(
        entries,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["entry_number"],
        update_fields=ENTRY_UPDATE_FIELDS,
    )
    stored = Entry.objects.filter(entry_number__in=numbers).values_list(
        "entry_number", "id", "importer_id"
    )
    ids = {number: pk for number, pk, _owner in stored}
    # A batch running at the same time may have created some of these entries after they
    # were read above: recheck their owner, and replace the lines of every entry.
    owners = {number: owner for number, _pk, owner in stored}
    taken = [
        record
        for record in records
        if owners[record.entry_number] != importer_ids[record.importer_ior]
    ]
    if taken:
        _check_ownership(taken, importer_ids, owners, errors)
        raise BatchRejected(sorted(errors, key=lambda error: (error.row, error.field)))
    EntryLine.objects.filter(entry_id__in=list(ids.values())).delete()
    EntryLine.objects.bulk_create(
        [
            EntryLine(
                entry_id=ids[record.entry_number],
                line_number=line.line_number,
                hts=line.hts,
                additional_hts=line.additional_hts,
                country_of_origin=line.country_of_origin,
                value=line.value,
                duty=line.duty,
                center_id=center_for_hts(line.hts),
            )
            for record in records
            for line in record.lines
        ],
        batch_size=5000,
    )
    return BatchResult(created=len(records) - len(existing), updated=len(existing))


def center_value_shares(*, as_of: date):
    """Entered value per (importer, Center) over the 12 months up to `as_of`, largest first."""
    return (
        EntryLine.objects.filter(
            entry__entry_date__gt=as_of - timedelta(days=365),
            entry__entry_date__lte=as_of,
            center__isnull=False,
        )
        .values("entry__importer", "center")
        .annotate(total=Sum("value"))
        .order_by("entry__importer", "-total", "center")
    )


@transaction.atomic
def assign_importer_centers(*, as_of: date | None = None) -> int:
    """Recompute every unpinned importer's Center from entered value; return how many changed."""
    as_of = as_of or timezone.localdate()
    best: dict[int, str] = {}
    for row in center_value_shares(as_of=as_of).iterator():
        best.setdefault(row["entry__importer"], row["center"])
    changed = 0
    for importer in Importer.objects.filter(center_pinned=False).only("id", "center_id"):
        center = best.get(importer.id)
        if center is not None and center != importer.center_id:
            Importer.objects.filter(pk=importer.pk).update(center_id=center)
            changed += 1
    return changed
