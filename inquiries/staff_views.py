"""Center staff, HQ reviewer and PGA liaison pages: the queue, my work and referrals.

Lists page with keyset cursors (no OFFSET, no count) and run a fixed number of queries
whatever the number of rows: related rows are joined or prefetched, never read per row.
"""

from django.contrib import messages
from django.db.models import Count, Exists, F, OuterRef, Prefetch
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cee_portal import access
from cee_portal.pages import referrals_page, staff_page
from centers.models import CenterStaff

from . import services
from .action_forms import BulkAssignForm, QueueFilterForm
from .models import Inquiry, Referral
from .page_views import STATUS_VARIANTS
from .pagination import QUEUE, decode_cursor, keyset_page
from .workflow import Status

PAGE_SIZE = 50


def list_queryset(queryset):
    """The columns a list row shows: importer and assignee joined, referrals prefetched."""
    return queryset.select_related("importer", "assignee").prefetch_related("referrals")


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


def _mark(rows):
    """Days left and the overdue flag of each row (plain arithmetic, no queries)."""
    today = timezone.localdate()
    for row in rows:
        due = row.due if row.is_open else None
        row.days_left = (due - today).days if due else None
        row.overdue = bool(due and due < today)
        row.status_variant = STATUS_VARIANTS.get(row.status, "")
    return rows


def _staff_choices(center_code: str):
    staff = (
        CenterStaff.objects.filter(center_id=center_code, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    return [(member.user_id, member.user.display_name) for member in staff]


def _center_queue(user, staff):
    return Inquiry.objects.visible_to(user).for_center(staff.center_id)


def _state_counts(user, staff, request):
    """Inquiries of the Center per state: one GROUP BY on the (center, status) index."""
    grouped = _center_queue(user, staff).order_by().values("status").annotate(n=Count("id"))
    counts = {row["status"]: row["n"] for row in grouped}
    return [
        {
            "status": status,
            "label": label,
            "count": counts.get(status, 0),
            "url": _url(request, status=status, cursor=None),
        }
        for status, label in Status.choices
    ]


def _render_queue(request, *, bulk_form=None, status=200):
    user = request.user
    staff = access.center_staff(user)
    filters = QueueFilterForm(request.GET or None)
    rows, previous_url, next_url = [], None, None
    valid = not filters.is_bound or filters.is_valid()
    if valid:
        queryset = _center_queue(user, staff)
        if filters.is_bound:
            queryset = filters.filter(queryset)
        rows, previous_url, next_url = _page(
            request, list_queryset(queryset), ordering=filters.ordering_value
        )
    if staff.is_supervisor and bulk_form is None:
        bulk_form = BulkAssignForm(
            staff_choices=_staff_choices(staff.center_id),
            initial={"query": request.GET.urlencode()},
        )
    return render(
        request,
        "staff/queue.html",
        {
            "center": staff.center,
            "filters": filters,
            "filters_valid": valid,
            "counts": _state_counts(user, staff, request),
            "rows": rows,
            "previous_url": previous_url,
            "next_url": next_url,
            "bulk_form": bulk_form if staff.is_supervisor else None,
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


@staff_page
@require_POST
def bulk_assign(request):
    """Supervisors: assign each selected inquiry through the service; report each result."""
    staff = access.center_staff(request.user)
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
    queryset = Inquiry.objects.visible_to(request.user).open().filter(assignee=request.user)
    rows, previous_url, next_url = _page(request, list_queryset(queryset))
    return render(
        request,
        "staff/my_work.html",
        {"rows": rows, "previous_url": previous_url, "next_url": next_url},
    )


def _referred_to(user):
    """(Referral filter of the user's side, heading): HQ or the liaison's agency."""
    liaison = access.pga_liaison(user)
    if liaison is not None:
        return (
            {"target": Referral.Target.PGA, "agency_id": liaison.agency_id},
            _("Referred to %(agency)s") % {"agency": liaison.agency.name},
        )
    return {"target": Referral.Target.HQ}, _("Referred to HQ")


def _referred_page(request, user, target: dict):
    """Inquiries referred to this side: open referrals first, then returned ones."""
    mine = Referral.objects.filter(**target)
    queryset = (
        Inquiry.objects.visible_to(user)
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
    try:
        number = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        number = 1
    start = (number - 1) * PAGE_SIZE
    rows = list(queryset[start : start + PAGE_SIZE + 1])
    next_url = _url(request, page=str(number + 1)) if len(rows) > PAGE_SIZE else None
    previous_url = (
        _url(request, page=str(number - 1) if number > 2 else None) if number > 1 else None
    )
    return _mark(rows[:PAGE_SIZE]), previous_url, next_url


@referrals_page
def referrals(request):
    """HQ reviewers: the triage queue and HQ referrals; PGA liaisons: their agency's."""
    user = request.user
    target, heading = _referred_to(user)
    rows, previous_url, next_url = _referred_page(request, user, target)
    context = {
        "heading": heading,
        "rows": rows,
        "previous_url": previous_url,
        "next_url": next_url,
        "is_hq": bool(user.is_hq_reviewer),
    }
    if user.is_hq_reviewer:
        triage = list_queryset(Inquiry.objects.visible_to(user).triage())
        (context["triage_rows"], context["triage_previous_url"], context["triage_next_url"]) = (
            _page(request, triage, param="triage_cursor")
        )
    return render(request, "staff/referrals.html", context)
