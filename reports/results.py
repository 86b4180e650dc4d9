"""Reading stored report results: the run of a date and its rows, limited to the reader."""

from datetime import date

import access

from .models import (
    PerformanceResult,
    ReportKind,
    ReportRun,
    RiskResult,
    UniformityResult,
)
from .risk import COMPONENT_COLUMNS

RESULT_MODELS = {
    ReportKind.RISK: RiskResult,
    ReportKind.UNIFORMITY: UniformityResult,
    ReportKind.PERFORMANCE: PerformanceResult,
}
RELATED = {
    ReportKind.RISK: ["importer"],
    ReportKind.UNIFORMITY: ["port"],
    ReportKind.PERFORMANCE: [],
}


def run_for(kind: str, day: date | None = None) -> ReportRun | None:
    """The run of `day`, or the latest run when no day is given; None when there is none."""
    runs = ReportRun.objects.of(kind)
    if day is not None:
        return runs.filter(date=day).first()
    return runs.order_by("-date").first()


def run_dates(kind: str) -> list[date]:
    return list(ReportRun.objects.of(kind).order_by("-date").values_list("date", flat=True)[:366])


def rows_for(kind: str, run: ReportRun, user, *, center: str | None = None):
    """The run's result rows that `user` may read, optionally of one Center."""
    model = RESULT_MODELS[ReportKind(kind)]
    rows = access.reports.visible_rows(user, model.objects.filter(run=run))
    rows = rows.select_related(*RELATED[kind])
    if center:
        rows = rows.filter(center_id=center)
    return rows


def _round(value, places):
    return None if value is None else round(value, places)


def risk_row(result: RiskResult) -> dict:
    return {
        "importer": result.importer_id,
        "score": result.score,
        "segment": result.segment,
        "previous_score": result.previous_score,
        "components": {name: getattr(result, column) for name, column in COMPONENT_COLUMNS.items()},
    }


def uniformity_row(result: UniformityResult) -> dict:
    return {
        "center": result.center_id,
        "heading": result.heading,
        "port": result.port_id,
        "outcome": result.outcome,
        "n": result.n,
        "rate": _round(result.rate, 4),
        "rest_n": result.rest_n,
        "rest_rate": _round(result.rest_rate, 4),
        "z": _round(result.z, 3),
        "flagged": result.flagged,
    }


def performance_row(result: PerformanceResult) -> dict:
    return {
        "center": result.center_id,
        "service_level": result.service_level,
        "type": result.type,
        "volume": result.volume,
        "first_response_attainment": _round(result.first_response_attainment, 1),
        "resolution_attainment": _round(result.resolution_attainment, 1),
        "median_first_response_days": _round(result.median_first_response_days, 1),
        "median_resolution_days": _round(result.median_resolution_days, 1),
    }


ROW_FUNCTIONS = {
    ReportKind.RISK: risk_row,
    ReportKind.UNIFORMITY: uniformity_row,
    ReportKind.PERFORMANCE: performance_row,
}


def as_rows(kind: str, results) -> list[dict]:
    convert = ROW_FUNCTIONS[ReportKind(kind)]
    return [convert(result) for result in results]
