from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

import access
from accounts.models import (
    AccountExecutiveAssignment,
    Importer,
    ImporterDelegation,
    TradeRole,
)
from accounts.services import (
    assign_account_executive,
    delegate_importer,
    delete_expired_delegations,
    revoke_delegation,
)
from accounts.tasks import delete_expired_delegations_task
from accounts.trust import CtpatTier
from tests.factories import ImporterFactory, TrustedPartnerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ae():
    return UserFactory(is_account_executive=True)


# --- Account Executive assignment -------------------------------------------------------


@pytest.mark.parametrize(
    ("inputs", "criterion"),
    [
        ({"ctpat_tier": CtpatTier.TIER2}, "C-TPAT tier 3"),
        ({"isa_member": False}, "ISA / CTPAT Trade Compliance"),
        ({"financially_compliant": False}, "financial compliance"),
    ],
)
def test_assigning_an_ae_to_a_non_trusted_partner_is_refused_naming_the_criterion(
    ae, inputs, criterion
):
    importer = TrustedPartnerFactory(**inputs)
    with pytest.raises(ValidationError) as exc_info:
        assign_account_executive(importer, ae=ae, by=None)
    messages = exc_info.value.message_dict["importer"]
    assert len(messages) == 1
    assert criterion in messages[0]
    assert "not a trusted partner" in messages[0]
    assert not AccountExecutiveAssignment.objects.filter(importer=importer).exists()


def test_an_importer_failing_every_criterion_hears_about_all_of_them(ae):
    importer = ImporterFactory(ctpat_tier=CtpatTier.TIER1, financially_compliant=False)
    with pytest.raises(ValidationError) as exc_info:
        assign_account_executive(importer, ae=ae, by=None)
    message = exc_info.value.message_dict["importer"][0]
    for criterion in ("C-TPAT tier 3", "ISA", "financial compliance"):
        assert criterion in message


def test_a_trusted_partner_gets_an_active_ae(ae):
    importer = TrustedPartnerFactory()
    admin = UserFactory(is_staff=True, is_superuser=True)
    assignment = assign_account_executive(importer, ae=ae, by=admin)
    assert assignment.ae == ae
    assert assignment.assigned_by == admin
    assert assignment.ended_at is None
    assert list(AccountExecutiveAssignment.objects.active().filter(importer=importer)) == [
        assignment
    ]


def test_an_sme_trusted_partner_is_eligible_because_volume_is_no_criterion(ae):
    importer = TrustedPartnerFactory(size=Importer.Size.SME)
    assert importer.trusted_partner
    assert assign_account_executive(importer, ae=ae, by=None).importer == importer


def test_reassigning_ends_the_previous_ae_and_keeps_it_as_history(ae):
    importer = TrustedPartnerFactory()
    successor = UserFactory(is_account_executive=True)
    first = assign_account_executive(importer, ae=ae, by=None)
    second = assign_account_executive(importer, ae=successor, by=None)
    first.refresh_from_db()
    assert first.ended_at is not None
    assert first.ended_at <= second.started_at
    assert AccountExecutiveAssignment.objects.filter(importer=importer).count() == 2
    active = AccountExecutiveAssignment.objects.active().filter(importer=importer)
    assert list(active) == [second]


def test_assigning_the_same_ae_again_changes_nothing(ae):
    importer = TrustedPartnerFactory()
    first = assign_account_executive(importer, ae=ae, by=None)
    again = assign_account_executive(importer, ae=ae, by=None)
    assert again.pk == first.pk
    assert AccountExecutiveAssignment.objects.filter(importer=importer).count() == 1


@pytest.mark.parametrize(
    "user_kwargs",
    [{"is_account_executive": False}, {"is_account_executive": True, "is_active": False}],
    ids=["not-an-ae", "deactivated-ae"],
)
def test_a_user_who_is_not_an_active_ae_cannot_be_assigned(user_kwargs):
    importer = TrustedPartnerFactory()
    user = UserFactory(**user_kwargs)
    with pytest.raises(ValidationError) as exc_info:
        assign_account_executive(importer, ae=user, by=None)
    assert "not an active Account Executive" in exc_info.value.message_dict["ae"][0]
    assert not AccountExecutiveAssignment.objects.filter(importer=importer).exists()


