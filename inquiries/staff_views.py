"""Center staff, HQ reviewer and PGA liaison pages: the queue, my work and referrals.

Lists page with keyset cursors (no OFFSET, no count) and run a fixed number of queries
whatever the number of rows: related rows are joined or prefetched, never read per row.
The rows read only the columns the table shows, and each cell's text is worked out here
once per row (labels looked up per request), so rendering 50 rows stays a plain loop
(docs/performance.md).
"""

import hashlib
import logging

from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

import access
from accounts.models import RiskSegment, display_name_of
from accounts.trust import ServiceLevel
from cee_portal.pages import form_target, referrals_page, staff_page
from cee_portal.paging import page_of
from centers.models import CenterStaff, FunctionalArea

from . import services
from .action_forms import BulkAssignForm, QueueFilterForm
from .models import Referral
from .pagination import QUEUE, decode_cursor, keyset_page
from .presentation import STATUS_VARIANTS
from .types import InquiryType
from .workflow import OPEN_STATES, Status

logger = logging.getLogger(__name__)

PAGE_SIZE = 50
# How long the per-state counts of a Center are kept; any filing or state change sooner
# moves the change marker they are kept under, so they are never older than the data.
COUNTS_SECONDS = 300
# The filter form's HTML changes only with a deployment: kept a day.
KEPT_HTML_SECONDS = 24 * 3600
# The bulk form's assignee select lists the Center's staff: kept a minute, so a new or
# departed staff member shows within one (assigning re-checks the list as it is then).
STAFF_LIST_SECONDS = 60

# The classes of components/usa_tag.html per variant, for tags written inline in row cells.
TAG_CLASSES = {
    "": "usa-tag",
    "info": "usa-tag bg-info-darker",
    "success": "usa-tag bg-success-darker",
    "warning": "usa-tag bg-warning text-ink",
    "error": "usa-tag bg-error-dark",
    "accent": "usa-tag bg-accent-cool-darker",
}
RISK_VARIANTS = {
    RiskSegment.HIGH: "error",
    RiskSegment.MEDIUM: "warning",
    RiskSegment.LOW: "success",
}

