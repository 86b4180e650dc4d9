"""Generated people and accounts: Center staff, AEs, HQ, liaisons, importers and their users."""

from dataclasses import dataclass, field

from django.utils import timezone

from accounts.models import AccountExecutiveAssignment, Importer, Membership, TradeRole, User
from accounts.trust import SERVICE_LEVEL_RANK, CtpatTier
from centers.models import CenterStaff, FunctionalArea, PartnerAgency, PgaLiaison
from centers.reference import center_codes

PREFIX = "load-"
STAFF_PER_CENTER = 20  # at scale 1; at least 2 a Center (one supervisor)
TRUSTED_PER_AE = 20
NAMES = (
    "Acme",
    "Bayside",
    "Cobalt",
    "Delta",
    "Evergreen",
    "Falcon",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
    "Keystone",
    "Lakeshore",
    "Meridian",
    "Northwind",
    "Orchard",
    "Pioneer",
    "Quarry",
    "Redwood",
    "Summit",
    "Tidewater",
    "Union",
    "Vista",
    "Willow",
)
KINDS = ("Imports", "Trading", "Supply", "Industries", "Distribution", "Manufacturing")


@dataclass
class ImporterFacts:
    """What the generator needs of an importer while it writes its entries and inquiries."""

    id: int
    rank: int
    name: str
    ior_number: str
    service_level: str
    trusted_partner: bool
    home_center: str
    users: list[int] = field(default_factory=list)  # admin first, then filers
    center_id: str | None = None
    ae_id: int | None = None

    @property
    def service_level_rank(self) -> int:
        return SERVICE_LEVEL_RANK[self.service_level]


@dataclass
class Staff:
    """Generated CBP people by Center, and the password hash they share."""

    by_center: dict[str, list[int]]
    supervisors: dict[str, int]
    aes: list[int]
    hq: int
    liaisons: dict[str, int]


def _user(username: str, password: str, first: str, last: str, **flags) -> User:
    return User(
        username=username,
        password=password,
        first_name=first,
        last_name=last,
        email=f"{username}@load.example.com",
        date_joined=timezone.now(),
        **flags,
    )


def create_staff(rng, *, scale: float, password: str) -> Staff:
    """Center staff (one supervisor each), Account Executives, an HQ reviewer, liaisons."""
    per_center = max(2, round(STAFF_PER_CENTER * scale))
    areas = list(FunctionalArea.values)
    users, rows = [], []
    for code in center_codes():
        for n in range(1, per_center + 1):
            users.append(
                _user(f"{PREFIX}staff-{code.lower()}-{n}", password, "Staff", f"{code} {n}")
            )
            rows.append((code, areas[(n - 1) % len(areas)], n == 1))
    User.objects.bulk_create(users, batch_size=2000)
    CenterStaff.objects.bulk_create(
        [
            CenterStaff(user=user, center_id=code, functional_area=area, is_supervisor=sup)
            for user, (code, area, sup) in zip(users, rows, strict=True)
        ],
        batch_size=2000,
    )
    by_center: dict[str, list[int]] = {}
    supervisors = {}
    for user, (code, _area, sup) in zip(users, rows, strict=True):
        by_center.setdefault(code, []).append(user.id)
        if sup:
            supervisors[code] = user.id
    aes = [
        _user(f"{PREFIX}ae-{n}", password, "Account", f"Executive {n}", is_account_executive=True)
        for n in range(1, max(2, round(10 * scale)) + 1)
    ]
    hq = _user(f"{PREFIX}hq", password, "HQ", "Reviewer", is_hq_reviewer=True)
    agencies = list(PartnerAgency.objects.order_by("code").values_list("code", flat=True))
    liaisons = [
        _user(f"{PREFIX}pga-{code.lower()}", password, code, "Liaison") for code in agencies
    ]
    User.objects.bulk_create([*aes, hq, *liaisons])
    PgaLiaison.objects.bulk_create(
        [
            PgaLiaison(user=user, agency_id=code)
            for user, code in zip(liaisons, agencies, strict=True)
        ]
    )
    return Staff(
        by_center,
        supervisors,
        [ae.id for ae in aes],
        hq.id,
        {code: user.id for user, code in zip(liaisons, agencies, strict=True)},
    )


