"""Synthetic load data for benchmarks (`manage.py generate_load --scale N` under
`bench.settings`, the only settings that install the `bench` app).

Scale 1 is 1,000 importers, 100,000 entries with about 500,000 lines and 100,000 inquiries
with their events, messages, referrals and routing records, plus Center staff, Account
Executives, an HQ reviewer and a liaison per partner agency. Sizes follow a Zipf curve (a
few large importers, many small). Everything comes from one seeded random generator and a
fixed "now", so the same seed, scale and day give the same data.

The small tables (people, importers) go through `bulk_create`; entries, lines, inquiries and
their history stream through PostgreSQL COPY, one transaction per batch of importers.
"""

import hashlib
import random
from collections.abc import Callable
from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from psycopg2.extras import execute_values

from accounts.models import Importer, User
from centers.models import PartnerAgency, Port
from entries.models import Entry, EntryLine
from inquiries.models import (
    Inquiry,
    InquiryEvent,
    Message,
    ReferenceCounter,
    Referral,
    RoutingRecord,
)

from .copy import CopyTable, CopyWriter, next_ids, sync_sequences
from .entries import ENTRY_COLUMNS, LINE_COLUMNS, EntryMaker, assigned_center
from .inquiries import (
    EVENT_COLUMNS,
    INQUIRY_COLUMNS,
    MESSAGE_COLUMNS,
    REFERRAL_COLUMNS,
    ROUTING_COLUMNS,
    InquiryMaker,
)
from .people import PREFIX, create_importers, create_staff

IMPORTERS, ENTRIES, INQUIRIES = 1_000, 100_000, 100_000  # at scale 1
ZIPF_EXPONENT = 1.07
FLUSH_ROWS = 60_000
# Parents before children, so each COPY finds the rows it points at.
TABLE_ORDER = ["entry", "line", "inquiry", "routing", "referral", "message", "event"]
COPIED_MODELS = [Entry, EntryLine, Inquiry, RoutingRecord, Referral, Message, InquiryEvent]


class GeneratedDataExists(Exception):
    """The database already holds generated data (run with reset to replace it)."""


def has_generated_data() -> bool:
    return User.objects.filter(username__startswith=PREFIX).exists()


def reset() -> None:
    """Remove every importer, entry and inquiry (TRUNCATE) and the generated users.

    Meant for benchmark databases: it also removes importers that were not generated.
    """
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"TRUNCATE {quote(Importer._meta.db_table)}, "
            f"{quote(ReferenceCounter._meta.db_table)} RESTART IDENTITY CASCADE"
        )
        User.objects.filter(username__startswith=PREFIX).delete()


def allocate(total: int, count: int, *, minimum: int = 0) -> list[int]:
    """Split `total` over `count` ranks along a Zipf curve (largest remainders)."""
    weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, count + 1)]
    whole = sum(weights)
    shares = [total * weight / whole for weight in weights]
    counts = [int(share) for share in shares]
    by_remainder = sorted(range(count), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return [max(minimum, n) for n in counts]


def _tables() -> dict[str, CopyTable]:
    columns = [
        ENTRY_COLUMNS,
        LINE_COLUMNS,
        INQUIRY_COLUMNS,
        ROUTING_COLUMNS,
        REFERRAL_COLUMNS,
        MESSAGE_COLUMNS,
        EVENT_COLUMNS,
    ]
    return {
        name: CopyTable(model, cols)
        for name, model, cols in zip(TABLE_ORDER, COPIED_MODELS, columns, strict=True)
    }


def _taken_filer_codes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT DISTINCT LEFT(entry_number, 3) FROM "  # noqa: S608
            f"{connection.ops.quote_name(Entry._meta.db_table)}"
        )
        return {row[0] for row in cursor.fetchall()}


def _save_centers(importers) -> None:
    rows = [(fact.id, fact.center_id) for fact in importers if fact.center_id]
    table = connection.ops.quote_name(Importer._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        execute_values(
            cursor.cursor,
            f"UPDATE {table} SET center_id = v.center FROM (VALUES %s) AS v(id, center) "  # noqa: S608
            f"WHERE {table}.id = v.id",
            rows,
            page_size=5000,
        )


def _save_counters(counters: dict[int, int]) -> None:
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        for year, last in counters.items():
            cursor.execute(
                f"INSERT INTO {table} (year, last) VALUES (%s, %s) ON CONFLICT (year) "  # noqa: S608
                f"DO UPDATE SET last = GREATEST({table}.last, EXCLUDED.last)",
                [year, last],
            )


def vacuum_analyze(tables=None) -> None:
    """VACUUM (ANALYZE) every table of the portal (or `tables`), as autovacuum would in time.

    Statistics: without them the planner takes the 1,500 users for 176 and joins the
    assignee of 50 queue rows by comparing each with every user (8 ms instead of 0.1 ms).
    The vacuum: rows written by COPY are not yet marked all-visible, so no index-only scan
    pays off (the risk report's late replies read 4.4 million events instead of the partial
    index of requests and replies), and updated rows leave dead versions behind. Runs
    outside a transaction (VACUUM cannot run inside one)."""
    names = tables or connection.introspection.django_table_names(only_existing=True)
    with connection.cursor() as cursor:
        for table in sorted(names):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(table)}")


