"""Account pages: the user's importer accounts, their trust, members and broker delegations.

Every signed-in person sees the summary of the accounts the access policy shows them; only
the account's admins (access.importers.admin_q) see and change its members and delegations.
"""

from datetime import time, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, ExpressionWrapper
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import access
from cee_portal.pages import (
    confirmation_page,
    confirmed,
    form_target,
    person_page,
    restore_typed_text,
    role_home,
    trade_page,
)
from cee_portal.paging import page_of
from inquiries.deadlines import sla_targets

from . import services
from .forms import AddMemberForm, DelegationForm, MemberRoleForm
from .models import (
    AccountExecutiveAssignment,
    ImporterDelegation,
    Membership,
    TradeRole,
)
from .rows import account_rows, describe_roles
from .trust import CtpatTier, ServiceLevel

PEOPLE_PER_PAGE = 50


# --- Trust, in plain words --------------------------------------------------------------

SERVICE_LEVEL_REASONS = {
    ServiceLevel.ISA: _("The account is a member of ISA / CTPAT Trade Compliance."),
    ServiceLevel.CTPAT: _("The account is a C-TPAT member but not in ISA."),
    ServiceLevel.PARTICIPATING: _(
        "The account takes part in a Center test but is not a C-TPAT member."
    ),
    ServiceLevel.STANDARD: _(
        "The account is not a C-TPAT or ISA member and takes part in no Center test."
    ),
}


def trust_facts(importer) -> list[dict]:
    """Service level, trusted trader and trusted partner, each with the reason why."""
    level = importer.service_level
    first, resolution = sla_targets(level, cargo_hold=False)
    targets = ngettext(
        "Service targets: a first answer within %(first)s business day and a resolution "
        "within %(resolution)s business days.",
        "Service targets: a first answer within %(first)s business days and a resolution "
        "within %(resolution)s business days.",
        first,
    ) % {"first": first, "resolution": resolution}
    trader_why = (
        _("C-TPAT tier 2 or 3 and ISA membership: both met.")
        if importer.trusted_trader
        else _("Needs C-TPAT tier 2 or 3 and ISA membership.")
    )
    failures = importer.trusted_partner_failures
    partner_why = (
        _(
            "C-TPAT tier 3, ISA and financial compliance: all met, so the account "
            "may have an Account Executive."
        )
        if not failures
        else _("Not yet: %(reasons)s.") % {"reasons": "; ".join(failures)}
    )
    return [
        {
            "label": _("Service level"),
            "value": level.label,
            "why": f"{SERVICE_LEVEL_REASONS[level]} {targets}",
        },
        {
            "label": _("Trusted trader"),
            "value": _("Yes") if importer.trusted_trader else _("No"),
            "why": trader_why,
        },
        {
            "label": _("Trusted partner"),
            "value": _("Yes") if not failures else _("No"),
            "why": partner_why,
        },
    ]


def trust_inputs(importer) -> list[dict]:
    """The facts trust is derived from, as recorded by CBP."""
    ctpat = importer.get_ctpat_tier_display()
    if importer.ctpat_tier != CtpatTier.NONE and importer.ctpat_certified_on:
        ctpat += " " + _("since %(day)s") % {"day": importer.ctpat_certified_on.isoformat()}
    isa = _("Member") if importer.isa_member else _("Not a member")
    if importer.isa_member and importer.isa_approved_on:
        isa += " " + _("since %(day)s") % {"day": importer.isa_approved_on.isoformat()}
    return [
        {"label": _("C-TPAT"), "value": ctpat},
        {"label": _("ISA / CTPAT Trade Compliance"), "value": isa},
        {
            "label": _("Financially compliant"),
            "value": _("Yes, no past-due bills")
            if importer.financially_compliant
            else _("No, there are past-due bills"),
        },
        {
            "label": _("Participating account"),
            "value": _("Yes, enrolled in a Center test") if importer.participating else _("No"),
        },
    ]