def _trust(rng, rank: int, count: int) -> dict:
    """Trust inputs: large accounts (the head of the Zipf curve) are more often trusted."""
    head = rank <= max(1, count // 20)
    roll = rng.random()
    if roll < (0.45 if head else 0.12):
        tier = CtpatTier.TIER3
    elif roll < (0.65 if head else 0.22):
        tier = CtpatTier.TIER2
    elif roll < (0.75 if head else 0.35):
        tier = CtpatTier.TIER1
    else:
        tier = CtpatTier.NONE
    isa = tier != CtpatTier.NONE and rng.random() < 0.55
    return {
        "size": Importer.Size.LARGE if head else Importer.Size.SME,
        "ctpat_tier": tier,
        "isa_member": isa,
        "financially_compliant": rng.random() < 0.95,
        "participating": rng.random() < 0.1,
    }


def ior_number(index: int) -> str:
    """A unique IOR number of one of the three formats (index < 10 million)."""
    digits = f"{index:07d}"
    if index % 20 == 0:
        social = f"9{index:08d}"
        return f"{social[:3]}-{social[3:5]}-{social[5:]}"
    if index % 5 == 0:
        return f"97{digits[:4]}-{digits[4:]}00"
    return f"98-{digits}LG"


def create_importers(rng, *, count: int, password: str, staff: Staff) -> list[ImporterFacts]:
    """Importers ranked by size, each with an admin and zero to two filers."""
    taken = set(Importer.objects.values_list("ior_number", flat=True))
    centers = list(center_codes())
    importers, trust = [], []
    for rank in range(1, count + 1):
        inputs = _trust(rng, rank, count)
        number = ior_number(rank)
        if number in taken:
            raise ValueError(f"IOR number {number} already belongs to an importer")
        name = f"{rng.choice(NAMES)} {rng.choice(KINDS)} {rank}"
        importers.append(Importer(name=name, ior_number=number, **inputs))
        trust.append(inputs)
    Importer.objects.bulk_create(importers, batch_size=2000)
    facts = [
        ImporterFacts(
            id=imp.id,
            rank=rank,
            name=imp.name,
            ior_number=imp.ior_number,
            service_level=imp.service_level,
            trusted_partner=imp.trusted_partner,
            home_center=rng.choice(centers),
        )
        for rank, imp in enumerate(importers, start=1)
    ]
    _create_trade_users(rng, facts, password)
    _assign_aes(facts, staff)
    return facts


def _create_trade_users(rng, facts: list[ImporterFacts], password: str) -> None:
    users, roles = [], []
    for fact in facts:
        filers = 2 if fact.rank <= 10 else rng.choice((0, 0, 1))
        for n in range(filers + 1):
            users.append(
                _user(
                    f"{PREFIX}trade-{fact.rank}-{n + 1}",
                    password,
                    "Trade",
                    f"User {fact.rank}-{n + 1}",
                )
            )
            roles.append((fact, TradeRole.ADMIN if n == 0 else TradeRole.FILER))
    User.objects.bulk_create(users, batch_size=2000)
    Membership.objects.bulk_create(
        [
            Membership(user=user, importer_id=fact.id, role=role)
            for user, (fact, role) in zip(users, roles, strict=True)
        ],
        batch_size=2000,
    )
    for user, (fact, _role) in zip(users, roles, strict=True):
        fact.users.append(user.id)


def _assign_aes(facts: list[ImporterFacts], staff: Staff) -> None:
    trusted = [fact for fact in facts if fact.trusted_partner]
    rows = []
    for n, fact in enumerate(trusted):
        fact.ae_id = staff.aes[(n // TRUSTED_PER_AE) % len(staff.aes)]
        rows.append(AccountExecutiveAssignment(importer_id=fact.id, ae_id=fact.ae_id))
    AccountExecutiveAssignment.objects.bulk_create(rows, batch_size=2000)
