"""Trade pages: the dashboard, filing an inquiry, the user's inquiries and the inbox."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import access
from accounts.models import Importer
from accounts.rows import account_rows, describe_roles
from cee_portal.pages import (
    form_target,
    keeps_typed_text,
    person_page,
    restore_typed_text,
    trade_page,
)
from cee_portal.paging import page_of
from entries.deadlines import DEADLINE_HORIZON_DAYS
from entries.formats import normalize_entry_number

from . import notifications as notifications_service
from .forms import FilingForm, InquiryFilterForm
from .models import Notification
from .services import file_inquiry
from .types import SPECS, InquiryType, Requirement, StatutoryClock

DASHBOARD_ROWS = 8
INBOX_PER_PAGE = 20

# The chooser's groups, in plain language; every type appears in exactly one.
TYPE_GROUPS = (
    (
        gettext_lazy("About an entry"),
        gettext_lazy("Help with a notice or decision on goods you have entered, or a correction."),
        (
            InquiryType.CF28,
            InquiryType.CF29,
            InquiryType.PROTEST,
            InquiryType.CARGO_HOLD,
            InquiryType.POST_ENTRY_AMENDMENT,
        ),
    ),
    (
        gettext_lazy("Questions for the Center"),
        gettext_lazy(
            "Guidance on your goods, CBP policy, a ruling request or a foreign-trade zone."
        ),
        (
            InquiryType.TECHNICAL_GUIDANCE,
            InquiryType.POLICY_CLARIFICATION,
            InquiryType.BINDING_RULING,
            InquiryType.FTZ_QUESTION,
        ),
    ),
    (
        gettext_lazy("Report a problem"),
        gettext_lazy("Tell CBP about goods that are not what they claim to be."),
        (InquiryType.COUNTERFEIT_REPORT,),
    ),
    (
        gettext_lazy("For trusted accounts"),
        gettext_lazy("Offered to C-TPAT and ISA members, or to trusted partners only."),
        (InquiryType.PENALTY_PETITION, InquiryType.EXAM_LOCATION),
    ),
)


# --- Dashboard --------------------------------------------------------------------------


def _inquiry_deadlines(user, limit: int) -> list[dict]:
    inquiries = (
        access.inquiries.visible(user)
        .open()
        .filter(statutory_deadline__isnull=False)
        .select_related("importer")
        .order_by("statutory_deadline", "id")[: limit + 1]
    )
    return [
        {
            "day": inquiry.statutory_deadline,
            "what": StatutoryClock(inquiry.statutory_clock).label,
            "subject": inquiry.reference,
            "url": reverse("inquiries:detail", kwargs={"reference": inquiry.reference}),
            "importer": inquiry.importer.name,
        }
        for inquiry in inquiries
    ]


def _entry_deadlines(user, today: date, limit: int) -> list[dict]:
    end = today + timedelta(days=DEADLINE_HORIZON_DAYS)
    entries = access.entries.visible(user).select_related("importer")
    protests = entries.protest_closing(today, end).order_by("liquidation_date", "entry_number")[
        : limit + 1
    ]
    corrections = entries.psc_closing(today, end).order_by("entry_date", "entry_number")[
        : limit + 1
    ]
    items = [
        {
            "day": entry.protest_window_ends,
            "what": _("Protest window closes"),
            "subject": entry.display_number,
            "url": reverse("entries:detail", args=[entry.display_number]),
            "importer": entry.importer.name,
        }
        for entry in protests
    ]
    items += [
        {
            "day": entry.psc_deadline,
            "what": StatutoryClock.PSC_DEADLINE.label,
            "subject": entry.display_number,
            "url": reverse("entries:detail", args=[entry.display_number]),
            "importer": entry.importer.name,
        }
        for entry in corrections
    ]
    return items


def upcoming_deadlines(user, today: date, limit: int = DASHBOARD_ROWS):
    """Statutory deadlines of open inquiries, and entry windows closing within 30 days.

    Returns (the first `limit` by date, whether there are more). Three queries, whatever
    the data size.
    """
    items = _inquiry_deadlines(user, limit) + _entry_deadlines(user, today, limit)
    items.sort(key=lambda item: (item["day"], item["subject"]))
    return items[:limit], len(items) > limit


@trade_page
def dashboard(request):
    """Accounts with trust, open inquiries with days left, deadlines closing soon."""
    user, today = request.user, timezone.localdate()
    accounts = describe_roles(list(account_rows(user)[: DASHBOARD_ROWS + 1]), user)
    open_inquiries = list(
        access.inquiries.visible(user)
        .open()
        .select_related("importer")
        .prefetch_related("referrals")
        .queue_order()[: DASHBOARD_ROWS + 1]
    )
    deadlines, more_deadlines = upcoming_deadlines(user, today)
    return render(
        request,
        "portal/dashboard.html",
        {
            "accounts": accounts[:DASHBOARD_ROWS],
            "more_accounts": len(accounts) > DASHBOARD_ROWS,
            "show_importer": len(accounts) > 1,
            "open_inquiries": open_inquiries[:DASHBOARD_ROWS],
            "more_inquiries": len(open_inquiries) > DASHBOARD_ROWS,
            "deadlines": deadlines,
            "more_deadlines": more_deadlines,
            "horizon": DEADLINE_HORIZON_DAYS,
            "unread": notifications_service.inbox_of(user).filter(read_at__isnull=True).count(),
            "may_file": access.importers.filing_accounts(user).exists(),
        },
    )


@trade_page
def inquiry_list(request):
    """The inquiries the user sees: open ones in queue order, or finished ones newest first."""
    importers = access.importers.visible(request.user).order_by("name", "pk")
    form = InquiryFilterForm(request.GET, importers=importers)
    inquiries = form.filter(
        access.inquiries.visible(request.user)
        .select_related("importer")
        .prefetch_related("referrals")
    )
    rows, previous_url, next_url = page_of(request, inquiries).parts()
    return render(
        request,
        "portal/inquiry_list.html",
        {
            "form": form,
            "inquiries": rows,
            "show_importer": importers[:2].count() > 1,
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": [
                {"label": _("Dashboard"), "url": reverse("portal:dashboard")},
                {"label": _("Your inquiries"), "url": ""},
            ],
        },
    )


# --- Filing -----------------------------------------------------------------------------


def _filing_accounts(user):
    return access.importers.filing_accounts(user).order_by("name", "pk")


def _needs(spec) -> list[str]:
    """What a filer must have at hand for the type, from its declaration."""
    needs = [str(_("Entry number"))] if spec.needs_entry == Requirement.REQUIRED else []
    return needs + [str(detail.label) for detail in spec.fields if detail.required]


def _type_choice(spec, accounts) -> dict:
    refusals = []
    if spec.gate is not None:
        refusals = [(account, spec.gate(account)) for account in accounts]
        refusals = [(account, reason) for account, reason in refusals if reason]
    return {
        "code": spec.code.value,
        "label": spec.label,
        "summary": spec.summary,
        "needs": _needs(spec),
        "url": reverse("portal:file_type", args=[spec.code.value]),
        "available": len(refusals) < len(accounts),
        "refusals": refusals,
    }


@trade_page
def file_chooser(request):
    """Choose what to file: the twelve types in plain language, gated ones explained."""
    accounts = list(_filing_accounts(request.user))
    groups = [
        {
            "heading": heading,
            "intro": intro,
            "types": [_type_choice(SPECS[code], accounts) for code in codes],
        }
        for heading, intro, codes in TYPE_GROUPS
    ]
    return render(
        request,
        "portal/file_chooser.html",
        {
            "groups": groups,
            "accounts": accounts,
            "crumbs": [
                {"label": _("Dashboard"), "url": reverse("portal:dashboard")},
                {"label": _("File an inquiry"), "url": ""},
            ],
        },
    )


def _initial(request, importers: list) -> dict:
    """Preselect the entry (and its account) named by `?entry=`."""
    raw = request.GET.get("entry", "")[:20]
    try:
        canonical = normalize_entry_number(raw) if raw else ""
    except ValidationError:
        canonical = ""
    entry = (
        access.entries.visible(request.user)
        .filter(entry_number=canonical, importer__in=importers)
        .first()
        if canonical
        else None
    )
    if entry is None:
        return {}
    return {"entry_number": entry.display_number, "importer": entry.importer_id}


def _file(request, form):
    """Call the filing service; put each refusal on its field. Return the inquiry or None."""
    try:
        return file_inquiry(form.cleaned_data["importer"], by=request.user, **form.filing())
    except ValidationError as exc:
        form.add_service_errors(exc)
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
    return None


@keeps_typed_text
@trade_page
def file_type(request, type):
    """The filing form of one type: common fields and the type's own, inline errors."""
    spec = SPECS.get(type)
    if spec is None:
        raise Http404
    accounts = list(_filing_accounts(request.user))
    eligible = [a for a in accounts if spec.gate is None or spec.gate(a) is None]
    context = {
        "spec": spec,
        "accounts": accounts,
        "refusals": [(a, spec.gate(a)) for a in accounts if a not in eligible],
        "crumbs": [
            {"label": _("Dashboard"), "url": reverse("portal:dashboard")},
            {"label": _("File an inquiry"), "url": reverse("portal:file")},
            {"label": spec.label, "url": ""},
        ],
    }
    if not eligible:
        return render(request, "portal/file_unavailable.html", context)
    importers = Importer.objects.filter(pk__in=[a.pk for a in eligible]).order_by("name", "pk")
    if request.method == "POST":
        form = FilingForm(request.POST, spec=spec, importers=importers)
        inquiry = _file(request, form) if form.is_valid() else None
        if inquiry is not None:
            messages.success(
                request,
                _(
                    "Inquiry %(reference)s is filed. The Center will answer here; we will also "
                    "let you know by e-mail."
                )
                % {"reference": inquiry.reference},
            )
            return redirect(reverse("inquiries:detail", kwargs={"reference": inquiry.reference}))
    else:
        form = FilingForm(spec=spec, importers=importers, initial=_initial(request, eligible))
        restore_typed_text(request, [form])
    context.update(form=form, filing_for=eligible[0] if len(eligible) == 1 else None)
    return render(request, "portal/file_form.html", context)


