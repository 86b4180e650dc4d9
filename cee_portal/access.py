"""The one access policy: who sees which importers, entries and inquiries (DESIGN.md §1).

Every read of a protected object goes through a `visible_to(user)` queryset method that
calls this module, so no view decides visibility on its own. Each rule is a column test or
an indexed EXISTS subquery; the policy is the OR of the rules of the roles the user holds,
a constant number per request whatever the data.
Objects a user may not see are simply absent, so views answer 404, never 403.
"""

import operator
from functools import reduce

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet
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


def _active_delegation(user, importer_ref, codenames=None):
    from accounts.models import ImporterDelegation

    grants = ImporterDelegation.objects.filter(user=user, content_object=importer_ref).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )
    if codenames:
        grants = grants.filter(permission__codename__in=codenames)
    return grants


def _memberships(user, importer_ref, roles=None):
    """The user's memberships of `importer_ref` (an importer id, or an OuterRef to one),
    with one of `roles` if given."""
    from accounts.models import Membership

    memberships = Membership.objects.filter(user=user, importer=importer_ref)
    return memberships if roles is None else memberships.filter(role__in=roles)


def _delegations(user, importer_ref, roles=None):
    """The user's unexpired importer-wide delegations that grant one of `roles` (any role
    if None), or None where none can: delegations never carry the admin role."""
    from accounts.models import TradeRole

    if roles is None or TradeRole.VIEWER in roles:
        return _active_delegation(user, importer_ref)
    if TradeRole.FILER in roles:
        return _active_delegation(user, importer_ref, ["act_for_importer"])
    return None


def trade_importer_q(user, importer_field="pk", *, roles=None) -> Q:
    """Importers the user reaches as a member or an unexpired importer-wide delegate."""
    rule = Q(Exists(_memberships(user, OuterRef(importer_field), roles)))
    delegations = _delegations(user, OuterRef(importer_field), roles)
    return rule if delegations is None else rule | Q(Exists(delegations))


def importer_admin_q(user, importer_field="pk") -> Q:
    """Importers the user administers: admin members only, never delegates."""
    from accounts.models import TradeRole

    return trade_importer_q(user, importer_field, roles=[TradeRole.ADMIN])


def ae_importer_q(user, importer_field="pk") -> Q:
    from accounts.models import AccountExecutiveAssignment

    return Q(
        Exists(
            AccountExecutiveAssignment.objects.active().filter(
                ae=user, importer=OuterRef(importer_field)
            )
        )
    )


def _any_of(queryset: QuerySet, rules: list[Q]) -> QuerySet:
    """The rows of `queryset` that meet at least one rule; none when there is no rule."""
    if not rules:
        return queryset.none()
    return queryset.filter(reduce(operator.or_, rules))


class _AnyOf(Func):
    """`column = ANY(ARRAY(values))`, a condition (PostgreSQL)."""

    output_field = BooleanField()

    def __init__(self, column: str, values: QuerySet):
        super().__init__(F(column), ArraySubquery(values))

    def as_sql(self, compiler, connection, **extra_context):
        (column, column_params), (array, array_params) = (
            compiler.compile(expression) for expression in self.source_expressions)
        return f"{column} = ANY({array})", [*column_params, *array_params]


def _in_set(field: str, values: QuerySet) -> Q:
    """`field IN (values)`, spelled on PostgreSQL `field = ANY(ARRAY(values))`: the set is
    read once, before the scan, and the test is an index condition even inside an OR, where
    `IN (…)` and EXISTS are tested row by row (a trade user's rows are found through the
    importer index instead of testing every row)."""
    if connection.vendor != "postgresql":
        return Q(**{f"{field}__in": values})
    return Q(_AnyOf(field, values))


def _trade_visibility(user, importer_field: str, delegated_field: str | None = None,
                      delegated_column: str = "content_object_id") -> list[Q]:
    """The trade rules as sets: importers the user is a member or an unexpired delegate of
    and, with `delegated_field`, the `delegated_column` of inquiries delegated to them."""
    from accounts.models import ImporterDelegation, Membership
    from inquiries.models import InquiryDelegation

    unexpired = Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    rules = [
        _in_set(importer_field, Membership.objects.filter(user=user).values("importer_id")),
        _in_set(importer_field, ImporterDelegation.objects.filter(unexpired, user=user)
                .values("content_object_id")),
    ]
    if delegated_field is not None:
        rules.append(_in_set(delegated_field, InquiryDelegation.objects.filter(
            unexpired, user=user).values(delegated_column)))
    return rules


