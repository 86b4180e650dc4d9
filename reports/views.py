"""Report pages, their CSV exports and the live Center dashboard (thin: parse, read, render)."""

import csv
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import access
from cee_portal.pages import reports_page, staff_page
from cee_portal.paging import page_of
from centers.models import Center
from inquiries.models import Inquiry

from . import results, risk, uniformity
from .forms import DashboardPeriodForm, ReportFilterForm, UniformityFilterForm
from .models import ReportKind, ReportRun
from .performance import performance_rows

PAGE_SIZE = 50


@reports_page
def index(request):
    """The latest runs of each report and their status."""
    runs = ReportRun.objects.order_by("-date", "kind")[:15]
    latest = [
        (kind, results.run_for(kind), reverse(f"reports:{kind.value}")) for kind in ReportKind
    ]
    return render(request, "reports/index.html", {"runs": runs, "latest": latest})


def _filters(request, kind, form_class=ReportFilterForm):
    """The filter form, the chosen run (404 when there is none) and the chosen Center."""
    centers = access.reports.visible_centers(request.user, Center.objects.order_by("code"))
    form = form_class(request.GET or None, dates=results.run_dates(kind), centers=centers)
    chosen_day, center = None, ""
    if form.is_bound and form.is_valid():
        value = form.cleaned_data.get("date")
        chosen_day = date.fromisoformat(value) if value else None
        center = form.cleaned_data.get("center") or ""
    run = results.run_for(kind, chosen_day)
    return form, run, center


def _page(request, rows):
    page = page_of(request, rows, per_page=PAGE_SIZE)
    return page, page.previous_url, page.next_url


def crumbs(label) -> list[dict]:
    return [{"label": _("Reports"), "url": reverse("reports:index")}, {"label": label}]


def _report_context(request, kind, form, run, center, rows):
    page, previous_url, next_url = _page(request, rows)
    query = request.GET.copy()
    query.pop("page", None)
    csv_url = ""
    if run is not None:
        csv_url = reverse(f"reports:{kind}_csv") + (f"?{query.urlencode()}" if query else "")
    return {
        "kind": kind,
        "form": form,
        "run": run,
        "center": center,
        "page": page,
        "previous_url": previous_url,
        "next_url": next_url,
        "csv_url": csv_url,
        "crumbs": crumbs(ReportKind(kind).label),
    }


@reports_page
def risk_report(request):
    form, run, center = _filters(request, ReportKind.RISK)
    context = {
        "formula": risk.RISK_FORMULA,
        "components": risk.COMPONENTS,
        "low_below": risk.LOW_BELOW,
        "high_from": risk.HIGH_FROM,
    }
    rows = []
    if run is not None:
        rows = results.rows_for(ReportKind.RISK, run, request.user, center=center)
        counts = dict(rows.order_by().values_list("segment").annotate(n=Count("pk")))
        context["segments"] = [
            (label, counts.get(value, 0)) for value, label in risk.RiskSegment.choices
        ]
        rows = rows.order_by("-score", "importer__name")
    context.update(_report_context(request, ReportKind.RISK, form, run, center, rows))
    return render(request, "reports/risk.html", context)


@reports_page
def uniformity_report(request):
    form, run, center = _filters(request, ReportKind.UNIFORMITY, UniformityFilterForm)
    context = {
        "rate_labels": uniformity.RATE_LABELS,
        "min_resolved": uniformity.MIN_RESOLVED,
        "z_critical": uniformity.Z_CRITICAL,
    }
    rows = []
    if run is not None:
        rows = results.rows_for(ReportKind.UNIFORMITY, run, request.user, center=center)
        context["flagged_cells"] = list(
            rows.filter(flagged=True).order_by("-z", "center", "heading", "port")[:20]
        )
        if form.is_bound and form.is_valid() and form.cleaned_data.get("flagged"):
            rows = rows.filter(flagged=True)
    context.update(_report_context(request, ReportKind.UNIFORMITY, form, run, center, rows))
    return render(request, "reports/uniformity.html", context)


@reports_page
def performance_report(request):
    form, run, center = _filters(request, ReportKind.PERFORMANCE)
    context = {}
    rows = []
    if run is not None:
        rows = results.rows_for(ReportKind.PERFORMANCE, run, request.user, center=center)
        context["by_center"] = [
            {
                **totals,
                "fr": _percent(totals["fr_met"], totals["fr_measured"]),
                "res": _percent(totals["res_met"], totals["res_measured"]),
            }
            for totals in rows.order_by("center")
            .values("center")
            .annotate(
                volume=Sum("volume"),
                fr_met=Sum("first_response_met"),
                fr_measured=Sum("first_response_measured"),
                res_met=Sum("resolution_met"),
                res_measured=Sum("resolution_measured"),
            )
        ]
    context.update(_report_context(request, ReportKind.PERFORMANCE, form, run, center, rows))
    context["window_days"] = (run.parameters or {}).get("window_days") if run else None
    return render(request, "reports/performance.html", context)


