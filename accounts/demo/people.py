"""Demo people and accounts: users, importers, memberships, delegations, CBP roles."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.utils import timezone
from rest_framework.authtoken.models import Token

import access
from accounts import services
from accounts.models import Importer, TradeRole, User
from accounts.trust import CtpatTier
from centers.models import Center, CenterStaff, FunctionalArea, PartnerAgency, PgaLiaison

# username: (first name, last name, e-mail, what they are)
PEOPLE = {
    "trade-pharma": (
        "Laura",
        "Bennett",
        "laura.bennett@example.com",
        "admin of Northfield Pharmaceuticals USA (ISA, trusted partner)",
    ),
    "trade-sme": (
        "Kevin",
        "Tran",
        "kevin.tran@example.com",
        "filer of Brightwave Electronics (standard service level)",
    ),
    "broker": (
        "Dana",
        "Whitfield",
        "dana.whitfield@example.com",
        "customs broker: filer for Brightwave, viewer for Northfield (7 days)",
    ),
    "trade-new": (
        "Maria",
        "Delgado",
        "maria.delgado@example.com",
        "admin of Delgado Imports, a new account with no Center",
    ),
    "staff-pharma": (
        "Marcus",
        "Reyes",
        "marcus.reyes@example.com",
        "customer service, Pharmaceuticals, Health & Chemicals Center",
    ),
    "supervisor-pharma": (
        "Helen",
        "Okafor",
        "helen.okafor@example.com",
        "supervisor, Pharmaceuticals, Health & Chemicals Center",
    ),
    "staff-electronics": (
        "Priya",
        "Natarajan",
        "priya.natarajan@example.com",
        "customer service, Electronics Center",
    ),
    "ae-pharma": (
        "Thomas",
        "Greer",
        "thomas.greer@example.com",
        "Account Executive of Northfield Pharmaceuticals USA",
    ),
    "hq-reviewer": (
        "Samuel",
        "Ortiz",
        "samuel.ortiz@example.com",
        "HQ reviewer, Regulations & Rulings (referrals and triage)",
    ),
    "fda-liaison": (
        "Rachel",
        "Kim",
        "rachel.kim@example.com",
        "FDA liaison (inquiries referred to FDA)",
    ),
    "ace-feed": (
        "ACE",
        "Feed",
        "ace-feed@example.com",
        "ACE feed service account (API token only, no pages)",
    ),
    "admin": ("Jordan", "Ellis", "jordan.ellis@example.com", "system administrator (Django admin)"),
}

USER_FLAGS = {
    "ae-pharma": {"is_account_executive": True},
    "hq-reviewer": {"is_hq_reviewer": True},
    "ace-feed": {"is_service_account": True},
    "admin": {"is_superuser": True, "is_staff": True},
}

PHARMA_IOR = "22-381745900"  # IRS number with its two-character suffix
SME_IOR = "241107-58213"  # CBP-assigned number
NEW_IOR = "987-65-4321"  # Social Security number of a sole proprietor (masked for most)


@dataclass
class Cast:
    """The demo's people and accounts, by username and by role."""

    users: dict[str, User] = field(default_factory=dict)
    pharma: Importer | None = None
    sme: Importer | None = None
    newcomer: Importer | None = None

    def __getitem__(self, username: str) -> User:
        return self.users[username]


class _Passwords:
    """Hash the demo password once; check each distinct stored hash once."""

    def __init__(self, raw: str):
        self.raw = raw
        self._hash = None
        self._checked: dict[str, bool] = {}

    def hashed(self) -> str:
        if self._hash is None:
            self._hash = make_password(self.raw)
        return self._hash

    def matches(self, stored: str) -> bool:
        if stored not in self._checked:
            self._checked[stored] = check_password(self.raw, stored)
        return self._checked[stored]


def _users() -> dict[str, User]:
    passwords = _Passwords(settings.DEMO_PASSWORD)
    users = {}
    for username, (first, last, email, _about) in PEOPLE.items():
        flags = USER_FLAGS.get(username, {})
        user, _created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_active": True,
                **flags,
            },
        )
        if not passwords.matches(user.password):
            user.password = passwords.hashed()
            user.save(update_fields=["password"])
        users[username] = user
    return users


