"""Who a person is to the portal: the ground floor of the access policy (DESIGN.md §1).

Reads only the user's flags and the rows that give a person a role: memberships, broker
delegations, Account Executive assignments, Center staff and PGA liaison rows. The subject
modules build their rules on these.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

# The delegation permissions' codenames (ACT_FOR_IMPORTER, VIEW_IMPORTER, ACT_ON_INQUIRY) are
# declared with their models' Meta.permissions; the rest of the code reads them from here.
from accounts.models import (
    ACT_FOR_IMPORTER,
    VIEW_IMPORTER,
    AccountExecutiveAssignment,
    ImporterDelegation,
    Membership,
    TradeRole,
)
from inquiries.models import ACT_ON_INQUIRY as ACT_ON_INQUIRY
from inquiries.models import InquiryDelegation

from .conditions import in_set

# The permission a broker delegation grants on the whole importer, per delegated role: its
# codename, and its name as guardian's shortcuts take it.
DELEGATION_CODENAMES = {TradeRole.FILER: ACT_FOR_IMPORTER, TradeRole.VIEWER: VIEW_IMPORTER}
DELEGATION_PERMISSIONS = {
    role: f"accounts.{codename}" for role, codename in DELEGATION_CODENAMES.items()
}
# Members of these roles file and take every trade action; viewers only read.
FILING_ROLES = (TradeRole.ADMIN, TradeRole.FILER)


# --- The user's own flags and rows --------------------------------------------------------


def sees_nothing(user) -> bool:
    """Anonymous visitors, deactivated people and the ACE feed see no protected object."""
    return not user.is_authenticated or not user.is_active or user.is_service_account


def center_staff(user):
    """Return the user's CenterStaff row, or None."""
    if not user.is_authenticated:
        return None
    try:
        return user.center_staff
    except user._meta.model.center_staff.RelatedObjectDoesNotExist:
        return None


def pga_liaison(user):
    """Return the user's PgaLiaison row, or None."""
    if not user.is_authenticated:
        return None
    try:
        return user.pga_liaison
    except user._meta.model.pga_liaison.RelatedObjectDoesNotExist:
        return None


def is_cbp(user) -> bool:
    """CBP roles: Center staff, Account Executives, HQ reviewers."""
    return bool(
        user.is_authenticated
        and (center_staff(user) or user.is_account_executive or user.is_hq_reviewer)
    )


def reads_as_cbp(user) -> bool:
    """CBP roles and administrators: they read what CBP reads (notes, risk, full numbers)."""
    return bool(user.is_superuser or is_cbp(user))


def is_trade_user(user) -> bool:
    """Staff of an importer or of a broker: anyone signed in without a CBP or PGA role."""
    return bool(
        user.is_authenticated
        and not user.is_service_account
        and not is_cbp(user)
        and pga_liaison(user) is None
    )


def trade_users(users: QuerySet) -> QuerySet:
    """The people of `users` who are trade users (as is_trade_user decides for one)."""
    return users.filter(
        is_active=True,
        is_service_account=False,
        is_account_executive=False,
        is_hq_reviewer=False,
        center_staff__isnull=True,
        pga_liaison__isnull=True,
    )


# --- Grants on importers and inquiries ----------------------------------------------------


def unexpired() -> Q:
    """Delegations in force now: without an expiry, or expiring later."""
    return Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())


def importer_delegations(user, importer_ref, codenames=None) -> QuerySet:
    """The user's unexpired delegations on `importer_ref` (an importer id, or an OuterRef to
    one), granting one of `codenames` if given."""
    grants = ImporterDelegation.objects.filter(user=user, content_object=importer_ref).filter(
        unexpired()
    )
    if codenames:
        grants = grants.filter(permission__codename__in=codenames)
    return grants


def inquiry_delegations(user, inquiry_ref, codenames=None) -> QuerySet:
    """The user's unexpired delegations on one inquiry, granting one of `codenames` if given."""
    grants = InquiryDelegation.objects.filter(user=user, content_object=inquiry_ref).filter(
        unexpired()
    )
    if codenames:
        grants = grants.filter(permission__codename__in=codenames)
    return grants


def memberships(user, importer_ref, roles=None) -> QuerySet:
    """The user's memberships of `importer_ref` (an importer id, or an OuterRef to one),
    with one of `roles` if given."""
    rows = Membership.objects.filter(user=user, importer=importer_ref)
    return rows if roles is None else rows.filter(role__in=roles)


def delegations_granting(user, importer_ref, roles=None) -> QuerySet | None:
    """The user's unexpired importer-wide delegations that grant one of `roles` (any role
    if None), or None where none can: delegations never carry the admin role."""
    if roles is None or TradeRole.VIEWER in roles:
        return importer_delegations(user, importer_ref)
    if TradeRole.FILER in roles:
        return importer_delegations(user, importer_ref, [ACT_FOR_IMPORTER])
    return None


def trade_importer_q(user, importer_field="pk", *, roles=None) -> Q:
    """Importers the user reaches as a member or an unexpired importer-wide delegate (in one
    of `roles` if given)."""
    rule = Q(Exists(memberships(user, OuterRef(importer_field), roles)))
    delegations = delegations_granting(user, OuterRef(importer_field), roles)
    return rule if delegations is None else rule | Q(Exists(delegations))


def files_for(user, importer_id) -> bool:
    """A filer or admin member, or an unexpired filer delegate of the whole importer."""
    if not user.is_authenticated:
        return False
    return (
        memberships(user, importer_id, FILING_ROLES).exists()
        or delegations_granting(user, importer_id, FILING_ROLES).exists()
    )


def trade_rules(
    user,
    importer_field: str,
    delegated_field: str | None = None,
    delegated_column: str = "content_object_id",
) -> list[Q]:
    """The trade rules as sets: importers the user is a member or an unexpired delegate of
    and, with `delegated_field`, the `delegated_column` of inquiries delegated to them."""
    in_force = unexpired()
    rules = [
        in_set(importer_field, Membership.objects.filter(user=user).values("importer_id")),
        in_set(
            importer_field,
            ImporterDelegation.objects.filter(in_force, user=user).values("content_object_id"),
        ),
    ]
    if delegated_field is not None:
        rules.append(
            in_set(
                delegated_field,
                InquiryDelegation.objects.filter(in_force, user=user).values(delegated_column),
            )
        )
    return rules


def account_executive_q(user, importer_field="pk") -> Q:
    """Importers the user is the active Account Executive of."""
    return Q(
        Exists(
            AccountExecutiveAssignment.objects.active().filter(
                ae=user, importer=OuterRef(importer_field)
            )
        )
    )


def is_account_executive_of(user, importer_id) -> bool:
    """Whether the user is the importer's active Account Executive."""
    return (
        bool(user.is_account_executive)
        and AccountExecutiveAssignment.objects.active()
        .filter(ae=user, importer_id=importer_id)
        .exists()
    )