# --- Inbox ------------------------------------------------------------------------------


@person_page
def inbox(request):
    """The user's notifications, newest first, 20 a page; unread ones marked."""
    notifications = notifications_service.inbox_of(request.user)
    rows, previous_url, next_url = page_of(
        request,
        notifications.select_related("inquiry")
        .only("id", "subject", "body", "created_at", "read_at", "kind", "inquiry__reference")
        .order_by("-created_at", "-id"),
        per_page=INBOX_PER_PAGE,
    ).parts()
    return render(
        request,
        "portal/inbox.html",
        {
            "notifications": rows,
            "unread": notifications.filter(read_at__isnull=True).count(),
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": [{"label": _("Inbox"), "url": ""}],
        },
    )


def _back_to_inbox(request):
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:inbox")
    return redirect(target)


@form_target("portal:inbox")
@person_page
def inbox_read(request):
    """Mark one notification (`notification` in the form) or all of them read."""
    one = request.POST.get("notification", "")
    if one:
        if not one.isdigit() or len(one) > 18:
            raise Http404
        get_object_or_404(Notification, pk=one, recipient=request.user)
    count = notifications_service.mark_read(request.user, int(one) if one else None)
    if count and not one:
        messages.success(request, _("All notifications are marked as read."))
    return _back_to_inbox(request)