# Each visibility below ORs the rules of the roles the user holds (DESIGN.md §1): the trade
# rules for trade users, the account rule for Account Executives, and so on. Rules of roles
# the user does not hold could match nothing that matters, and each costs a subquery per
# row, so they are left out rather than evaluated.


def importers_visible_to(user, importers: QuerySet) -> QuerySet:
    """Importer accounts the user may see."""
    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return importers.none()
    if user.is_superuser:
        return importers
    rules = []
    if is_trade_user(user):
        rules += _trade_visibility(user, "pk")
    if user.is_account_executive:
        rules.append(ae_importer_q(user))
    staff = center_staff(user)
    if staff is not None:
        rules.append(Q(center_id=staff.center_id))
    if staff is not None or user.is_hq_reviewer or pga_liaison(user) is not None:
        rules.append(_inquiry_link_q(user, "pk", "importer"))
    return _any_of(importers, rules)


def entries_visible_to(user, entries: QuerySet) -> QuerySet:
    """Entries the user may see: of visible accounts, or named in a visible inquiry."""
    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return entries.none()
    if user.is_superuser:
        return entries
    if is_trade_user(user):
        # A trade user sees inquiries of their importers, whose entries are their importers'
        # (an inquiry names only its importer's entries), and inquiries delegated to them.
        return _any_of(entries, _trade_visibility(user, "importer_id", "pk",
                                                  "content_object__entry_id"))
    rules = []
    if user.is_account_executive:
        rules.append(ae_importer_q(user, "importer_id"))
    staff = center_staff(user)
    if staff is not None:
        rules.append(Q(importer__center_id=staff.center_id))
    rules.append(_inquiry_link_q(user, "pk", "entry"))
    return _any_of(entries, rules)


def _inquiry_link_q(user, outer_field: str, inquiry_field: str) -> Q:
    """Objects named by an inquiry the user sees."""
    from inquiries.models import Inquiry

    linked = Inquiry.objects.visible_to(user).filter(**{inquiry_field: OuterRef(outer_field)})
    return Q(Exists(linked))


def _inquiry_delegation(user, codenames=None):
    from inquiries.models import InquiryDelegation

    grants = InquiryDelegation.objects.filter(user=user, content_object=OuterRef("pk")).filter(
        Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now())
    )
    if codenames:
        grants = grants.filter(permission__codename__in=codenames)
    return grants


def inquiries_visible_to(user, inquiries: QuerySet) -> QuerySet:
    """Inquiries the user may see (DESIGN.md §1): one OR of the rules of the user's roles."""
    from inquiries.models import Referral, RoutingRecord

    if not user.is_authenticated or not user.is_active or user.is_service_account:
        return inquiries.none()
    if user.is_superuser:
        return inquiries
    rules = []
    if is_trade_user(user):
        rules += _trade_visibility(user, "importer_id", "pk")
    if user.is_account_executive:
        rules.append(ae_importer_q(user, "importer_id"))
    staff = center_staff(user)
    if staff is not None:
        # With the Center now, or routed to it before a reroute away (then read only). The
        # second test reads only superseded routing records (a partial index), so the rule
        # costs nothing per inquiry that never left its Center.
        rules += [
            Q(center_id=staff.center_id),
            Q(
                Exists(
                    RoutingRecord.objects.filter(
                        inquiry=OuterRef("pk"), center_id=staff.center_id, superseded=True
                    )
                )
            ),
        ]
    if user.is_hq_reviewer:
        rules += [
            Q(center__isnull=True),
            Q(Exists(Referral.objects.filter(inquiry=OuterRef("pk"), target=Referral.Target.HQ))),
        ]
    liaison = pga_liaison(user)
    if liaison is not None:
        rules.append(
            Q(
                Exists(
                    Referral.objects.filter(
                        inquiry=OuterRef("pk"),
                        target=Referral.Target.PGA,
                        agency_id=liaison.agency_id,
                    )
                )
            )
        )
    return _any_of(inquiries, rules)


