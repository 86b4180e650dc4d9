"""Account use cases: members, broker delegations and Account Executive assignment."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm

from .models import (
    AccountExecutiveAssignment,
    Importer,
    ImporterDelegation,
    Membership,
    TradeRole,
    User,
)

DELEGATION_PERMISSION = {
    TradeRole.FILER: "accounts.act_for_importer",
    TradeRole.VIEWER: "accounts.view_importer",
}


@transaction.atomic
def assign_account_executive(importer: Importer, *, ae: User, by: User | None) -> (
    AccountExecutiveAssignment
):
    """Make `ae` the importer's one active Account Executive, ending the previous assignment."""
    failures = importer.trusted_partner_failures
    if failures:
        raise ValidationError(
            {
                "importer": _("%(name)s is not a trusted partner: %(reasons)s.")
                % {"name": importer.name, "reasons": "; ".join(failures)}
            }
        )
    if not ae.is_account_executive or not ae.is_active:
        raise ValidationError({"ae": _("%(user)s is not an active Account Executive.") % {
            "user": ae.username}})
    current = (
        AccountExecutiveAssignment.objects.select_for_update()
        .filter(importer=importer)
        .active()
        .first()
    )
    if current and current.ae_id == ae.pk:
        return current
    now = timezone.now()
    if current:
        current.ended_at = now
        current.save(update_fields=["ended_at"])
    return AccountExecutiveAssignment.objects.create(
        importer=importer, ae=ae, assigned_by=by, started_at=now
    )


@transaction.atomic
def end_account_executive_assignment(importer: Importer, *, by: User | None) -> None:
    """End the importer's active AE assignment, keeping it as history."""
    AccountExecutiveAssignment.objects.filter(importer=importer).active().update(
        ended_at=timezone.now()
    )


@transaction.atomic
def add_member(importer: Importer, *, user: User, role: str) -> Membership:
    """Add a trade user to the importer (or change their role)."""
    membership, _created = Membership.objects.update_or_create(
        user=user, importer=importer, defaults={"role": role}
    )
    return membership


@transaction.atomic
def delegate_importer(
    importer: Importer,
    *,
    broker: User,
    role: str,
    by: User | None,
    expires_at: datetime | None = None,
) -> ImporterDelegation:
    """Grant a broker user access to a whole importer as filer or viewer, maybe until a time."""
    if role not in DELEGATION_PERMISSION:
        raise ValidationError({"role": _("A delegation is for a filer or a viewer.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry must be in the future.")})
    ImporterDelegation.objects.filter(user=broker, content_object=importer).delete()
    assign_perm(DELEGATION_PERMISSION[role], broker, importer)
    delegation = ImporterDelegation.objects.get(user=broker, content_object=importer)
    delegation.expires_at = expires_at
    delegation.granted_by = by
    delegation.save(update_fields=["expires_at", "granted_by"])
    return delegation


@transaction.atomic
def revoke_delegation(delegation: ImporterDelegation) -> None:
    """Remove a broker's grant on an importer."""
    delegation.delete()


def delete_expired_delegations(*, now: datetime | None = None) -> int:
    """Delete importer grants whose expiry has passed; return how many went."""
    deleted, _per_model = ImporterDelegation.objects.filter(
        expires_at__lte=now or timezone.now()
    ).delete()
    return deleted
