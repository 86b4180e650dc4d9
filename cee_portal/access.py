"""The one access policy: who sees which importers, entries and inquiries (DESIGN.md §1).

Every read of a protected object goes through a `visible_to(user)` queryset method that
calls this module, so no view decides visibility on its own. Each rule is an indexed
EXISTS subquery; the policy is their OR, a constant number per request whatever the data.
Objects a user may not see are simply absent, so views answer 404, never 403.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone


def is_cbp(user) -> bool:
    """CBP roles: Center staff, Account Executives, HQ reviewers."""
    return bool(
        user.is_authenticated
        and (center_staff(user) or user.is_account_executive or user.is_hq_reviewer)
    )


def center_staff(user):
    """Return the user's CenterStaff row, or None."""
    if not user.is_authenticated:
        return None
    try:
        return user.center_staff
    except user._meta.model.center_staff.RelatedObjectDoesNotExist:
        return None


def pga_liaison(user):
    if not user.is_authenticated:
        return None
    try:
        return user.pga_liaison
    except user._meta.model.pga_liaison.RelatedObjectDoesNotExist:
        return None


def is_trade_user(user) -> bool:
    return bool(
        user.is_authenticated
        and not user.is_service_account
        and not is_cbp(user)
        and pga_liaison(user) is None
    )


def _active_delegation(user, importer_ref, codenames=None):
    from accounts.models import ImporterDelegation

    grants = ImporterDelegation.objects.filter(user=user, content_object=importer_ref).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )
    if codenames:
        grants = grants.filter(permission__codename__in=codenames)
    return grants


def trade_importer_q(user, importer_field="pk", *, roles=None) -> Q:
    """Importers the user reaches as a member or an unexpired importer-wide delegate."""
    from accounts.models import Membership, TradeRole

    memberships = Membership.objects.filter(user=user, importer=OuterRef(importer_field))
    codenames = None
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
        codenames = ["act_for_importer"] if TradeRole.VIEWER not in roles else None
    return Q(Exists(memberships)) | Q(
        Exists(_active_delegation(user, OuterRef(importer_field), codenames))
    )


def ae_importer_q(user, importer_field="pk") -> Q:
    from accounts.models import AccountExecutiveAssignment

    return Q(
        Exists(
            AccountExecutiveAssignment.objects.active().filter(
                ae=user, importer=OuterRef(importer_field)
            )
        )
    )


def importers_visible_to(user, importers: QuerySet) -> QuerySet:
    """Importer accounts the user may see."""
    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return importers.none()
    if user.is_superuser:
        return importers
    rule = trade_importer_q(user) | ae_importer_q(user)
    staff = center_staff(user)
    if staff is not None:
        rule |= Q(center_id=staff.center_id) | _inquiry_link_q(user, "pk", "importer")
    if user.is_hq_reviewer or pga_liaison(user) is not None:
        rule |= _inquiry_link_q(user, "pk", "importer")
    return importers.filter(rule)


def entries_visible_to(user, entries: QuerySet) -> QuerySet:
    """Entries the user may see: of visible accounts, or named in a visible inquiry."""
    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return entries.none()
    if user.is_superuser:
        return entries
    rule = trade_importer_q(user, "importer_id") | ae_importer_q(user, "importer_id")
    staff = center_staff(user)
    if staff is not None:
        rule |= Q(importer__center_id=staff.center_id)
    rule |= _inquiry_link_q(user, "pk", "entry")
    return entries.filter(rule)


def _inquiry_link_q(user, outer_field: str, inquiry_field: str) -> Q:
    """Objects named by an inquiry the user sees through a non-account rule."""
    try:
        from inquiries.models import Inquiry
    except ImportError:  # the inquiries app is not built yet
        return Q(pk__in=[])
    linked = Inquiry.objects.visible_to(user).filter(**{inquiry_field: OuterRef(outer_field)})
    return Q(Exists(linked))
