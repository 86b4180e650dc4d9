"""Who sees which engagement plans and who acts on them (DESIGN.md §6).

The importer's members and delegates and its active Account Executive see its plans; its
admins and its AE are the plan's acting roles (the workflow table of `accounts.plans` says
which role may take which action).
"""

from django.db.models import BooleanField, ExpressionWrapper, QuerySet, Value

from accounts import plans as workflow
from accounts.models import EngagementPlan, Importer

from . import importers, roles


def visible(user, plans: QuerySet | None = None) -> QuerySet:
    """The plans of `plans` (all by default) of the importer's members and delegates, its
    active AE, and superusers."""
    plans = EngagementPlan.objects.all() if plans is None else plans
    if roles.sees_nothing(user):
        return plans.none()
    if user.is_superuser:
        return plans
    return plans.filter(
        roles.trade_importer_q(user, "importer_id") | roles.account_executive_q(user, "importer_id")
    )


def uses_plan_pages(user) -> bool:
    """Trade users see their importers' plans, Account Executives their accounts' plans."""
    return roles.is_trade_user(user) or bool(user.is_account_executive)


def served_by(ae, plans: QuerySet | None = None) -> QuerySet:
    """The plans of `plans` (all by default) of the accounts `ae` is the active AE of."""
    plans = EngagementPlan.objects.all() if plans is None else plans
    return plans.filter(roles.account_executive_q(ae, "importer_id"))


def role_annotations(user, importer_field: str) -> dict:
    """Boolean annotations of what `user` is to the importer at `importer_field`:
    `user_is_importer_admin` and `user_is_ae`."""
    if not user.is_authenticated or not user.is_active:
        return {"user_is_importer_admin": Value(False), "user_is_ae": Value(False)}
    return {
        "user_is_importer_admin": ExpressionWrapper(
            importers.admin_q(user, importer_field), output_field=BooleanField()
        ),
        "user_is_ae": ExpressionWrapper(
            roles.account_executive_q(user, importer_field), output_field=BooleanField()
        ),
    }


def with_roles(user, plans: QuerySet | None = None) -> QuerySet:
    """The plans of `plans` (all by default) annotated with what `user` is to each; read it
    as `plan.user_roles`."""
    plans = EngagementPlan.objects.all() if plans is None else plans
    return plans.annotate(**role_annotations(user, "importer_id"))


def roles_on_importer(user, importer) -> frozenset[str]:
    """The plan roles `user` holds on the importer's plans (one query)."""
    facts = (
        Importer.objects.filter(pk=importer.pk)
        .annotate(**role_annotations(user, "pk"))
        .values("user_is_importer_admin", "user_is_ae")
        .get()
    )
    return workflow.roles_from(
        is_importer_admin=facts["user_is_importer_admin"], is_ae=facts["user_is_ae"]
    )
