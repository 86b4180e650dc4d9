"""Which report rows a reader sees (DESIGN.md §1), decided once for pages, CSV and API.

Supervisors and staff see their Center's rows; Account Executives their accounts' rows (for
the Center-level reports: the rows of their accounts' Centers); HQ reviewers and admins all.
"""

from django.db.models import Q, QuerySet

from accounts.models import Importer
from cee_portal import access

from .models import RiskResult


def may_read_reports(user) -> bool:
    """Report pages and API: CBP roles and superusers (as `reports_page`)."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_superuser or access.is_cbp(user))
    )


def sees_all_rows(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.is_hq_reviewer))


def limit_rows(rows: QuerySet, user) -> QuerySet:
    """Keep the result rows of `rows` (any report's results) that `user` may read."""
    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return rows.none()
    if sees_all_rows(user):
        return rows
    rule = Q(pk__in=[])
    staff = access.center_staff(user)
    if staff is not None:
        rule |= Q(center_id=staff.center_id)
    if user.is_account_executive:
        if rows.model is RiskResult:
            rule |= access.ae_importer_q(user, "importer_id")
        else:
            accounts = Importer.objects.filter(access.ae_importer_q(user))
            rule |= Q(center_id__in=accounts.values("center_id"))
    return rows.filter(rule)


def visible_centers(user, centers: QuerySet) -> QuerySet:
    """The Centers whose rows the user may read (the Center filter's choices)."""
    if sees_all_rows(user):
        return centers
    rule = Q(pk__in=[])
    staff = access.center_staff(user)
    if staff is not None:
        rule |= Q(pk=staff.center_id)
    if user.is_account_executive:
        accounts = Importer.objects.filter(access.ae_importer_q(user))
        rule |= Q(pk__in=accounts.values("center_id"))
    return centers.filter(rule)
