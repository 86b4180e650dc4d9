"""Which report rows a reader sees (DESIGN.md §1, §7), decided once for pages, CSV and API.

Supervisors and staff see their Center's rows; Account Executives their accounts' rows (for
the Center-level reports: the rows of their accounts' Centers); HQ reviewers and admins all.
"""

from django.db.models import Q, QuerySet

from accounts.models import Importer
from centers.models import Center
from reports.models import RiskResult

from . import roles


def may_read(user) -> bool:
    """Report pages and API: CBP roles and superusers."""
    return bool(user.is_authenticated and user.is_active and roles.reads_as_cbp(user))


def sees_all_rows(user) -> bool:
    """HQ reviewers and administrators read every Center's rows."""
    return bool(user.is_authenticated and (user.is_superuser or user.is_hq_reviewer))


def visible_rows(user, rows: QuerySet) -> QuerySet:
    """The result rows of `rows` (any report's results) that `user` may read."""
    if roles.sees_nothing(user):
        return rows.none()
    if sees_all_rows(user):
        return rows
    rule = Q(pk__in=[])
    staff = roles.center_staff(user)
    if staff is not None:
        rule |= Q(center_id=staff.center_id)
    if user.is_account_executive:
        if rows.model is RiskResult:
            rule |= roles.account_executive_q(user, "importer_id")
        else:
            accounts = Importer.objects.filter(roles.account_executive_q(user))
            rule |= Q(center_id__in=accounts.values("center_id"))
    return rows.filter(rule)


def visible_centers(user, centers: QuerySet | None = None) -> QuerySet:
    """The Centers of `centers` (all by default) whose rows the user may read (the Center
    filter's choices)."""
    centers = Center.objects.all() if centers is None else centers
    if sees_all_rows(user):
        return centers
    rule = Q(pk__in=[])
    staff = roles.center_staff(user)
    if staff is not None:
        rule |= Q(pk=staff.center_id)
    if user.is_account_executive:
        accounts = Importer.objects.filter(roles.account_executive_q(user))
        rule |= Q(pk__in=accounts.values("center_id"))
    return centers.filter(rule)