# --- Broker delegations -----------------------------------------------------------------


@pytest.mark.parametrize("role", [TradeRole.FILER, TradeRole.VIEWER])
def test_a_delegation_grants_the_broker_the_importer_with_its_role(role):
    importer = ImporterFactory()
    broker = UserFactory()
    delegation = delegate_importer(importer, broker=broker, role=role, by=None)
    assert delegation.role == role
    assert delegation.expires_at is None
    assert list(access.importers.visible(broker)) == [importer]


def test_an_expiring_delegation_keeps_its_expiry_and_lapses_when_it_passes():
    importer = ImporterFactory()
    broker = UserFactory()
    expires_at = timezone.now() + timedelta(days=7)
    delegation = delegate_importer(
        importer, broker=broker, role=TradeRole.VIEWER, by=None, expires_at=expires_at
    )
    delegation.refresh_from_db()
    assert delegation.expires_at == expires_at
    assert access.importers.visible(broker).exists()

    ImporterDelegation.objects.filter(pk=delegation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert not access.importers.visible(broker).exists()


def test_a_delegation_expiring_in_the_past_is_refused():
    with pytest.raises(ValidationError) as exc_info:
        delegate_importer(
            ImporterFactory(),
            broker=UserFactory(),
            role=TradeRole.FILER,
            by=None,
            expires_at=timezone.now() - timedelta(minutes=1),
        )
    assert "expires_at" in exc_info.value.message_dict


def test_a_delegation_is_for_a_filer_or_a_viewer_only():
    with pytest.raises(ValidationError) as exc_info:
        delegate_importer(ImporterFactory(), broker=UserFactory(), role=TradeRole.ADMIN, by=None)
    assert "role" in exc_info.value.message_dict


def test_delegating_again_replaces_the_previous_grant():
    importer = ImporterFactory()
    broker = UserFactory()
    delegate_importer(importer, broker=broker, role=TradeRole.VIEWER, by=None)
    delegation = delegate_importer(importer, broker=broker, role=TradeRole.FILER, by=None)
    assert list(ImporterDelegation.objects.filter(user=broker)) == [delegation]
    assert delegation.role == TradeRole.FILER


def test_revoking_a_delegation_removes_the_access():
    importer = ImporterFactory()
    broker = UserFactory()
    revoke_delegation(delegate_importer(importer, broker=broker, role=TradeRole.FILER, by=None))
    assert not access.importers.visible(broker).exists()


def _delegations_expiring_at(*offsets):
    """One delegation per offset from now (None: never expires); return them in order."""
    now = timezone.now()
    delegations = []
    for offset in offsets:
        delegation = delegate_importer(
            ImporterFactory(),
            broker=UserFactory(),
            role=TradeRole.VIEWER,
            by=None,
            expires_at=now + timedelta(days=1),
        )
        expires_at = None if offset is None else now + offset
        ImporterDelegation.objects.filter(pk=delegation.pk).update(expires_at=expires_at)
        delegations.append(delegation)
    return delegations


def test_delete_expired_delegations_removes_only_the_expired_ones():
    expired, long_expired, current, permanent = _delegations_expiring_at(
        timedelta(minutes=-1), timedelta(days=-30), timedelta(hours=1), None
    )
    assert delete_expired_delegations() == 2
    remaining = set(ImporterDelegation.objects.values_list("pk", flat=True))
    assert remaining == {current.pk, permanent.pk}


def test_delete_expired_delegations_uses_the_time_it_is_given():
    soon, later = _delegations_expiring_at(timedelta(hours=1), timedelta(days=2))
    assert delete_expired_delegations(now=timezone.now() + timedelta(days=1)) == 1
    assert list(ImporterDelegation.objects.values_list("pk", flat=True)) == [later.pk]


def test_delete_expired_delegations_task_is_idempotent():
    (current,) = _delegations_expiring_at(timedelta(hours=1))
    _delegations_expiring_at(timedelta(minutes=-5))
    assert delete_expired_delegations_task.delay().get() == 1
    assert delete_expired_delegations_task.delay().get() == 0
    assert list(ImporterDelegation.objects.values_list("pk", flat=True)) == [current.pk]