# --- Pages ------------------------------------------------------------------------------


@trade_page
def importer_list(request):
    """The importer accounts the user sees, with role, service level, trust and Center."""
    rows, previous_url, next_url = page_of(request, account_rows(request.user)).parts()
    return render(
        request,
        "accounts/importer_list.html",
        {
            "importers": describe_roles(rows, request.user),
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": [{"label": _("Accounts"), "url": ""}],
        },
    )


def _visible_importer(request, pk):
    importers = account_rows(request.user).filter(pk=pk)
    importer = get_object_or_404(importers)
    describe_roles([importer], request.user)
    return importer


def _admin_importer(request, pk):
    importer = _visible_importer(request, pk)
    if not importer.user_is_admin:
        raise Http404
    return importer


def _detail_context(request, importer, **forms) -> dict:
    context = {
        "importer": importer,
        "facts": trust_facts(importer),
        "inputs": trust_inputs(importer),
        "ae": AccountExecutiveAssignment.objects.active()
        .filter(importer=importer)
        .select_related("ae")
        .first(),
        # Only trade users have the account list; others come from their own pages.
        "crumbs": [
            {"label": _("Accounts"), "url": reverse("accounts:list")},
            {"label": importer.name, "url": ""},
        ]
        if access.roles.is_trade_user(request.user)
        else [],
    }
    if importer.user_is_admin:
        context.update(_people_context(request, importer, forms))
    return context


def _people_context(request, importer, forms) -> dict:
    members = (
        Membership.objects.filter(importer=importer)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username", "pk")
    )
    members, members_previous, members_next = page_of(
        request, members, per_page=PEOPLE_PER_PAGE, param="members_page"
    ).parts()
    for member in members:
        member.role_form = forms.get(f"role_{member.pk}") or MemberRoleForm(
            prefix=f"member-{member.pk}", initial={"role": member.role}
        )
    delegations = (
        ImporterDelegation.objects.filter(content_object=importer)
        .select_related("user", "permission", "granted_by")
        .annotate(expired=ExpressionWrapper(~access.roles.unexpired(), BooleanField()))
        .order_by("user__username", "pk")
    )
    delegations, brokers_previous, brokers_next = page_of(
        request, delegations, per_page=PEOPLE_PER_PAGE, param="brokers_page"
    ).parts()
    for delegation in delegations:
        delegation.role_label = TradeRole(delegation.role).label
        delegation.ends_text = _ends_text(delegation.expires_at)
    add_member_form = forms.get("add_member") or AddMemberForm(prefix="add-member")
    delegation_form = forms.get("delegation") or DelegationForm(prefix="delegation")
    restore_typed_text(
        request, [*(member.role_form for member in members), add_member_form, delegation_form]
    )
    return {
        "members": members,
        "members_previous": members_previous,
        "members_next": members_next,
        "delegations": delegations,
        "brokers_previous": brokers_previous,
        "brokers_next": brokers_next,
        "add_member_form": add_member_form,
        "delegation_form": delegation_form,
        "people_error": forms.get("error"),
    }


def _ends_text(expires_at) -> str:
    if expires_at is None:
        return _("When revoked")
    moment = timezone.localtime(expires_at)
    if moment.time() == time.min:  # granted on this page: through the day before
        return _("After %(day)s") % {"day": date_format(moment.date() - timedelta(days=1))}
    return date_format(moment, "DATETIME_FORMAT")


@person_page
def importer_detail(request, pk):
    """One account: trust and why; for its admins also members and broker delegations."""
    importer = _visible_importer(request, pk)
    return render(request, "accounts/importer_detail.html", _detail_context(request, importer))


def _check_seen(request, pk, **_url_keywords) -> None:
    """404 unless the user sees the account, as its page answers."""
    _visible_importer(request, pk)