def _importers(today: date) -> tuple[Importer, Importer, Importer]:
    pharma, _ = Importer.objects.update_or_create(
        ior_number=PHARMA_IOR,
        defaults={
            "name": "Northfield Pharmaceuticals USA, Inc.",
            "size": Importer.Size.LARGE,
            "center": Center.objects.get(code="PHC"),
            "center_pinned": True,
            "ctpat_tier": CtpatTier.TIER3,
            "ctpat_certified_on": date(today.year - 9, 3, 14),
            "isa_member": True,
            "isa_approved_on": date(today.year - 7, 9, 30),
            "financially_compliant": True,
            "participating": False,
        },
    )
    sme, _ = Importer.objects.update_or_create(
        ior_number=SME_IOR,
        defaults={
            "name": "Brightwave Electronics LLC",
            "size": Importer.Size.SME,
            "center": Center.objects.get(code="EL"),
            "center_pinned": True,
            "ctpat_tier": CtpatTier.NONE,
            "ctpat_certified_on": None,
            "isa_member": False,
            "isa_approved_on": None,
            "financially_compliant": True,
            "participating": False,
        },
    )
    newcomer, _ = Importer.objects.update_or_create(
        ior_number=NEW_IOR,
        defaults={
            "name": "Maria Delgado d/b/a Delgado Imports",
            "size": Importer.Size.SME,
            "center": None,
            "center_pinned": False,
            "ctpat_tier": CtpatTier.NONE,
            "isa_member": False,
            "financially_compliant": True,
            "participating": False,
        },
    )
    return pharma, sme, newcomer


def _delegate(importer: Importer, *, broker: User, role: str, by: User, expires_at=None) -> None:
    """Grant the broker's delegation unless an unexpired one of that role already exists."""
    codename = access.roles.DELEGATION_CODENAMES[role]
    if not access.roles.importer_delegations(broker, importer, [codename]).exists():
        services.delegate_importer(importer, broker=broker, role=role, by=by, expires_at=expires_at)


def _cbp_roles(users: dict[str, User]) -> None:
    staff = {
        "staff-pharma": ("PHC", FunctionalArea.CUSTOMER_SERVICE, False),
        "supervisor-pharma": ("PHC", FunctionalArea.UNIFORMITY_POLICY, True),
        "staff-electronics": ("EL", FunctionalArea.CUSTOMER_SERVICE, False),
    }
    for username, (code, area, supervisor) in staff.items():
        CenterStaff.objects.update_or_create(
            user=users[username],
            defaults={"center_id": code, "functional_area": area, "is_supervisor": supervisor},
        )
    PgaLiaison.objects.update_or_create(
        user=users["fda-liaison"], defaults={"agency": PartnerAgency.objects.get(code="FDA")}
    )
    Token.objects.get_or_create(user=users["ace-feed"])


def seed_people(today: date) -> Cast:
    """Create or update the demo users, importers, memberships, delegations and CBP roles."""
    users = _users()
    pharma, sme, newcomer = _importers(today)
    services.add_member(pharma, user=users["trade-pharma"], role=TradeRole.ADMIN)
    services.add_member(sme, user=users["trade-sme"], role=TradeRole.FILER)
    services.add_member(newcomer, user=users["trade-new"], role=TradeRole.ADMIN)
    _delegate(sme, broker=users["broker"], role=TradeRole.FILER, by=users["admin"])
    _delegate(
        pharma,
        broker=users["broker"],
        role=TradeRole.VIEWER,
        by=users["trade-pharma"],
        expires_at=timezone.now() + timedelta(days=7),
    )
    _cbp_roles(users)
    services.assign_account_executive(pharma, ae=users["ae-pharma"], by=users["admin"])
    return Cast(users=users, pharma=pharma, sme=sme, newcomer=newcomer)