# Only what a list row shows (and the keyset key), read as plain values: building model
# instances (with the importer and assignee joined) cost three times the query itself.
LIST_VALUES = (
    "id",
    "reference",
    "subject",
    "type",
    "functional_area",
    "status",
    "service_level",
    "service_level_rank",
    "submitted_at",
    "due",
    "importer__name",
    "importer__risk_segment",
    "assignee_id",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


def list_queryset(queryset):
    """The values a list row shows: the importer and assignee joined, and for a referred
    inquiry the target of its first open referral, all in the one query."""
    return queryset.with_referral_target().values(*LIST_VALUES, "referral_target")


def _instance_values(inquiry) -> dict:
    """A model instance (with importer, assignee and referrals loaded) as a list row's values."""
    assignee = inquiry.assignee if inquiry.assignee_id else None
    referral = inquiry.open_referral
    return {
        "id": inquiry.pk,
        "reference": inquiry.reference,
        "subject": inquiry.subject,
        "type": inquiry.type,
        "functional_area": inquiry.functional_area,
        "status": inquiry.status,
        "service_level": inquiry.service_level,
        "service_level_rank": inquiry.service_level_rank,
        "submitted_at": inquiry.submitted_at,
        "due": inquiry.due,
        "importer__name": inquiry.importer.name,
        "importer__risk_segment": inquiry.importer.risk_segment,
        "assignee_id": inquiry.assignee_id,
        "assignee__username": assignee.username if assignee else None,
        "assignee__first_name": assignee.first_name if assignee else None,
        "assignee__last_name": assignee.last_name if assignee else None,
        "referral_target": referral.target if referral is not None else None,
        "mine": getattr(inquiry, "mine", ()),
    }


def _cursor(request, ordering: str, param: str = "cursor"):
    """The page cursor of the query string, or None (first page) when absent or not valid."""
    value = request.GET.get(param)
    if not value:
        return None
    try:
        cursor = decode_cursor(value)
    except ValueError:
        return None
    return cursor if cursor.ordering == ordering else None


def _url(request, **changes) -> str:
    query = request.GET.copy()
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return f"{request.path}?{query.urlencode()}" if query else request.path


def _page(request, queryset, *, ordering: str = QUEUE, param: str = "cursor"):
    """One keyset page of rows, marked for display, with its previous and next links."""
    page = keyset_page(
        queryset, ordering=ordering, cursor=_cursor(request, ordering, param), size=PAGE_SIZE
    )
    rows = _mark(page.rows)
    previous_url = None
    if page.past_end:
        previous_url = _url(request, **{param: None})
    elif page.previous_cursor:
        previous_url = _url(request, **{param: page.previous_cursor})
    next_url = _url(request, **{param: page.next_cursor}) if page.next_cursor else None
    return rows, previous_url, next_url


def _labels(choices) -> dict:
    return {value: str(label) for value, label in choices}


def _mark(rows) -> list[dict]:
    """Each row as the table shows it: a dict of its cell texts, links and flags.

    Rows are list values (`list_queryset`, `_instance_values`) with `referral_target`.
    Plain arithmetic and dictionary look-ups (no queries); each label is translated once
    per request, not once per row, and the template reads dict keys only (a model
    instance costs the template engine a failed item look-up before each attribute).
    """
    today = timezone.localdate()
    types, areas = _labels(InquiryType.choices), _labels(FunctionalArea.choices)
    levels, segments = _labels(ServiceLevel.choices), _labels(RiskSegment.choices)
    statuses = _labels(Status.choices)
    referred = {target: Referral.label_for(target) for target in Referral.Target}
    not_scored, select = _("Risk not scored yet"), _("Select %(ref)s")
    # One reverse() for the page: every detail link differs only in its reference.
    placeholder = "CEE-0000-000000"
    detail_url = reverse("inquiries:detail", args=[placeholder])
    # Rows of a page share their due dates: each date's texts are written once a page.
    due_texts: dict = {}

    def texts_of(due):
        if due not in due_texts:
            days_left = (due - today).days
            days = (
                ngettext("%(days)s day left", "%(days)s days left", days_left) % {"days": days_left}
                if days_left > 0
                else ""
            )
            due_texts[due] = (due.isoformat(), date_format(due, "M j, Y"), days)
        return due_texts[due]

    marked = []
    for row in rows:
        status, reference = row["status"], row["reference"]
        is_open = status in OPEN_STATES
        due = row["due"] if is_open else None
        days_left = (due - today).days if due else None
        due_iso, due_text, days_text = texts_of(due) if due else ("", "", "")
        segment = row["importer__risk_segment"]
        risk_variant = RISK_VARIANTS.get(segment)
        variant = STATUS_VARIANTS.get(status, "")
        target = row.get("referral_target")
        if status == Status.REFERRED and target:
            status_text = referred[target]
        else:
            status_text = statuses.get(status, status)
        assignee_name = ""
        if row["assignee_id"]:
            assignee_name = display_name_of(
                row["assignee__username"], row["assignee__first_name"], row["assignee__last_name"]
            )
        marked.append(
            {
                "reference": reference,
                "url": detail_url.replace(placeholder, reference),
                "select_text": select % {"ref": reference},
                "subject": row["subject"],
                "type_text": types.get(row["type"], row["type"]),
                "area_text": areas.get(row["functional_area"], row["functional_area"]),
                "importer_name": row["importer__name"],
                "risk_class": TAG_CLASSES[risk_variant] if risk_variant else "",
                "risk_text": segments[segment] + " risk" if risk_variant else not_scored,
                "status": status,
                "status_variant": variant,
                "status_class": TAG_CLASSES[variant],
                "status_text": status_text,
                "assignee_name": assignee_name,
                "level_text": levels.get(row["service_level"], row["service_level"]),
                "is_open": is_open,
                "due_iso": due_iso,
                "due_text": due_text,
                "days_left": days_left,
                "overdue": bool(due and due < today),
                "due_today": days_left == 0,
                "days_text": days_text,
                "mine": row.get("mine", ()),
            }
        )
    return marked


def _staff_choices(center_code: str):
    staff = (
        CenterStaff.objects.filter(center_id=center_code, user__is_active=True)
        .order_by("user__last_name", "user__first_name")
        .values_list("user_id", "user__first_name", "user__last_name", "user__username")
    )
    # User.display_name: the full name, else the username.
    return [
        (user_id, f"{first} {last}".strip() or username) for user_id, first, last, username in staff
    ]


def _center_queue(user, staff):
    """The inquiries in the staff member's Center now (for bulk actions: through the policy)."""
    return access.inquiries.visible(user).for_center(staff.center_id)


def _change_marker() -> tuple:
    """The newest inquiry and audit event: every filing and every change of state or Center
    adds one of them (`Inquiry.apply_change` appends an event), so equal markers mean the
    per-state counts cannot have moved. Two index-only look-ups in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT max(id) FROM inquiries_inquiry),"
            " (SELECT max(id) FROM inquiries_inquiryevent)"
        )
        return tuple(cursor.fetchone())


def _center_counts(staff) -> dict:
    """{status: inquiries of the Center}: kept in the cache under the change marker.

    A miss costs one GROUP BY over the (center, status) index (an index-only scan); a hit
    costs the marker's look-up, whatever the size of the Center.
    """
    key = f"queue-counts:{connection.settings_dict['NAME']}:{staff.center_id}"
    marker = _change_marker()
    try:
        kept = cache.get(key)
    except Exception:  # noqa: BLE001 (the cache only saves work: without it, count)
        logger.warning("cache unavailable: queue counts counted", exc_info=True)
        kept, key = None, None
    if kept is not None and tuple(kept[0]) == marker:
        return kept[1]
    # COUNT(*), not COUNT(id): the (center, status) index then answers alone, without
    # reading the table (36 ms instead of 100 ms for the largest Center at scale 10).
    grouped = (
        access.inquiries.center_queue(staff)
        .order_by()
        .values("status")
        .annotate(n=Count("*"))
        .values_list("status", "n")
    )
    counts = dict(grouped)
    if key is not None:
        try:
            cache.set(key, (marker, counts), COUNTS_SECONDS)
        except Exception:  # noqa: BLE001
            logger.warning("cache unavailable: queue counts not kept", exc_info=True)
    return counts


def _state_counts(user, staff, request):
    """Inquiries of the Center per state, each with the link that filters the queue to it."""
    counts = _center_counts(staff)
    return [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "url": _url(request, status=status, cursor=None),
        }
        for status, label in Status.choices
    ]


def _kept_html(name: str, parts: str, render, seconds: int = KEPT_HTML_SECONDS) -> str:
    """HTML that depends only on `parts` (and the language), rendered once and kept in the
    cache for `seconds`; a cache outage falls back to rendering."""
    key = f"queue-{name}:" + hashlib.sha256(f"{get_language()}|{parts}".encode()).hexdigest()
    try:
        html = cache.get(key)
    except Exception:  # noqa: BLE001 (the cache only saves work: without it, render)
        logger.warning("cache unavailable: queue %s rendered", name, exc_info=True)
        html, key = None, None
    if html is None:
        html = str(render()).strip()
        if key is not None:
            try:
                cache.set(key, html, seconds)
            except Exception:  # noqa: BLE001
                logger.warning("cache unavailable: queue %s not kept", name, exc_info=True)
    return mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped there)


def _filters_html(filters, valid: bool) -> str:
    """The filter form's HTML. Seven USWDS field groups cost more to render than the 50 rows
    of the table, and depend only on the values chosen and the language: valid filters are
    rendered once per combination and kept in the cache (filters with errors never are)."""
    context = {"filters": filters, "filters_valid": valid}
    if not valid:
        return mark_safe(render_to_string("staff/_queue_filters.html", context).strip())  # noqa: S308 (template output)
    chosen = filters.cleaned_data if filters.is_bound else {}
    values = "&".join(f"{name}={chosen.get(name) or ''}" for name in filters.fields)
    return _kept_html(
        "filters",
        f"{filters.is_bound}|{values}",
        lambda: render_to_string("staff/_queue_filters.html", context),
    )


def _assignee_html(center_code: str) -> str:
    """The bulk form's assignee field group for the Center's staff, kept a minute: the
    staff list is read only when it is rendered, not on every page of the queue."""

    def render_field():
        form = BulkAssignForm(staff_choices=_staff_choices(center_code))
        return form["assignee"].as_field_group()

    return _kept_html(
        "assignee",
        f"{connection.settings_dict['NAME']}|{center_code}",
        render_field,
        STAFF_LIST_SECONDS,
    )


def _render_queue(request, *, bulk_form=None, status=200):
    user = request.user
    staff = access.roles.center_staff(user)
    filters = QueueFilterForm(request.GET or None)
    rows, previous_url, next_url = [], None, None
    valid = not filters.is_bound or filters.is_valid()
    if valid:
        queryset = access.inquiries.center_queue(staff)
        if filters.is_bound:
            queryset = filters.filter(queryset)
        rows, previous_url, next_url = _page(
            request, list_queryset(queryset), ordering=filters.ordering_value
        )
    assignee_html = None
    if staff.is_supervisor and bulk_form is None:
        # Unbound: the page shows the kept assignee select; assigning builds the form with
        # the staff list of that moment (bulk_assign).
        bulk_form = BulkAssignForm(initial={"query": request.GET.urlencode()})
        assignee_html = _assignee_html(staff.center_id)
    return render(
        request,
        "staff/queue.html",
        {
            "center": staff.center,
            "filters": filters,
            "filters_valid": valid,
            "filters_html": _filters_html(filters, valid),
            "counts": _state_counts(user, staff, request),
            "rows": rows,
            "previous_url": previous_url,
            "next_url": next_url,
            "bulk_form": bulk_form if staff.is_supervisor else None,
            "assignee_html": assignee_html,
            "selected": set(bulk_form.data.getlist("bulk-inquiries"))
            if bulk_form is not None and bulk_form.is_bound
            else set(),
        },
        status=status,
    )


@staff_page
def queue(request):
    """The Center's inquiries in queue order (or newest first), filtered, 50 a page."""
    return _render_queue(request)


@form_target("staff:queue")
@staff_page
def bulk_assign(request):
    """Supervisors: assign each selected inquiry through the service; report each result."""
    staff = access.roles.center_staff(request.user)
    if not staff.is_supervisor:
        raise Http404
    form = BulkAssignForm(request.POST, staff_choices=_staff_choices(staff.center_id))
    if not form.is_valid():
        return _render_queue(request, bulk_form=form, status=400)
    references = form.cleaned_data["inquiries"]
    found = list(
        _center_queue(request.user, staff)
        .filter(reference__in=references)
        .select_related("importer", "assignee")
        .prefetch_related("referrals")
    )
    assigned, refused = services.bulk_assign(
        found, by=request.user, assignee_id=form.cleaned_data["assignee"]
    )
    missing = sorted(set(references) - {inquiry.reference for inquiry in found})
    if assigned:
        messages.success(
            request,
            _("Assigned: %(refs)s.")
            % {"refs": ", ".join(inquiry.reference for inquiry in assigned)},
        )
    for inquiry, why in refused:
        messages.error(
            request,
            _("%(ref)s was not assigned: %(why)s.") % {"ref": inquiry.reference, "why": why},
        )
    if missing:
        messages.error(
            request, _("Not in your Center's queue: %(refs)s.") % {"refs": ", ".join(missing)}
        )
    query = QueryDict(form.cleaned_data["query"]).urlencode()
    url = reverse("staff:queue")
    return redirect(f"{url}?{query}" if query else url)


@staff_page
def my_work(request):
    """The open inquiries assigned to me, in queue order."""
    queryset = access.inquiries.visible(request.user).open().filter(assignee=request.user)
    rows, previous_url, next_url = _page(request, list_queryset(queryset))
    return render(
        request,
        "staff/my_work.html",
        {"rows": rows, "previous_url": previous_url, "next_url": next_url},
    )


def _referred_heading(user) -> str:
    """The heading of the referrals page: HQ's, or the liaison's agency's."""
    liaison = access.roles.pga_liaison(user)
    if liaison is not None:
        return _("Referred to %(agency)s") % {"agency": liaison.agency.name}
    return _("Referred to HQ")


def _referred_page(request, user):
    """Inquiries referred to this side: open referrals first, then returned ones."""
    mine = access.inquiries.referrals_to(user)
    queryset = (
        access.inquiries.visible(user)
        .filter(Exists(mine.filter(inquiry=OuterRef("pk"))))
        .annotate(waiting=Exists(mine.filter(inquiry=OuterRef("pk"), returned_at__isnull=True)))
        .select_related("importer", "assignee", "center")
        .prefetch_related(
            "referrals",
            Prefetch(
                "referrals", queryset=mine.select_related("agency", "returned_by"), to_attr="mine"
            ),
        )
        .order_by(
            F("waiting").desc(),
            F("due").asc(nulls_last=True),
            "service_level_rank",
            "submitted_at",
            "id",
        )
    )
    page = page_of(request, queryset, per_page=PAGE_SIZE)
    return (_mark([_instance_values(row) for row in page.rows]), page.previous_url, page.next_url)


@referrals_page
def referrals(request):
    """HQ reviewers: the triage queue and HQ referrals; PGA liaisons: their agency's."""
    user = request.user
    rows, previous_url, next_url = _referred_page(request, user)
    context = {
        "heading": _referred_heading(user),
        "rows": rows,
        # The account risk segment is for CBP roles only (DESIGN.md §9), not partner agencies.
        "hide_risk": not access.roles.is_cbp(user),
        "previous_url": previous_url,
        "next_url": next_url,
        "is_hq": bool(user.is_hq_reviewer),
    }
    if user.is_hq_reviewer:
        triage = list_queryset(access.inquiries.visible(user).triage())
        (context["triage_rows"], context["triage_previous_url"], context["triage_next_url"]) = (
            _page(request, triage, param="triage_cursor")
        )
    return render(request, "staff/referrals.html", context)