# The account page's forms: a GET of their URL, or a post after the session expired, leads
# back to the account page, at the section of the form.
members_form = form_target("accounts:detail", keys=("pk",), anchor="#people", check=_check_seen)
brokers_form = form_target("accounts:detail", keys=("pk",), anchor="#brokers", check=_check_seen)


def _done(request, importer, message, anchor="#people"):
    messages.success(request, message)
    if not access.importers.visible(request.user).filter(pk=importer.pk).exists():
        return redirect(role_home(request.user)[1])  # they removed themselves
    return redirect(reverse("accounts:detail", args=[importer.pk]) + anchor)


def _confirm(request, importer, *, heading, consequences, button, details, anchor):
    """Ask before removing someone's access to the account: it cannot be undone."""
    page = reverse("accounts:detail", args=[importer.pk])
    return confirmation_page(
        request,
        heading=heading,
        consequences=consequences,
        button=button,
        details=details,
        cancel_url=page + anchor,
        crumbs=[
            {"label": _("Accounts"), "url": reverse("accounts:list")},
            {"label": importer.name, "url": page},
            {"label": heading, "url": ""},
        ],
    )


def _put_errors(form, exc: ValidationError, fields: dict[str, str]) -> None:
    """Put a service's refusal on the form: each error on its field, the rest on top."""
    for key, problems in getattr(exc, "message_dict", {None: exc.messages}).items():
        form.add_error(fields.get(key), problems)


def _render_with(request, importer, status=400, **forms):
    return render(
        request,
        "accounts/importer_detail.html",
        _detail_context(request, importer, **forms),
        status=status,
    )


@members_form
@person_page
def member_add(request, pk):
    """Add a trade user to the account with a role (importer admins)."""
    importer = _admin_importer(request, pk)
    form = AddMemberForm(request.POST, prefix="add-member")
    if form.is_valid():
        person, role = form.cleaned_data["person"], form.cleaned_data["role"]
        try:
            services.add_member(importer, user=person, role=role, by=request.user)
        except ValidationError as exc:
            _put_errors(form, exc, {"role": "role", "user": "person"})
        else:
            return _done(
                request,
                importer,
                _("%(name)s is now %(role)s of %(account)s.")
                % {
                    "name": person.display_name,
                    "role": TradeRole(role).label.lower(),
                    "account": importer.name,
                },
            )
    return _render_with(request, importer, add_member=form)


def _posted_id(request, name: str) -> int:
    """The id of a row named in the posted form; 404 when missing or malformed."""
    value = request.POST.get(name, "")
    if not value.isdigit() or len(value) > 18:
        raise Http404
    return int(value)


def _membership(request, importer):
    return get_object_or_404(
        Membership.objects.select_related("user", "importer"),
        pk=_posted_id(request, "member"),
        importer=importer,
    )


@members_form
@person_page
def member_role(request, pk):
    """Change a member's role (`member` in the form); the last admin stays an admin."""
    importer = _admin_importer(request, pk)
    membership = _membership(request, importer)
    form = MemberRoleForm(request.POST, prefix=f"member-{membership.pk}")
    if form.is_valid():
        try:
            services.change_member_role(membership, role=form.cleaned_data["role"], by=request.user)
        except ValidationError as exc:
            _put_errors(form, exc, {"role": "role"})
        else:
            return _done(
                request,
                importer,
                _("%(name)s is now %(role)s.")
                % {
                    "name": membership.user.display_name,
                    "role": membership.get_role_display().lower(),
                },
            )
    return _render_with(request, importer, **{f"role_{membership.pk}": form})


@members_form
@person_page
def member_remove(request, pk):
    """Take a member (`member` in the form) out of the account, once confirmed; never the
    last admin."""
    importer = _admin_importer(request, pk)
    membership = _membership(request, importer)
    if not confirmed(request):
        return _confirm_removal(request, importer, membership)
    try:
        services.remove_member(membership, by=request.user)
    except ValidationError as exc:
        return _render_with(request, importer, error=" ".join(exc.messages))
    except PermissionDenied:
        raise Http404 from None
    return _done(
        request,
        importer,
        _("%(name)s no longer has access to %(account)s.")
        % {"name": membership.user.display_name, "account": importer.name},
    )