def _write_importers(
    importers, entry_counts, inquiry_counts, entries, inquiries, tables, writer, progress
) -> None:
    ordered = [tables[name] for name in TABLE_ORDER]
    for done, (importer, n_entries, n_inquiries) in enumerate(
        zip(importers, entry_counts, inquiry_counts, strict=True), start=1
    ):
        facts, shares = entries.make(importer, n_entries, tables["entry"], tables["line"])
        importer.center_id = assigned_center(shares)
        for _n in range(n_inquiries):
            inquiries.make(importer, facts)
        if sum(table.pending for table in ordered) >= FLUSH_ROWS:
            writer.send(ordered)
        if progress:
            progress(done, len(importers))
    writer.send(ordered)


def generate(
    *,
    scale: float,
    seed: int = 7,
    password: str,
    now: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write the load data for `scale`; return how many rows of each kind were written."""
    if has_generated_data():
        raise GeneratedDataExists("The database already holds generated load data.")
    rng = random.Random(seed)  # noqa: S311 (reproducible synthetic data, not secrets)
    now = (now or timezone.now()).replace(microsecond=0)
    hashed = make_password(password)
    staff = create_staff(rng, scale=scale, password=hashed)
    importers = create_importers(
        rng, count=max(5, round(IMPORTERS * scale)), password=hashed, staff=staff
    )
    entry_counts = allocate(round(ENTRIES * scale), len(importers), minimum=1)
    inquiry_counts = allocate(round(INQUIRIES * scale), len(importers))
    ports = sorted(Port.objects.values_list("code", flat=True))
    agencies = sorted(PartnerAgency.objects.values_list("code", flat=True))
    firsts = next_ids(*COPIED_MODELS)
    tables = _tables()
    entries = EntryMaker(
        rng,
        today=timezone.localtime(now).date(),
        ports=ports,
        first_entry_id=firsts[Entry],
        first_line_id=firsts[EntryLine],
        taken_filers=_taken_filer_codes(),
    )
    counters = dict(ReferenceCounter.objects.values_list("year", "last"))
    inquiries = InquiryMaker(
        rng,
        now=now,
        counters=counters,
        staff=staff,
        agencies=agencies,
        ports=ports,
        tables=tables,
        first_ids={
            "inquiry": firsts[Inquiry],
            "routing": firsts[RoutingRecord],
            "referral": firsts[Referral],
            "message": firsts[Message],
            "event": firsts[InquiryEvent],
        },
    )
    writer = CopyWriter()
    try:
        _write_importers(
            importers, entry_counts, inquiry_counts, entries, inquiries, tables, writer, progress
        )
    finally:
        writer.close()
    _save_centers(importers)
    _save_counters(counters)
    sync_sequences(*COPIED_MODELS)
    vacuum_analyze()
    counts = {name: table.written for name, table in tables.items()}
    counts["importer"] = len(importers)
    return counts


def digest() -> str:
    """A fingerprint of the generated data by natural keys (ids left out)."""
    parts = [
        Importer.objects.order_by("ior_number").values_list(
            "ior_number", "name", "ctpat_tier", "isa_member", "center_id"
        ),
        Entry.objects.order_by("entry_number")
        .values_list(
            "entry_number",
            "importer__ior_number",
            "entry_date",
            "liquidation_date",
            "total_value",
            "principal_hts",
        )
        .annotate(n_lines=Count("lines"), line_value=Sum("lines__value")),
        Inquiry.objects.order_by("reference").values_list(
            "reference",
            "importer__ior_number",
            "type",
            "status",
            "due",
            "details",
            "assignee__username",
            "submitted_at",
            "entry__entry_number",
            "version",
        ),
        InquiryEvent.objects.order_by("inquiry__reference", "sequence").values_list(
            "inquiry__reference", "sequence", "action", "actor__username", "at"
        ),
    ]
    sha = hashlib.sha256()
    for rows in parts:
        for row in rows.iterator(chunk_size=5000):
            sha.update(repr(row).encode())
    return sha.hexdigest()
