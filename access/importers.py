"""Who sees which importer accounts, who administers and files for them, and which of their
fields a reader sees (DESIGN.md §1, §2)."""

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery, Value

from accounts.models import Importer, TradeRole

from . import inquiries, roles
from .conditions import any_of


def visible(user, importers: QuerySet | None = None) -> QuerySet:
    """The importer accounts of `importers` (all by default) the user may see."""
    importers = Importer.objects.all() if importers is None else importers
    if roles.sees_nothing(user):
        return importers.none()
    if user.is_superuser:
        return importers
    rules = []
    if roles.is_trade_user(user):
        rules += roles.trade_rules(user, "pk")
    if user.is_account_executive:
        rules.append(roles.account_executive_q(user))
    staff = roles.center_staff(user)
    if staff is not None:
        rules.append(Q(center_id=staff.center_id))
    if staff is not None or user.is_hq_reviewer or roles.pga_liaison(user) is not None:
        rules.append(inquiries.linked_q(user, "pk", "importer"))
    return any_of(importers, rules)


def served_by(ae, importers: QuerySet | None = None) -> QuerySet:
    """The accounts of `importers` (all by default) `ae` is the active Account Executive of."""
    importers = Importer.objects.all() if importers is None else importers
    return importers.filter(roles.account_executive_q(ae))


# --- Who administers and who files -------------------------------------------------------


def admin_q(user, importer_field="pk") -> Q:
    """Importers the user administers: admin members only, never delegates."""
    return roles.trade_importer_q(user, importer_field, roles=[TradeRole.ADMIN])


def administers(user, importer) -> bool:
    """Whether the user is an admin member of the importer (and so manages its people)."""
    return Importer.objects.filter(pk=importer.pk).filter(admin_q(user)).exists()


def with_admin_flag(user, importers: QuerySet) -> QuerySet:
    """Annotate `user_is_admin`: whether the user administers each importer."""
    if not user.is_authenticated:
        return importers.annotate(user_is_admin=Value(False))
    return importers.annotate(
        user_is_admin=ExpressionWrapper(admin_q(user), output_field=BooleanField())
    )


def with_user_roles(user, importers: QuerySet) -> QuerySet:
    """Annotate what the user is to each importer: `member_role`, the `delegation_codename`
    and `delegation_expires_at` of an unexpired delegation, and `user_is_admin`."""
    if not user.is_authenticated:
        return importers
    membership = roles.memberships(user, OuterRef("pk"))
    delegation = roles.importer_delegations(user, OuterRef("pk"))
    return with_admin_flag(
        user,
        importers.annotate(
            member_role=Subquery(membership.values("role")[:1]),
            delegation_codename=Subquery(delegation.values("permission__codename")[:1]),
            delegation_expires_at=Subquery(delegation.values("expires_at")[:1]),
        ),
    )


def filing_accounts(user) -> QuerySet:
    """Importers the user may file for: filer or admin member, or unexpired filer delegate."""
    return visible(user).filter(roles.trade_importer_q(user, roles=roles.FILING_ROLES))


def importer_to_file_for(user, importer_id):
    """The importer `importer_id` if the user may file for it, else None: a filer or admin
    member (the importer and the membership test in one query), or an unexpired filer
    delegate of the whole importer."""
    if not roles.is_trade_user(user):
        return None
    # A join rather than EXISTS: a user holds at most one membership of an importer (a
    # unique constraint), and the join costs half as much to build on every filing.
    importer = Importer.objects.filter(
        pk=importer_id, memberships__user=user, memberships__role__in=roles.FILING_ROLES
    ).first()
    if (
        importer is None
        and roles.delegations_granting(user, importer_id, roles.FILING_ROLES).exists()
    ):
        importer = Importer.objects.filter(pk=importer_id).first()
    return importer


# --- Which fields a reader sees ----------------------------------------------------------


def sees_full_ior_number(user, importer) -> bool:
    """SSN-form numbers in full: for the importer's admins (`user_is_admin`, annotated by
    `with_admin_flag`) and for CBP roles that see the importer; masked for everyone else."""
    return roles.reads_as_cbp(user) or bool(getattr(importer, "user_is_admin", False))


def ior_number_for(user, importer) -> str:
    """The importer's IOR number as the user may read it (DESIGN.md §2)."""
    return (
        importer.ior_number
        if sees_full_ior_number(user, importer)
        else (importer.masked_ior_number)
    )


def sees_risk_segment(user) -> bool:
    """The account risk segment is for CBP roles (and admins) only."""
    return bool(user.is_authenticated and roles.reads_as_cbp(user))