@brokers_form
@person_page
def delegation_add(request, pk):
    """Grant a broker filer or viewer access, maybe until a day (importer admins)."""
    importer = _admin_importer(request, pk)
    form = DelegationForm(request.POST, prefix="delegation")
    if form.is_valid():
        broker = form.cleaned_data["person"]
        try:
            services.delegate_importer(
                importer,
                broker=broker,
                role=form.cleaned_data["role"],
                by=request.user,
                expires_at=form.expires_at(),
            )
        except ValidationError as exc:
            _put_errors(form, exc, {"role": "role", "broker": "person", "expires_at": "expires_on"})
        else:
            return _done(
                request,
                importer,
                _("%(name)s now has %(role)s access to %(account)s.")
                % {
                    "name": broker.display_name,
                    "role": TradeRole(form.cleaned_data["role"]).label.lower(),
                    "account": importer.name,
                },
                anchor="#brokers",
            )
    return _render_with(request, importer, delegation=form)


def _confirm_removal(request, importer, membership):
    names = {"name": membership.user.display_name, "account": importer.name}
    if membership.user_id == request.user.pk:
        heading = _("Leave %(account)s?") % names
        consequences = [
            _(
                "You will no longer see the inquiries, entries, documents and plans of "
                "%(account)s, and can no longer act for it."
            )
            % names,
            _(
                "This cannot be undone by you: another admin of %(account)s would have to add "
                "you again."
            )
            % names,
        ]
        button = _("Yes, leave %(account)s") % names
    else:
        heading = _("Remove %(name)s from %(account)s?") % names
        consequences = [
            _(
                "%(name)s will no longer see the inquiries, entries, documents and plans of "
                "%(account)s, and can no longer act for it."
            )
            % names,
            _(
                "This cannot be undone: to give %(name)s access again, you would add them as a "
                "new member."
            )
            % names,
        ]
        button = _("Yes, remove %(name)s") % names
    return _confirm(
        request,
        importer,
        heading=heading,
        consequences=consequences,
        button=button,
        anchor="#people",
        details=[
            (_("Member"), f"{membership.user.display_name} ({membership.user.username})"),
            (_("Role"), membership.get_role_display()),
        ],
    )


@brokers_form
@person_page
def delegation_revoke(request, pk):
    """Revoke a broker's delegation (`delegation` in the form) on the account, once
    confirmed."""
    importer = _admin_importer(request, pk)
    delegation = get_object_or_404(
        ImporterDelegation.objects.select_related("user", "content_object", "permission"),
        pk=_posted_id(request, "delegation"),
        content_object=importer,
    )
    names = {"name": delegation.user.display_name, "account": importer.name}
    if not confirmed(request):
        return _confirm(
            request,
            importer,
            heading=_("Revoke the broker access of %(name)s?") % names,
            consequences=[
                _("%(name)s will at once stop seeing %(account)s and can no longer act for it.")
                % names,
                _("This cannot be undone: to give %(name)s access again, you would grant it anew.")
                % names,
            ],
            button=_("Yes, revoke the access of %(name)s") % names,
            anchor="#brokers",
            details=[
                (_("Broker"), f"{delegation.user.display_name} ({delegation.user.username})"),
                (_("Access"), TradeRole(delegation.role).label),
                (_("Ends"), _ends_text(delegation.expires_at)),
            ],
        )
    try:
        services.revoke_delegation(delegation, by=request.user)
    except PermissionDenied:
        raise Http404 from None
    return _done(
        request,
        importer,
        _("%(name)s no longer has broker access to %(account)s.") % names,
        anchor="#brokers",
    )
