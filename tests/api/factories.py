"""Builders for API tests: two importer accounts, each role around them, inquiries via services."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import services as account_services
from accounts.models import Importer, TradeRole
from inquiries import services
from inquiries.models import Inquiry
from inquiries.workflow import Action
from tests.factories import (
    CenterStaffFactory,
    EntryFactory,
    EntryLineFactory,
    ImporterFactory,
    MembershipFactory,
    PgaLiaisonFactory,
    TrustedPartnerFactory,
    UserFactory,
    center,
    entry_number,
)


def client_for(user) -> APIClient:
    """An API client signed in with the user's token."""
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def file_inquiry(importer, by, *, type="policy_clarification", subject="A question", **kw):
    return services.file_inquiry(importer, by=by, type=type, subject=subject, **kw)


def entry_for(importer, n: int, **kw):
    entry = EntryFactory(importer=importer, entry_number=entry_number(n), **kw)
    EntryLineFactory(entry=entry, line_number=1)
    return entry


@dataclass
class World:
    """Importer A (pharma, PHC) and B (electronics, EL) with every demo-like role."""

    a: Importer
    b: Importer
    users: dict = field(default_factory=dict)
    entries: dict = field(default_factory=dict)
    inquiries: dict = field(default_factory=dict)

    def __getattr__(self, name):
        users = self.__dict__.get("users", {})
        if name in users:
            return users[name]
        raise AttributeError(name)

    def client(self, name: str) -> APIClient:
        return client_for(self.users[name])


def make_world() -> World:
    a = TrustedPartnerFactory(
        name="Pharma A", ior_number="123-45-6789", center=center("PHC"), center_pinned=True
    )
    b = ImporterFactory(name="Electronics B", center=center("EL"), center_pinned=True)
    world = World(a=a, b=b)
    u = world.users
    u["admin_a"] = MembershipFactory(importer=a, role=TradeRole.ADMIN).user
    u["filer_a"] = MembershipFactory(importer=a, role=TradeRole.FILER).user
    u["viewer_a"] = MembershipFactory(importer=a, role=TradeRole.VIEWER).user
    u["filer_b"] = MembershipFactory(importer=b, role=TradeRole.FILER).user
    u["broker"] = UserFactory(username="broker")
    account_services.delegate_importer(b, broker=u["broker"], role=TradeRole.FILER, by=None)
    account_services.delegate_importer(
        a,
        broker=u["broker"],
        role=TradeRole.VIEWER,
        by=None,
        expires_at=timezone.now() + timedelta(days=7),
    )
    u["expired_broker"] = UserFactory(username="expired-broker")
    grant = account_services.delegate_importer(
        a,
        broker=u["expired_broker"],
        role=TradeRole.FILER,
        by=None,
        expires_at=timezone.now() + timedelta(days=1),
    )
    grant.expires_at = timezone.now() - timedelta(minutes=1)
    grant.save(update_fields=["expires_at"])
    u["staff_phc"] = CenterStaffFactory(center=center("PHC")).user
    u["staff_el"] = CenterStaffFactory(center=center("EL")).user
    u["supervisor_phc"] = CenterStaffFactory(center=center("PHC"), is_supervisor=True).user
    u["ae_a"] = UserFactory(username="ae-a", is_account_executive=True)
    account_services.assign_account_executive(a, ae=u["ae_a"], by=None)
    u["hq"] = UserFactory(username="hq-reviewer", is_hq_reviewer=True)
    u["fda"] = PgaLiaisonFactory().user
    u["ace"] = UserFactory(username="ace-feed", is_service_account=True)
    u["superuser"] = UserFactory(username="root", is_superuser=True, is_staff=True)

    world.entries["a"] = entry_for(
        a, 1, liquidation_status="liquidated", liquidation_date=date(2026, 1, 20)
    )
    world.entries["b"] = entry_for(b, 2)
    world.inquiries["a"] = file_inquiry(a, u["admin_a"], subject="A's question")
    world.inquiries["b"] = file_inquiry(b, u["filer_b"], subject="B's question")
    services.post_message(
        world.inquiries["a"], by=u["staff_phc"], body="SECRET internal note", internal=True
    )
    services.post_message(world.inquiries["a"], by=u["staff_phc"], body="Hello importer")
    referred = file_inquiry(a, u["admin_a"], subject="For FDA")
    services.perform_action(referred, Action.CLAIM, by=u["staff_phc"])
    services.perform_action(referred, Action.START_REVIEW, by=u["staff_phc"])
    services.perform_action(
        referred,
        Action.REFER,
        by=u["staff_phc"],
        data={"target": "pga:FDA", "note": "SECRET referral note"},
    )
    world.inquiries["fda"] = Inquiry.objects.get(pk=referred.pk)
    return world
