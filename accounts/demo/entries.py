"""Demo entries, imported through the same batch service as the ACE feed's batches.

Each importer has a stable filer code and serial range, so a second run updates the same
entry numbers instead of adding new ones. Values come from a seeded generator: every run
builds the same lines; only the dates move with the day the seed runs.
"""

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from entries.batch import BatchRejected, parse_json
from entries.formats import check_digit
from entries.models import EntryType, LiquidationStatus
from entries.services import BatchResult, import_entry_batch

CENT = Decimal("0.01")
TYPICAL_LIQUIDATION_DAYS = 314  # entry summary to scheduled liquidation (domain/deadlines.md)


@dataclass(frozen=True)
class Product:
    hts: str
    countries: tuple[str, ...]
    low: int  # line value range in dollars
    high: int
    duty_rate: Decimal = Decimal("0")
    # Chapter 99 numbers that accompany the line when it comes from China (Section 301).
    china_additional: tuple[str, ...] = ()
    china_rate: Decimal = Decimal("0")


@dataclass(frozen=True)
class Profile:
    key: str
    filer_code: str
    first_serial: int
    ports: tuple[str, ...]
    products: tuple[Product, ...]
    informal_every: int = 0  # every n-th unliquidated entry is informal (type 11)


PHARMA = Profile(
    key="pharma",
    filer_code="NRX",
    first_serial=4_310_000,
    ports=("1001", "4601", "4701", "1101", "2720", "5309", "0401"),
    products=(
        Product("3004909290", ("IE", "DE", "CH", "IN"), 180_000, 2_400_000),
        Product("3004200060", ("IN", "IT", "IE"), 90_000, 850_000),
        Product("3004390050", ("DK", "DE", "FR"), 150_000, 1_200_000),
        Product("3002150100", ("BE", "IE", "CH", "US"), 400_000, 3_800_000),
        Product("2941101000", ("CN", "IN", "IT"), 40_000, 420_000),
        Product("2933396100", ("IN", "CN", "IE"), 25_000, 310_000, Decimal("0.065")),
        Product("2924297100", ("IN", "CN"), 18_000, 160_000, Decimal("0.065")),
        Product("2937120000", ("DK", "FR"), 220_000, 1_600_000),
        Product("3006301000", ("DE", "NO"), 30_000, 260_000),
        Product("3822190080", ("DE", "GB", "JP"), 12_000, 140_000),
        Product("9018310040", ("SG", "MX", "IE"), 20_000, 190_000),
        Product("9018390050", ("MX", "CR", "IE"), 35_000, 330_000),
    ),
)

ELECTRONICS = Profile(
    key="electronics",
    filer_code="EZB",
    first_serial=7_720_000,
    ports=("2709", "2704", "2720", "2809", "3029", "5501", "4196"),
    products=(
        Product("8471300100", ("CN", "TW", "VN"), 22_000, 260_000),
        Product("8471500150", ("TW", "MX", "CN"), 15_000, 140_000),
        Product(
            "8473301180",
            ("CN", "TW", "MY"),
            6_000,
            75_000,
            Decimal("0"),
            ("9903881500",),
            Decimal("0.075"),
        ),
        Product("8517130000", ("VN", "IN", "CN"), 30_000, 320_000),
        Product(
            "8517620090",
            ("CN", "MY", "TH", "MX"),
            9_000,
            110_000,
            Decimal("0"),
            ("9903880300",),
            Decimal("0.25"),
        ),
        Product(
            "8542310000",
            ("TW", "KR", "MY", "CN"),
            12_000,
            210_000,
            Decimal("0"),
            ("9903880100",),
            Decimal("0.25"),
        ),
        Product("8542320036", ("KR", "TW", "JP"), 8_000, 150_000),
        Product(
            "8528520000",
            ("CN", "MX", "TW"),
            10_000,
            95_000,
            Decimal("0"),
            ("9903880300",),
            Decimal("0.25"),
        ),
        Product("8528726400", ("MX", "VN", "TH"), 14_000, 120_000, Decimal("0.039")),
    ),
    informal_every=6,
)


