"""Build entry batches as the ACE feed sends them, in CSV or JSON, from plain dicts."""

import csv
import io
import json

from entries.batch import CSV_HEADER, parse_csv, parse_json
from entries.services import import_entry_batch

ENTRY_KEYS = CSV_HEADER[:8]
LINE_KEYS = CSV_HEADER[8:]
PARSERS = {"csv": parse_csv, "json": parse_json}


def line(
    line_number=1,
    hts="3004909290",
    *,
    additional_hts=(),
    country_of_origin="IE",
    value="1000.00",
    duty="50.00",
) -> dict:
    return {
        "line_number": line_number,
        "hts": hts,
        "additional_hts": list(additional_hts),
        "country_of_origin": country_of_origin,
        "value": value,
        "duty": duty,
    }


def entry(
    entry_number,
    importer_ior,
    *,
    lines=None,
    entry_type="01",
    port="1001",
    entry_date="2026-03-02",
    release_date="2026-03-03",
    liquidation_date=None,
    liquidation_status="unliquidated",
) -> dict:
    return {
        "entry_number": entry_number,
        "importer_ior": importer_ior,
        "entry_type": entry_type,
        "port": port,
        "entry_date": entry_date,
        "release_date": release_date,
        "liquidation_date": liquidation_date,
        "liquidation_status": liquidation_status,
        "lines": lines if lines is not None else [line()],
    }


def with_changes(data: dict, **changes) -> dict:
    """Copy an entry, changing entry fields and, for line fields, every line."""
    changed = {**data, **{k: v for k, v in changes.items() if k in ENTRY_KEYS}}
    line_changes = {k: v for k, v in changes.items() if k in LINE_KEYS}
    changed["lines"] = [{**item, **line_changes} for item in data["lines"]]
    return changed


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value)


def to_csv(entries: list[dict], header=CSV_HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for data in entries:
        for item in data["lines"]:
            row = {**{key: data[key] for key in ENTRY_KEYS}, **item}
            writer.writerow([_csv_cell(row[key]) for key in CSV_HEADER])
    return buffer.getvalue().encode()


def to_json(entries: list[dict]) -> bytes:
    return json.dumps({"entries": entries}).encode()


ENCODERS = {"csv": to_csv, "json": to_json}


def encode(batch_format: str, entries: list[dict]) -> bytes:
    return ENCODERS[batch_format](entries)


def import_batch(batch_format: str, entries: list[dict]):
    """Parse and import a batch as the command and the API do; return the BatchResult."""
    records, errors = PARSERS[batch_format](encode(batch_format, entries))
    return import_entry_batch(records, errors)


def import_content(batch_format: str, content: bytes):
    records, errors = PARSERS[batch_format](content)
    return import_entry_batch(records, errors)
