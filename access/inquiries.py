"""Who sees which inquiries, what of them, and which lifecycle roles they hold (DESIGN.md §1).

Also which messages, events, referrals and routings of a visible inquiry a reader sees: CBP
roles read internal notes and every event; trade users and PGA liaisons only what is
trade-visible, and a liaison only the referrals made to their agency.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from inquiries.models import (
    Inquiry,
    InquiryEvent,
    Message,
    Referral,
    RoutingRecord,
)
from inquiries.workflow import FINAL_STATES, Actor

from . import roles
from .conditions import any_of


def visible(user, inquiries: QuerySet | None = None) -> QuerySet:
    """The inquiries of `inquiries` (all by default) the user may see: one OR of the rules
    of the user's roles."""
    inquiries = Inquiry.objects.all() if inquiries is None else inquiries
    if roles.sees_nothing(user):
        return inquiries.none()
    if user.is_superuser:
        return inquiries
    rules = []
    if roles.is_trade_user(user):
        rules += roles.trade_rules(user, "importer_id", "pk")
    if user.is_account_executive:
        rules.append(roles.account_executive_q(user, "importer_id"))
    staff = roles.center_staff(user)
    if staff is not None:
        rules += _center_rules(staff)
    if user.is_hq_reviewer:
        rules += [
            Q(center__isnull=True),
            Q(Exists(Referral.objects.filter(inquiry=OuterRef("pk"), target=Referral.Target.HQ))),
        ]
    liaison = roles.pga_liaison(user)
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
    return any_of(inquiries, rules)


def _center_rules(staff) -> list[Q]:
    # With the Center now, or routed to it before a reroute away (then read only). The
    # second test reads only superseded routing records (a partial index), so the rule
    # costs nothing per inquiry that never left its Center.
    return [
        Q(center_id=staff.center_id),
        Q(
            Exists(
                RoutingRecord.objects.filter(
                    inquiry=OuterRef("pk"), center_id=staff.center_id, superseded=True
                )
            )
        ),
    ]


def center_queue(staff) -> QuerySet:
    """The inquiries routed to the Center of `staff` now: what the policy shows its staff of
    the Center's current work, as one column test.

    The policy grants Center staff every inquiry routed to their Center, now or before a
    reroute away; an inquiry's current Center is always one of its routings (filing and
    rerouting record both). So `visible(staff.user).for_center(staff.center_id)` holds the
    same rows as this, and this lets PostgreSQL walk the (center, due, rank, submitted, id)
    index for just the page: the policy's OR of EXISTS cannot be planned as a join and was
    hashed over every routing record of the Center on each page (docs/performance.md).
    """
    return Inquiry.objects.for_center(staff.center_id)


def linked_q(user, outer_field: str, inquiry_field: str) -> Q:
    """Rows named (by `inquiry_field`) in an inquiry the user sees."""
    linked = visible(user).filter(**{inquiry_field: OuterRef(outer_field)})
    return Q(Exists(linked))


def served_by(ae, inquiries: QuerySet | None = None) -> QuerySet:
    """The inquiries of `inquiries` (all by default) of the accounts `ae` serves now."""
    inquiries = Inquiry.objects.all() if inquiries is None else inquiries
    return inquiries.filter(roles.account_executive_q(ae, "importer_id"))


def referrals_to(user) -> QuerySet:
    """The referrals made to the user's side: their agency's for a PGA liaison, else HQ's."""
    liaison = roles.pga_liaison(user)
    if liaison is not None:
        return Referral.objects.filter(target=Referral.Target.PGA, agency_id=liaison.agency_id)
    return Referral.objects.filter(target=Referral.Target.HQ)


# --- What a reader sees of one visible inquiry ---------------------------------------------


def sees_internal_notes(user, inquiry) -> bool:
    """CBP roles that see the inquiry read internal notes; trade users and PGAs never."""
    return roles.reads_as_cbp(user)