def entry_number(profile: Profile, index: int) -> str:
    base = f"{profile.filer_code}{profile.first_serial + index:07d}"
    return f"{base}{check_digit(base)}"


def _schedule(index: int, today: date) -> tuple[date, date | None, str]:
    """Entry date, liquidation date and status of the index-th entry: a third each of
    unliquidated, liquidated 10–150 days ago and liquidated more than 200 days ago."""
    step = index // 3
    if index % 3 == 0:
        return today - timedelta(days=3 + step * 9), None, LiquidationStatus.UNLIQUIDATED
    if index % 3 == 1:
        liquidated = today - timedelta(days=10 + step * 12)
    else:
        liquidated = today - timedelta(days=205 + step * 16)
    entered = liquidated - timedelta(days=TYPICAL_LIQUIDATION_DAYS + step % 4)
    return entered, liquidated, LiquidationStatus.LIQUIDATED


def _line(rng: random.Random, number: int, product: Product) -> dict:
    country = rng.choice(product.countries)
    value = (
        Decimal(rng.randrange(product.low, product.high)) + Decimal(rng.randrange(100)) / 100
    ).quantize(CENT)
    additional = list(product.china_additional) if country == "CN" else []
    rate = product.duty_rate + (product.china_rate if additional else Decimal("0"))
    return {
        "line_number": number,
        "hts": product.hts,
        "additional_hts": additional,
        "country_of_origin": country,
        "value": str(value),
        "duty": str((value * rate).quantize(CENT)),
    }


def _entry(
    profile: Profile,
    rng: random.Random,
    index: int,
    ior: str,
    today: date,
    status_override: str | None = None,
) -> dict:
    entered, liquidated, status = _schedule(index, today)
    if status_override:
        entered, liquidated, status = today - timedelta(days=330 + index), None, status_override
    informal = (
        profile.informal_every
        and status == LiquidationStatus.UNLIQUIDATED
        and index % (3 * profile.informal_every) == 3 * (profile.informal_every - 1)
    )
    products = rng.sample(profile.products, k=1 if informal else rng.randint(1, 4))
    lines = [_line(rng, n, product) for n, product in enumerate(products, start=1)]
    if informal:  # an informal entry stays under the $2,500 limit
        lines[0]["value"], lines[0]["duty"] = "1840.00", "0.00"
    return {
        "entry_number": entry_number(profile, index),
        "importer_ior": ior,
        "entry_type": EntryType.INFORMAL if informal else EntryType.CONSUMPTION,
        "port": profile.ports[index % len(profile.ports)],
        "entry_date": entered.isoformat(),
        "release_date": entered.isoformat(),
        "liquidation_date": liquidated.isoformat() if liquidated else None,
        "liquidation_status": status,
        "lines": lines,
    }


def build_batch(profile: Profile, ior: str, today: date, *, count: int = 36) -> bytes:
    """The JSON batch of one importer's demo entries (DESIGN.md §4 format)."""
    rng = random.Random(f"cee-demo-{profile.key}")  # noqa: S311 (demo values, not secrets)
    entries = [_entry(profile, rng, index, ior, today) for index in range(count)]
    entries.append(_entry(profile, rng, count, ior, today, LiquidationStatus.EXTENDED))
    entries.append(_entry(profile, rng, count + 1, ior, today, LiquidationStatus.SUSPENDED))
    return json.dumps({"entries": entries}).encode()


def seed_entries(cast, today: date) -> dict[str, BatchResult]:
    """Import both demo importers' entries through the batch parser and import service."""
    results = {}
    for profile, importer in ((PHARMA, cast.pharma), (ELECTRONICS, cast.sme)):
        records, errors = parse_json(build_batch(profile, importer.ior_number, today))
        try:
            results[importer.name] = import_entry_batch(records, errors)
        except BatchRejected as exc:
            problems = "; ".join(f"row {e.row} {e.field}: {e.message}" for e in exc.errors[:5])
            raise RuntimeError(
                f"The demo batch for {importer.name} was refused: {problems}"
            ) from exc
    return results
