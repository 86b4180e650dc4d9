"""Entry batches from the ACE feed: parse CSV or JSON and validate every row (DESIGN.md §4).

Parsing collects every problem as a `RowError` instead of stopping at the first one, so the
feed sees all its bad rows at once; the import service writes nothing if any exists.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

import pycountry
from django.core.exceptions import ValidationError
from django.utils import timezone

from centers.reference import port_codes

from .formats import normalize_entry_number, normalize_hts
from .models import EntryType, LiquidationStatus, entry_date_errors

CSV_HEADER = [
    "entry_number",
    "importer_ior",
    "entry_type",
    "port",
    "entry_date",
    "release_date",
    "liquidation_date",
    "liquidation_status",
    "line_number",
    "hts",
    "additional_hts",
    "country_of_origin",
    "value",
    "duty",
]
ENTRY_FIELDS = CSV_HEADER[:8]
LINE_FIELDS = CSV_HEADER[8:]
MAX_BATCH_BYTES = 10 * 1024 * 1024
MAX_BATCH_ROWS = 50_000


class BatchTooLarge(Exception):
    """The batch is over 10 MB or 50,000 rows."""


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "message": self.message}


class BatchRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} bad rows")
        self.errors = errors


@dataclass
class LineRecord:
    line_number: int
    hts: str
    additional_hts: list[str]
    country_of_origin: str
    value: Decimal
    duty: Decimal


@dataclass
class EntryRecord:
    row: int
    entry_number: str
    importer_ior: str
    entry_type: str
    port: str
    entry_date: date
    release_date: date | None
    liquidation_date: date | None
    liquidation_status: str
    lines: list[LineRecord] = field(default_factory=list)


class _RowChecker:
    """Validates the fields of one row, remembering each error with its row number."""

    def __init__(self, row: int, errors: list[RowError]):
        self.row = row
        self.errors = errors

    def fail(self, name: str, message: str):
        self.errors.append(RowError(self.row, name, message))

    def check(self, name, value, convert):
        try:
            return convert(value)
        except (ValidationError, ValueError, TypeError, InvalidOperation) as exc:
            message = exc.messages[0] if isinstance(exc, ValidationError) else str(exc)
            self.fail(name, message)
            return None


def _required(value) -> str:
    if value is None or str(value).strip() == "":
        raise ValueError("This field is required.")
    return str(value).strip()


def _iso_date(value, *, required=True) -> date | None:
    if value is None or str(value).strip() == "":
        if required:
            raise ValueError("This field is required.")
        return None
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD.") from None


def _choice(value, choices) -> str:
    value = _required(value)
    if value not in choices.values:
        raise ValueError(f"{value!r} is not one of {', '.join(choices.values)}.")
    return value


def _port(value) -> str:
    value = _required(value)
    if value not in port_codes():
        raise ValueError(f"{value!r} is not a port of entry in the Schedule D list.")
    return value


def _money(value) -> Decimal:
    try:
        amount = Decimal(_required(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not an amount in dollars.") from None
    if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:
        raise ValueError(f"{value!r} is not an amount in dollars with at most 2 decimals.")
    if amount >= Decimal("1e12"):
        raise ValueError(f"{value!r} is too large.")
    return amount.quantize(Decimal("0.01"))


def _line_number(value) -> int:
    number = int(_required(value))
    if not 1 <= number <= 9999:
        raise ValueError("A line number is from 1 to 9999.")
    return number


def _country(value) -> str:
    code = _required(value).upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code.")
    return code


def _primary_hts(value) -> str:
    value = _required(value)
    if value.replace(".", "")[:2] in ("98", "99"):
        raise ValueError(
            "A line needs a chapter 01–97 classification; chapter 98/99 numbers go in "
            "additional_hts."
        )
    return normalize_hts(value)


def _additional_hts(values) -> list[str]:
    if any(not isinstance(value, str) for value in values):
        raise ValueError(
            'additional_hts holds HTS numbers written as text, such as "9903.88.0300".'
        )
    return [normalize_hts(value, allow_special=True) for value in values]


def _entry_record(row: int, data: dict, errors: list[RowError], today: date) -> EntryRecord:
    checker = _RowChecker(row, errors)
    record = EntryRecord(
        row=row,
        entry_number=checker.check(
            "entry_number", data.get("entry_number"), lambda v: normalize_entry_number(_required(v))
        ),
        importer_ior=checker.check("importer_ior", data.get("importer_ior"), _required),
        entry_type=checker.check(
            "entry_type", data.get("entry_type"), lambda v: _choice(v, EntryType)
        ),
        port=checker.check("port", data.get("port"), _port),
        entry_date=checker.check("entry_date", data.get("entry_date"), _iso_date),
        release_date=checker.check(
            "release_date", data.get("release_date"), lambda v: _iso_date(v, required=False)
        ),
        liquidation_date=checker.check(
            "liquidation_date", data.get("liquidation_date"), lambda v: _iso_date(v, required=False)
        ),
        liquidation_status=checker.check(
            "liquidation_status",
            data.get("liquidation_status"),
            lambda v: _choice(v, LiquidationStatus),
        ),
    )
    problems = entry_date_errors(
        entry_date=record.entry_date,
        release_date=record.release_date,
        liquidation_date=record.liquidation_date,
        liquidation_status=record.liquidation_status,
        today=today,
    )
    for name, message in problems.items():
        checker.fail(name, message)
    return record


def _line_record(row: int, data: dict, additional: list, errors: list[RowError]):
    checker = _RowChecker(row, errors)
    return LineRecord(
        line_number=checker.check("line_number", data.get("line_number"), _line_number),
        hts=checker.check("hts", data.get("hts"), _primary_hts),
        additional_hts=checker.check("additional_hts", additional, _additional_hts) or [],
        country_of_origin=checker.check(
            "country_of_origin", data.get("country_of_origin"), _country
        ),
        value=checker.check("value", data.get("value"), _money),
        duty=checker.check("duty", data.get("duty"), _money),
    )


def _add_line(record: EntryRecord, line: LineRecord, row: int, errors: list[RowError]):
    if line.line_number is not None and any(
        existing.line_number == line.line_number for existing in record.lines
    ):
        errors.append(
            RowError(row, "line_number", f"Line {line.line_number} appears twice in this entry.")
        )
    record.lines.append(line)


def parse_csv(
    content: bytes, *, today: date | None = None
) -> tuple[list[EntryRecord], list[RowError]]:
    """Parse a CSV batch (one row per entry line) into entries, collecting every row error.

    Dates are checked against `today` in the portal zone (by default the current day).
    """
    today = today or timezone.localdate()
    if len(content) > MAX_BATCH_BYTES:
        raise BatchTooLarge
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowError(0, "file", "The file is not UTF-8 text.")]
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or [name.strip() for name in header] != CSV_HEADER:
        return [], [
            RowError(0, "header", "The header row must be exactly: " + ",".join(CSV_HEADER))
        ]
    errors: list[RowError] = []
    records: dict[str, EntryRecord] = {}
    for row_number, values in enumerate(reader, start=1):
        if row_number > MAX_BATCH_ROWS:
            raise BatchTooLarge
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(CSV_HEADER):
            errors.append(
                RowError(
                    row_number, "row", f"Expected {len(CSV_HEADER)} columns, found {len(values)}."
                )
            )
            continue
        data = dict(zip(CSV_HEADER, values, strict=True))
        record = _entry_record(row_number, data, errors, today)
        key = record.entry_number or f"row-{row_number}"
        first = records.setdefault(key, record)
        if first is not record:
            _check_same_entry(first, record, row_number, errors)
        line = _line_record(row_number, data, data["additional_hts"].split(), errors)
        _add_line(first, line, row_number, errors)
    if not records and not errors:
        errors.append(RowError(0, "file", "The batch holds no rows."))
    return list(records.values()), errors


def _check_same_entry(first: EntryRecord, other: EntryRecord, row: int, errors):
    for name in ENTRY_FIELDS[1:]:
        if getattr(first, name) != getattr(other, name):
            errors.append(
                RowError(
                    row,
                    name,
                    f"Differs from row {first.row} of the same entry {first.entry_number}.",
                )
            )


def parse_json(
    content: bytes, *, today: date | None = None
) -> tuple[list[EntryRecord], list[RowError]]:
    """Parse a JSON batch {"entries": [...]}; a row number is the entry's 1-based position.

    Dates are checked against `today` in the portal zone (by default the current day).
    """
    today = today or timezone.localdate()
    if len(content) > MAX_BATCH_BYTES:
        raise BatchTooLarge
    try:
        document = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        return [], [RowError(0, "body", f"The body is not valid JSON: {exc}.")]
    entries = document.get("entries") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        return [], [RowError(0, "entries", 'Send {"entries": [...]} with at least one entry.')]
    if sum(_line_count(entry) for entry in entries) > MAX_BATCH_ROWS:
        raise BatchTooLarge
    errors: list[RowError] = []
    records: list[EntryRecord] = []
    seen: dict[str, int] = {}
    for position, data in enumerate(entries, start=1):
        if not isinstance(data, dict):
            errors.append(RowError(position, "entry", "Each entry is a JSON object."))
            continue
        record = _entry_record(position, data, errors, today)
        if record.entry_number and record.entry_number in seen:
            errors.append(
                RowError(
                    position,
                    "entry_number",
                    f"Entry {record.entry_number} also appears at position "
                    f"{seen[record.entry_number]}.",
                )
            )
        if record.entry_number:
            seen.setdefault(record.entry_number, position)
        _json_lines(record, data.get("lines"), position, errors)
        records.append(record)
    return records, errors


def _line_count(entry) -> int:
    lines = entry.get("lines") if isinstance(entry, dict) else None
    return len(lines) if isinstance(lines, list) else 1


def _json_lines(record: EntryRecord, lines, position: int, errors: list[RowError]) -> None:
    if not isinstance(lines, list) or not lines:
        errors.append(RowError(position, "lines", "An entry needs at least one line."))
        return
    for data in lines:
        if not isinstance(data, dict):
            errors.append(RowError(position, "lines", "Each line is a JSON object."))
            continue
        additional = data.get("additional_hts") or []
        if not isinstance(additional, list):
            errors.append(RowError(position, "additional_hts", "additional_hts is a list."))
            additional = []
        _add_line(record, _line_record(position, data, additional, errors), position, errors)
