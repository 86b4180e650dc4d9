"""seed_demo: the demo data of DESIGN.md §10, idempotent, refused with DEBUG off."""

from datetime import timedelta
from importlib.util import find_spec

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone

from accounts.demo import PEOPLE
from accounts.ior import is_ssn, normalize_ior_number
from accounts.models import Importer, ImporterDelegation, User
from accounts.trust import ServiceLevel
from entries.models import Entry, LiquidationStatus
from inquiries.models import Inquiry, Referral
from inquiries.workflow import Status

COUNTED = [
    "accounts.User",
    "accounts.Importer",
    "accounts.Membership",
    "accounts.ImporterDelegation",
    "accounts.AccountExecutiveAssignment",
    "accounts.EngagementPlan",
    "accounts.PlanEvent",
    "accounts.PlanVersion",
    "authtoken.Token",
    "centers.Center",
    "centers.Port",
    "centers.CenterStaff",
    "centers.PgaLiaison",
    "centers.Ruling",
    "centers.Publication",
    "centers.Event",
    "entries.Entry",
    "entries.EntryLine",
    "inquiries.Inquiry",
    "inquiries.InquiryEvent",
    "inquiries.Message",
    "inquiries.Referral",
    "inquiries.Notification",
]


def _counts() -> dict[str, int]:
    counts = {}
    for label in COUNTED:
        try:
            counts[label] = apps.get_model(label).objects.count()
        except LookupError:  # engagement plans may not be installed yet
            continue
    return counts


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--force", stdout=None)
    return {importer.size: importer for importer in Importer.objects.exclude(center=None)}


@pytest.mark.django_db
def test_seed_demo_twice_creates_nothing_new(capsys):
    call_command("seed_demo", "--force")
    first = _counts()
    call_command("seed_demo", "--force")
    assert _counts() == first
    assert first["inquiries.Inquiry"] >= 17
    out = capsys.readouterr().out
    assert "already there, left alone" in out
    assert "Sign in with password" in out


def test_every_demo_user_signs_in_with_the_demo_password(seeded, settings):
    request = RequestFactory().post("/accounts/login/")
    for username in PEOPLE:
        user = authenticate(request, username=username, password=settings.DEMO_PASSWORD)
        assert user is not None, username
        assert user.email.endswith("@example.com") and user.first_name and user.last_name
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="ace-feed").auth_token.key


def test_demo_accounts_have_the_trust_and_access_of_the_design(seeded):
    pharma, sme = seeded[Importer.Size.LARGE], seeded[Importer.Size.SME]
    assert pharma.center_id == "PHC" and pharma.center_pinned and pharma.trusted_partner
    assert pharma.service_level == ServiceLevel.ISA
    assert pharma.ae_assignments.active().get().ae.username == "ae-pharma"
    assert sme.center_id == "EL" and sme.service_level == ServiceLevel.STANDARD
    newcomer = Importer.objects.get(center=None)
    for importer in (pharma, sme, newcomer):
        assert normalize_ior_number(importer.ior_number) == importer.ior_number
    assert is_ssn(newcomer.ior_number) and not newcomer.entries.exists()
    viewer = ImporterDelegation.objects.get(user__username="broker", content_object=pharma)
    assert viewer.role == "viewer"
    assert timedelta(days=6) < viewer.expires_at - timezone.now() <= timedelta(days=7)
    assert (
        ImporterDelegation.objects.get(user__username="broker", content_object=sme).role == "filer"
    )
    if find_spec("accounts.plan_services") is not None:
        from accounts.models import EngagementPlan

        assert EngagementPlan.objects.filter(importer=pharma).active().exists()


def test_each_demo_importer_has_entries_in_every_liquidation_window(seeded):
    today = timezone.localdate()
    for importer in seeded.values():
        entries = Entry.objects.filter(importer=importer)
        liquidated = entries.filter(liquidation_status=LiquidationStatus.LIQUIDATED)
        assert entries.count() >= 30
        assert entries.values("port").distinct().count() >= 4
        assert entries.filter(liquidation_status=LiquidationStatus.UNLIQUIDATED).exists()
        assert liquidated.filter(
            liquidation_date__range=(today - timedelta(days=150), today - timedelta(days=10))
        ).exists()
        assert liquidated.filter(liquidation_date__lt=today - timedelta(days=200)).exists()


def test_inquiries_cover_every_state_referrals_and_triage(seeded):
    for importer in seeded.values():
        states = set(Inquiry.objects.filter(importer=importer).values_list("status", flat=True))
        assert states == set(Status.values), importer.name
    triage = Inquiry.objects.get(center=None)
    assert triage.status == Status.SUBMITTED and not triage.entry_id and not triage.hts
    open_referrals = Referral.objects.filter(returned_at=None, inquiry__status=Status.REFERRED)
    assert open_referrals.filter(target=Referral.Target.HQ).exists()
    assert open_referrals.filter(target=Referral.Target.PGA, agency_id="FDA").exists()
    assert Inquiry.objects.filter(messages__internal=True).exists()


@pytest.mark.django_db
def test_seed_demo_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert not User.objects.filter(username__in=PEOPLE).exists()