def messages_seen(user, inquiry) -> QuerySet:
    """The inquiry's messages the user reads: internal notes for CBP readers only."""
    messages = Message.objects.filter(inquiry=inquiry)
    return messages if sees_internal_notes(user, inquiry) else messages.filter(internal=False)


def events_seen(user, inquiry) -> QuerySet:
    """The inquiry's audit events the user reads: trade-visible ones only for trade and PGA."""
    events = InquiryEvent.objects.filter(inquiry=inquiry)
    return events if sees_internal_notes(user, inquiry) else events.filter(trade_visible=True)


def referrals_seen(user, inquiry) -> list:
    """The inquiry's referrals (as loaded with it) the user reads: all for CBP readers, a
    liaison's agency's own, none for trade users (they see the state only)."""
    referrals = list(inquiry.referrals.all())
    if roles.reads_as_cbp(user):
        return referrals
    liaison = roles.pga_liaison(user)
    if liaison is not None:
        return [
            referral
            for referral in referrals
            if referral.target == Referral.Target.PGA and referral.agency_id == liaison.agency_id
        ]
    return []


def routings_seen(user, inquiry) -> QuerySet:
    """The inquiry's routing history: for CBP readers only."""
    if not roles.reads_as_cbp(user):
        return RoutingRecord.objects.none()
    return RoutingRecord.objects.filter(inquiry=inquiry)


# --- What a user may do on one visible inquiry ---------------------------------------------


def is_trade_filer(user, inquiry) -> bool:
    """Filer or admin member, or an unexpired filer delegate of the importer or inquiry."""
    if not user.is_authenticated:
        return False
    if roles.files_for(user, inquiry.importer_id):
        return True
    return roles.inquiry_delegations(user, inquiry.pk, [roles.ACT_ON_INQUIRY]).exists()


def actor_roles(user, inquiry) -> frozenset:
    """The lifecycle roles (workflow.Actor) the user holds on this inquiry now."""
    held = set()
    staff = roles.center_staff(user)
    if staff is not None and inquiry.center_id == staff.center_id:
        held.add(Actor.STAFF)
        if staff.is_supervisor:
            held.add(Actor.SUPERVISOR)
        if inquiry.assignee_id == user.pk:
            held.add(Actor.ASSIGNEE)
    if user.is_hq_reviewer and inquiry.center_id is None:
        held.add(Actor.HQ_TRIAGE)
    referral = inquiry.open_referral
    if referral is not None and _is_referral_target(user, referral, staff):
        held.add(Actor.REFERRAL_TARGET)
    if roles.is_trade_user(user) and is_trade_filer(user, inquiry):
        held.add(Actor.TRADE_FILER)
    return frozenset(held)


def _is_referral_target(user, referral, staff) -> bool:
    if referral.target == Referral.Target.HQ:
        return user.is_hq_reviewer
    if referral.target == Referral.Target.FPF:
        return bool(staff and staff.is_supervisor and staff.center_id == referral.inquiry.center_id)
    liaison = roles.pga_liaison(user)
    return liaison is not None and liaison.agency_id == referral.agency_id


def may_post_message(user, inquiry, *, internal: bool) -> bool:
    """External messages: trade filers, the Center's staff, the AE. Notes: also HQ."""
    if roles.is_trade_user(user):
        return not internal and is_trade_filer(user, inquiry)
    staff = roles.center_staff(user)
    if staff is not None and staff.center_id == inquiry.center_id:
        return True
    if internal and user.is_hq_reviewer:
        return True
    return roles.is_account_executive_of(user, inquiry.importer_id)


def may_upload(user, inquiry) -> bool:
    """Trade filers, staff of the inquiry and its AE, in every state but closed/withdrawn."""
    if inquiry.status in FINAL_STATES:
        return False
    if roles.is_trade_user(user):
        return is_trade_filer(user, inquiry)
    staff = roles.center_staff(user)
    if staff is not None and staff.center_id == inquiry.center_id:
        return True
    return roles.is_account_executive_of(user, inquiry.importer_id)
