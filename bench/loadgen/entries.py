"""Generated entries and lines of one importer: valid numbers, covered HTS, real dates."""

import string
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from centers.coverage import center_for_hts, prefix_table
from entries.deadlines import scheduled_liquidation
from entries.formats import check_digit
from entries.models import EntryType, LiquidationStatus

from .copy import NULL

ENTRY_COLUMNS = [
    "id",
    "entry_number",
    "importer_id",
    "entry_type",
    "port_id",
    "entry_date",
    "release_date",
    "liquidation_date",
    "liquidation_status",
    "total_value",
    "total_duty",
    "principal_hts",
    "principal_center_id",
    "imported_at",
    "updated_at",
]
LINE_COLUMNS = [
    "id",
    "entry_id",
    "line_number",
    "hts",
    "additional_hts",
    "country_of_origin",
    "value",
    "duty",
    "center_id",
]
HISTORY_DAYS = 3 * 365
TYPES = [
    (EntryType.CONSUMPTION, 78),
    (EntryType.INFORMAL, 6),
    (EntryType.ADCVD, 4),
    (EntryType.FTZ_CONSUMPTION, 4),
    (EntryType.WAREHOUSE, 3),
    (EntryType.WAREHOUSE_WITHDRAWAL, 3),
    (EntryType.TEMPORARY_IMPORTATION_BOND, 2),
]
COUNTRIES = [
    ("CN", 30),
    ("MX", 14),
    ("CA", 12),
    ("DE", 6),
    ("JP", 6),
    ("VN", 6),
    ("KR", 4),
    ("IN", 4),
    ("IT", 3),
    ("TW", 3),
    ("GB", 3),
    ("FR", 2),
    ("TH", 2),
    ("MY", 2),
    ("IE", 2),
    ("CH", 1),
]
DUTY_RATES = (0, 0, 25, 50, 65, 100, 250)  # per mille of the value
SECTION_301 = '["9903880300"]'  # as JSON text


@dataclass(frozen=True)
class EntryFacts:
    """What an inquiry may need of an entry: number, type, dates, its principal line."""

    id: int
    number: str
    entry_type: str
    entry_date: date
    liquidation_date: date | None
    liquidation_status: str
    principal_hts: str
    principal_center: str | None


def money(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


class EntryMaker:
    """Writes entries and lines to COPY tables, numbering rows from the given first ids."""

    def __init__(
        self,
        rng,
        *,
        today: date,
        ports: list[str],
        first_entry_id: int,
        first_line_id: int,
        taken_filers: set[str],
    ):
        self.rng = rng
        self.today = today
        self.ports = ports
        self.entry_id = first_entry_id
        self.line_id = first_line_id
        self.filers = [
            code
            for code in (f"L{a}{d}" for a in string.ascii_uppercase for d in string.digits)
            if code not in taken_filers
        ]
        self.sequence = dict.fromkeys(self.filers, 0)
        self.by_center: dict[str, list[str]] = {}
        for prefix, center in prefix_table().items():
            self.by_center.setdefault(center, []).append(prefix)
        self.prefix_length = max(len(prefix) for prefix in prefix_table())
        self._centers: dict[str, str | None] = {}
        self.types, self.type_weights = zip(*TYPES, strict=True)
        self.countries, weights = zip(*COUNTRIES, strict=True)
        self.country_cum = list(accumulate(weights))

    def center_of(self, hts: str) -> str | None:
        key = hts[: self.prefix_length]
        if key not in self._centers:
            self._centers[key] = center_for_hts(hts)
        return self._centers[key]

    def hts_for(self, center: str) -> str:
        prefix = self.rng.choice(self.by_center[center])
        width = 10 - len(prefix)
        return f"{prefix}{self.rng.randrange(10**width):0{width}d}"

    def entry_number(self, filer: str) -> str:
        self.sequence[filer] += 1
        base = f"{filer}{self.sequence[filer]:07d}"
        return base + str(check_digit(base))

    def _dates(self, entry_type: str):
        rng = self.rng
        entry_date = self.today - timedelta(days=int(HISTORY_DAYS * rng.random() ** 1.3))
        release = min(entry_date + timedelta(days=rng.randint(0, 5)), self.today)
        scheduled = scheduled_liquidation(entry_date)
        if scheduled > self.today:
            return entry_date, release, None, LiquidationStatus.UNLIQUIDATED
        roll = rng.random()
        if roll < 0.06:
            return entry_date, release, None, LiquidationStatus.EXTENDED
        if roll < 0.09:
            return entry_date, release, None, LiquidationStatus.SUSPENDED
        return entry_date, release, scheduled, LiquidationStatus.LIQUIDATED

    def _lines(self, entry_id: int, home: str, lines_table):
        """Write 1–9 lines; return (value cents, duty cents, principal hts, value by center)."""
        rng = self.rng
        total = duty_total = 0
        principal = (-1, "")
        shares: dict[str, int] = {}
        centers = list(self.by_center)
        for number in range(1, rng.randint(1, 9) + 1):
            hts = self.hts_for(home if rng.random() < 0.75 else rng.choice(centers))
            cents = max(100, int(rng.lognormvariate(12.5, 1.3)))
            duty = cents * rng.choice(DUTY_RATES) // 1000
            center = self.center_of(hts)
            country = rng.choices(self.countries, cum_weights=self.country_cum)[0]
            extra = SECTION_301 if country == "CN" and rng.random() < 0.4 else "[]"
            lines_table.add_line(
                f"{self.line_id}\t{entry_id}\t{number}\t{hts}\t{extra}\t"
                f"{country}\t{money(cents)}\t{money(duty)}\t{center or NULL}"
            )
            self.line_id += 1
            total += cents
            duty_total += duty
            if cents > principal[0]:
                principal = (cents, hts)
            if center:
                shares[center] = shares.get(center, 0) + cents
        return total, duty_total, principal[1], shares

    def make(self, importer, count: int, entries_table, lines_table):
        """Write `count` entries of the importer; return their facts and 12-month shares."""
        rng = self.rng
        filers = rng.sample(self.filers, k=min(3, len(self.filers)))
        window_start = self.today - timedelta(days=365)
        facts, shares = [], {}
        for _n in range(count):
            entry_type = rng.choices(self.types, self.type_weights)[0]
            entry_date, release, liquidated, status = self._dates(entry_type)
            entry_id = self.entry_id
            self.entry_id += 1
            total, duty, principal, by_center = self._lines(
                entry_id, importer.home_center, lines_table
            )
            number = self.entry_number(rng.choice(filers))
            moment = f"{release.isoformat()} 06:00:00+00"
            principal_center = self.center_of(principal)
            entries_table.add(
                entry_id,
                number,
                importer.id,
                entry_type,
                rng.choice(self.ports),
                entry_date,
                release,
                liquidated,
                status,
                money(total),
                money(duty),
                principal,
                principal_center,
                moment,
                moment,
            )
            facts.append(
                EntryFacts(
                    entry_id,
                    number,
                    entry_type,
                    entry_date,
                    liquidated,
                    status,
                    principal,
                    principal_center,
                )
            )
            if entry_date > window_start:
                for center, cents in by_center.items():
                    shares[center] = shares.get(center, 0) + cents
        return facts, shares


def assigned_center(shares: dict[str, int]) -> str | None:
    """The Center of the largest 12-month value, ties to the first code (as the service)."""
    if not shares:
        return None
    return min(shares.items(), key=lambda item: (-item[1], item[0]))[0]
