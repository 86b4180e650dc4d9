"""Account use cases: members, broker delegations and Account Executive assignment.

Member and delegation changes made by a person check that the person administers the
account; `by=None` stands for the system (the demo seed, admin tooling that checked already).
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm

import access

from .models import (
    AccountExecutiveAssignment,
    Importer,
    ImporterDelegation,
    Membership,
    TradeRole,
    User,
)


def check_account_executive_assignment(importer: Importer, *, ae: User) -> None:
    """Raise ValidationError unless `ae` may become the importer's Account Executive."""
    failures = importer.trusted_partner_failures
    if failures:
        raise ValidationError(
            {
                "importer": _("%(name)s is not a trusted partner: %(reasons)s.")
                % {"name": importer.name, "reasons": "; ".join(failures)}
            }
        )
    if not ae.is_account_executive or not ae.is_active:
        raise ValidationError(
            {"ae": _("%(user)s is not an active Account Executive.") % {"user": ae.username}}
        )


@transaction.atomic
def assign_account_executive(
    importer: Importer, *, ae: User, by: User | None
) -> AccountExecutiveAssignment:
    """Make `ae` the importer's one active Account Executive, ending the previous assignment."""
    check_account_executive_assignment(importer, ae=ae)
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


def _check_admin(importer: Importer, by: User | None) -> None:
    """Refuse unless `by` administers the importer (None: the system, e.g. the demo seed)."""
    if by is None or by.is_superuser:
        return
    if not access.importers.administers(by, importer):
        raise PermissionDenied(
            _("Only an admin of %(name)s may manage its people.") % {"name": importer.name}
        )


def _check_trade_person(user: User, field: str) -> None:
    if not user.is_active or not access.roles.is_trade_user(user):
        raise ValidationError(
            {
                field: _("%(user)s cannot join an importer account: only active trade users can.")
                % {"user": user.username}
            }
        )


def _lock_admins(importer: Importer) -> list[int]:
    """Lock the importer's admin memberships and return their ids (serialises admin changes)."""
    return list(
        Membership.objects.select_for_update()
        .filter(importer=importer, role=TradeRole.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _refuse_last_admin(importer: Importer, membership: Membership, message: str) -> None:
    admins = _lock_admins(importer)
    if admins == [membership.pk]:
        raise ValidationError({"role": message})


@transaction.atomic
def add_member(importer: Importer, *, user: User, role: str, by: User | None = None) -> Membership:
    """Add a trade user to the importer, or change the role of one already in it."""
    _check_admin(importer, by)
    if role not in TradeRole.values:
        raise ValidationError({"role": _("Choose admin, filer or viewer.")})
    existing = Membership.objects.filter(user=user, importer=importer).first()
    if existing is not None:
        return change_member_role(existing, role=role, by=by)
    _check_trade_person(user, "user")
    if ImporterDelegation.objects.filter(user=user, content_object=importer).exists():
        raise ValidationError(
            {
                "user": _(
                    "%(user)s reaches %(name)s through a broker delegation; revoke it "
                    "before adding them as a member."
                )
                % {"user": user.username, "name": importer.name}
            }
        )
    return Membership.objects.create(user=user, importer=importer, role=role)


@transaction.atomic
def change_member_role(membership: Membership, *, role: str, by: User | None) -> Membership:
    """Change a member's role; the account's last admin stays an admin."""
    importer = membership.importer
    _check_admin(importer, by)
    if role not in TradeRole.values:
        raise ValidationError({"role": _("Choose admin, filer or viewer.")})
    if membership.role == TradeRole.ADMIN and role != TradeRole.ADMIN:
        _refuse_last_admin(
            importer,
            membership,
            _("%(user)s is the last admin of %(name)s: make someone else an admin first.")
            % {"user": membership.user.username, "name": importer.name},
        )
    if membership.role != role:
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(membership: Membership, *, by: User | None) -> None:
    """Take a member out of the account; the last admin cannot be removed."""
    importer = membership.importer
    _check_admin(importer, by)
    if membership.role == TradeRole.ADMIN:
        _refuse_last_admin(
            importer,
            membership,
            _(
                "%(user)s is the last admin of %(name)s and cannot be removed: make someone else "
                "an admin first."
            )
            % {"user": membership.user.username, "name": importer.name},
        )
    membership.delete()


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
    _check_admin(importer, by)
    if role not in access.roles.DELEGATION_PERMISSIONS:
        raise ValidationError({"role": _("A delegation is for a filer or a viewer.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry must be in the future.")})
    _check_trade_person(broker, "broker")
    if Membership.objects.filter(user=broker, importer=importer).exists():
        raise ValidationError(
            {
                "broker": _("%(user)s is already a member of %(name)s: change their role instead.")
                % {"user": broker.username, "name": importer.name}
            }
        )
    ImporterDelegation.objects.filter(user=broker, content_object=importer).delete()
    assign_perm(access.roles.DELEGATION_PERMISSIONS[role], broker, importer)
    delegation = ImporterDelegation.objects.get(user=broker, content_object=importer)
    delegation.expires_at = expires_at
    delegation.granted_by = by
    delegation.save(update_fields=["expires_at", "granted_by"])
    return delegation


@transaction.atomic
def revoke_delegation(delegation: ImporterDelegation, *, by: User | None = None) -> None:
    """Remove a broker's grant on an importer."""
    _check_admin(delegation.content_object, by)
    delegation.delete()


def delete_expired_delegations(*, now: datetime | None = None) -> int:
    """Delete importer grants whose expiry has passed; return how many went."""
    deleted, _per_model = ImporterDelegation.objects.filter(
        expires_at__lte=now or timezone.now()
    ).delete()
    return deleted
