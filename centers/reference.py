"""Reference data copied verbatim from the shared domain folder into centers/data/.

The csv files are read, never retyped; `load_reference_data` is idempotent and is called by
the data migration and by seed_demo.
"""

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def port_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in read_rows("ports.csv"))


@cache
def agency_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in read_rows("pgas.csv"))


@cache
def center_codes() -> tuple[str, ...]:
    return tuple(row["code"] for row in read_rows("centers.csv"))


def load_reference_data(center_model, port_model, agency_model) -> None:
    """Create or update the Centers, ports and partner agencies from the csv copies."""
    for row in read_rows("centers.csv"):
        center_model.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "office_city": row["office_city"],
                "host_port": row["host_port"],
                "hts_prefixes": row["hts_prefixes"].split(),
            },
        )
    for row in read_rows("ports.csv"):
        port_model.objects.update_or_create(code=row["code"], defaults={"name": row["name"]})
    for row in read_rows("pgas.csv"):
        agency, _created = agency_model.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
        agency.centers.set(row["centers"].split())