# --- What a user may do on one visible inquiry --------------------------------------------


def importer_to_file_for(user, importer_id):
    """The importer `importer_id` if the user may file for it, else None: a filer or admin
    member (the importer and the membership test in one query), or an unexpired filer
    delegate of the whole importer."""
    from accounts.models import Importer, TradeRole

    roles = [TradeRole.ADMIN, TradeRole.FILER]
    # A join rather than EXISTS: a user holds at most one membership of an importer (a
    # unique constraint), and the join costs half as much to build on every filing.
    importer = Importer.objects.filter(pk=importer_id, memberships__user=user,
                                       memberships__role__in=roles).first()
    if importer is None and _delegations(user, importer_id, roles).exists():
        importer = Importer.objects.filter(pk=importer_id).first()
    return importer


def trade_filer_of_importer(user, importer) -> bool:
    """A filer or admin member, or an unexpired filer delegate of the whole importer."""
    return importer_to_file_for(user, importer.pk) is not None


def is_trade_filer(user, inquiry) -> bool:
    """Filer or admin member, or an unexpired filer delegate of the importer or inquiry."""
    from inquiries.models import Inquiry

    if not user.is_authenticated:
        return False
    if trade_filer_of_importer(user, inquiry.importer):
        return True
    return (
        Inquiry.objects.filter(pk=inquiry.pk)
        .filter(Exists(_inquiry_delegation(user, ["act_on_inquiry"])))
        .exists()
    )


def sees_internal_notes(user, inquiry) -> bool:
    """CBP roles that see the inquiry read internal notes; trade users and PGAs never."""
    return bool(user.is_superuser or is_cbp(user))


def actor_roles(user, inquiry):
    """The lifecycle roles (workflow.Actor) the user holds on this inquiry now."""
    from inquiries.workflow import Actor

    roles = set()
    staff = center_staff(user)
    if staff is not None and inquiry.center_id == staff.center_id:
        roles.add(Actor.STAFF)
        if staff.is_supervisor:
            roles.add(Actor.SUPERVISOR)
        if inquiry.assignee_id == user.pk:
            roles.add(Actor.ASSIGNEE)
    if user.is_hq_reviewer and inquiry.center_id is None:
        roles.add(Actor.HQ_TRIAGE)
    referral = inquiry.open_referral
    if referral is not None and _is_referral_target(user, referral, staff):
        roles.add(Actor.REFERRAL_TARGET)
    if is_trade_user(user) and is_trade_filer(user, inquiry):
        roles.add(Actor.TRADE_FILER)
    return frozenset(roles)


def _is_referral_target(user, referral, staff) -> bool:
    from inquiries.models import Referral

    if referral.target == Referral.Target.HQ:
        return user.is_hq_reviewer
    if referral.target == Referral.Target.FPF:
        return bool(staff and staff.is_supervisor and staff.center_id == referral.inquiry.center_id)
    liaison = pga_liaison(user)
    return liaison is not None and liaison.agency_id == referral.agency_id


def may_post_message(user, inquiry, *, internal: bool) -> bool:
    """External messages: trade filers, the Center's staff, the AE. Notes: also HQ."""
    if is_trade_user(user):
        return not internal and is_trade_filer(user, inquiry)
    staff = center_staff(user)
    if staff is not None and staff.center_id == inquiry.center_id:
        return True
    if internal and user.is_hq_reviewer:
        return True
    return is_account_executive_of(user, inquiry.importer_id)


def may_upload(user, inquiry) -> bool:
    """Trade filers, staff of the inquiry and its AE, in every state but closed/withdrawn."""
    from inquiries.workflow import FINAL_STATES

    if inquiry.status in FINAL_STATES:
        return False
    if is_trade_user(user):
        return is_trade_filer(user, inquiry)
    staff = center_staff(user)
    if staff is not None and staff.center_id == inquiry.center_id:
        return True
    return is_account_executive_of(user, inquiry.importer_id)


def is_account_executive_of(user, importer_id) -> bool:
    from accounts.models import AccountExecutiveAssignment

    return (
        bool(user.is_account_executive)
        and AccountExecutiveAssignment.objects.active()
        .filter(ae=user, importer_id=importer_id)
        .exists()
    )