def _percent(met, measured):
    return round(100.0 * met / measured, 1) if measured else None


CSV_HEADERS = {
    ReportKind.RISK: [
        "importer",
        "importer_name",
        "score",
        "segment",
        "previous_score",
        *risk.COMPONENT_COLUMNS,
    ],
    ReportKind.UNIFORMITY: [
        "center",
        "heading",
        "port",
        "outcome",
        "n",
        "rate",
        "rest_n",
        "rest_rate",
        "z",
        "flagged",
    ],
    ReportKind.PERFORMANCE: [
        "center",
        "service_level",
        "type",
        "volume",
        "first_response_attainment",
        "resolution_attainment",
        "median_first_response_days",
        "median_resolution_days",
    ],
}


def _csv_values(kind, result) -> list:
    row = results.as_rows(kind, [result])[0]
    if kind == ReportKind.RISK:
        components = row.pop("components")
        row = {**row, "importer_name": result.importer.name, **components}
    return [row[name] for name in CSV_HEADERS[kind]]


def _inert_cell(value):
    """A text cell a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


def report_csv(kind):
    @reports_page
    def view(request):
        form, run, center = _filters(
            request,
            kind,
            UniformityFilterForm if kind == ReportKind.UNIFORMITY else ReportFilterForm,
        )
        if run is None:
            raise Http404
        rows = results.rows_for(kind, run, request.user, center=center)
        if (
            kind == ReportKind.UNIFORMITY
            and form.is_bound
            and form.is_valid()
            and form.cleaned_data.get("flagged")
        ):
            rows = rows.filter(flagged=True)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{kind}-{run.date}.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_HEADERS[kind])
        for result in rows.iterator(chunk_size=2000):
            writer.writerow([_inert_cell(value) for value in _csv_values(kind, result)])
        return response

    view.__name__ = f"{kind}_csv"
    return view


@reports_page
def uniformity_cell(request):
    """The resolved inquiries behind one cell of the uniformity report."""
    params = request.GET
    try:
        day = date.fromisoformat(params.get("date", ""))
    except ValueError:
        raise Http404 from None
    run = results.run_for(ReportKind.UNIFORMITY, day)
    if run is None:
        raise Http404
    cell = (
        results.rows_for(ReportKind.UNIFORMITY, run, request.user)
        .filter(
            center_id=params.get("center", ""),
            heading=params.get("heading", ""),
            port_id=params.get("port", ""),
            outcome=params.get("outcome", ""),
        )
        .first()
    )
    if cell is None:
        raise Http404
    inquiries = (
        uniformity.cell_inquiries(
            day,
            access.inquiries.visible(request.user),
            center=cell.center_id,
            heading=cell.heading,
            port=cell.port_id,
            rate=cell.outcome,
        )
        .select_related("importer")
        .order_by("-resolved_at", "id")
    )
    page, previous_url, next_url = _page(request, inquiries)
    return render(
        request,
        "reports/uniformity_cell.html",
        {
            "cell": cell,
            "run": run,
            "rate_label": uniformity.RATE_LABELS.get(cell.outcome),
            "page": page,
            "previous_url": previous_url,
            "next_url": next_url,
            "crumbs": [
                *crumbs(ReportKind.UNIFORMITY.label)[:1],
                {
                    "label": ReportKind.UNIFORMITY.label,
                    "url": reverse("reports:uniformity") + f"?date={run.date.isoformat()}",
                },
                {"label": _("Cell")},
            ],
        },
    )


def dashboard_span(period: str, today: date) -> tuple[date, date]:
    """This week (from Monday) or this month (from the 1st), up to today."""
    if period == DashboardPeriodForm.Period.WEEK:
        return today - timedelta(days=today.weekday()), today
    return today.replace(day=1), today


@staff_page
def center_dashboard(request):
    """The Center's volumes and SLA attainment, live, from the performance query."""
    staff = access.roles.center_staff(request.user)
    form = DashboardPeriodForm(request.GET or None)
    period = DashboardPeriodForm.Period.MONTH
    if form.is_bound and form.is_valid() and form.cleaned_data["period"]:
        period = form.cleaned_data["period"]
    today = timezone.localdate()
    first, last = dashboard_span(period, today)
    span = {"as_of": today, "centers": [staff.center_id]}
    by_level = performance_rows(first, last, group_by=("service_level",), **span)
    by_type = performance_rows(first, last, group_by=("type",), **span)
    return render(
        request,
        "reports/center_dashboard.html",
        {
            "center": staff.center,
            "form": form,
            "period": period,
            "first": first,
            "last": last,
            "by_level": _labelled(by_level, "service_level", Inquiry.service_level.field.choices),
            "by_type": _labelled(by_type, "type", Inquiry.type.field.choices),
            "is_supervisor": staff.is_supervisor,
        },
    )


def _labelled(rows, key, choices):
    labels = dict(choices)
    return [{**row, "label": labels.get(row[key], row[key])} for row in rows]
