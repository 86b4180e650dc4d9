"""The demo data of DESIGN.md §10, loaded by `manage.py seed_demo`.

`seed` runs every part in one transaction and is idempotent: reference data, people and
public content are keyed on natural keys, entries re-import under stable numbers, and the
inquiry stories and the engagement plan are only played when they are not there yet.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction

from centers.models import Center, PartnerAgency, Port
from centers.reference import load_reference_data

from .content import seed_content
from .entries import seed_entries
from .inquiries import seed_inquiries
from .people import PEOPLE, Cast, seed_people


@dataclass
class Report:
    """What the seed did, for the command to print."""

    notes: list[str] = field(default_factory=list)
    entries: dict = field(default_factory=dict)
    inquiries: dict = field(default_factory=dict)
    cast: Cast | None = None


def _pharma_goals() -> list[dict]:
    return [
        {
            "area": "classification accuracy, chapter 30",
            "measure": "lines reclassified per 1,000 entry lines",
            "baseline": "4.2",
            "target": "2.0",
        },
        {
            "area": "valuation: assists and royalties",
            "measure": "CF-29 value advances a year",
            "baseline": "3",
            "target": "0",
        },
        {
            "area": "PGA (FDA) data quality",
            "measure": "FDA entry rejections per 100 entries",
            "baseline": "1.8",
            "target": "0.5",
        },
    ]


def _seed_active_plan(cast: Cast, today: date) -> None:
    """The pharmaceutical importer's active plan, agreed 45 days ago, with one review."""
    from accounts import plan_services
    from accounts.plans import Benefit, ReviewCadence, TouchPointKind

    ae, admin = cast["ae-pharma"], cast["trade-pharma"]
    start = today - timedelta(days=45)
    plan = plan_services.create_plan(
        cast.pharma,
        by=ae,
        period_start=start,
        period_end=start + timedelta(days=364),
        review_cadence=ReviewCadence.QUARTERLY,
        goals=_pharma_goals(),
        touch_points=[
            {
                "kind": TouchPointKind.MEETING,
                "planned_on": start + timedelta(days=14),
                "purpose": "Kick-off with the compliance team",
                "done_on": None,
            },
            {
                "kind": TouchPointKind.REVIEW,
                "planned_on": start + timedelta(days=105),
                "purpose": "Quarterly review of classification findings",
                "done_on": None,
            },
            {
                "kind": TouchPointKind.VALIDATION,
                "planned_on": start + timedelta(days=270),
                "purpose": "Validation of the royalty reporting procedure",
                "done_on": None,
            },
        ],
        benefits=[Benefit.REDUCED_EXAMINATIONS, Benefit.PREFERRED_EXAM_LOCATION],
    )
    plan_services.submit_plan(plan, by=admin, comment="Drafted with our Account Executive.")
    plan_services.approve_plan(plan, by=ae)
    plan_services.activate_plan(plan, by=ae)
    plan_services.record_plan_review(
        plan,
        by=ae,
        reviewed_on=today,
        progress=[
            {"goal": 0, "actual": "3.1", "note": "Sample of 400 lines"},
            {"goal": 1, "actual": "1"},
            {"goal": 2, "actual": "1.2"},
        ],
        touch_points_done=[{"touch_point": 0, "done_on": start + timedelta(days=14)}],
        notes="Classification is improving; the royalty procedure is being rewritten.",
    )


def _seed_submitted_plan(cast: Cast, today: date) -> None:
    """The next period's plan: sent back once, revised and now waiting for ae-pharma."""
    from accounts import plan_services
    from accounts.plans import Benefit, ReviewCadence, TouchPointKind

    ae, admin = cast["ae-pharma"], cast["trade-pharma"]
    start = today + timedelta(days=320)
    goals = _pharma_goals()
    plan = plan_services.create_plan(
        cast.pharma,
        by=admin,
        period_start=start,
        period_end=start + timedelta(days=364),
        review_cadence=ReviewCadence.SEMIANNUAL,
        goals=goals,
        touch_points=[
            {
                "kind": TouchPointKind.MEETING,
                "planned_on": start + timedelta(days=10),
                "purpose": "Kick-off of the second plan period",
            },
        ],
        benefits=[Benefit.REDUCED_EXAMINATIONS, Benefit.BLANKET_CERTIFICATIONS],
    )
    plan_services.submit_plan(plan, by=admin, comment="Our proposal for the next period.")
    plan_services.request_plan_changes(
        plan,
        by=ae,
        comment="Please set a lower target for FDA rejections and add a "
        "validation of the classification procedure.",
    )
    goals[2] = {**goals[2], "target": "0.3"}
    plan_services.update_plan(
        plan,
        by=admin,
        changes={
            "goals": goals,
            "touch_points": [
                *plan.touch_points,
                {
                    "kind": TouchPointKind.VALIDATION,
                    "planned_on": start + timedelta(days=180),
                    "purpose": "Validation of the classification procedure",
                },
            ],
        },
    )
    plan_services.submit_plan(plan, by=admin, comment="Target lowered and validation added.")


def _seed_plans(cast: Cast, today: date, report: Report) -> None:
    """Give the pharmaceutical importer an active plan with a review and a submitted one."""
    from accounts.models import EngagementPlan

    plans = EngagementPlan.objects.filter(importer=cast.pharma)
    if not plans.active().exists():
        _seed_active_plan(cast, today)
    if not plans.awaiting_approval().exists():
        _seed_submitted_plan(cast, today)


def active_plan_count() -> int:
    """How many engagement plans are active."""
    from accounts.models import EngagementPlan

    return EngagementPlan.objects.active().count()


def _run_nightly_reports(today: date, report: Report) -> None:
    """Run the nightly reports once for yesterday, when the reports app exists."""
    from django.core.management import call_command, get_commands

    if "run_nightly" not in get_commands():
        report.notes.append("Nightly reports skipped: the reports app is not installed yet.")
        return
    yesterday = today - timedelta(days=1)
    call_command("run_nightly", "--date", yesterday.isoformat())


def seed(today: date) -> Report:
    """Create or update all demo data for `today` (the portal zone's date)."""
    report = Report()
    with transaction.atomic():
        load_reference_data(Center, Port, PartnerAgency)
        cast = seed_people(today)
        report.cast = cast
        report.entries = seed_entries(cast, today)
        report.inquiries = seed_inquiries(cast, today)
        seed_content(today)
        _seed_plans(cast, today, report)
    _run_nightly_reports(today, report)
    return report


__all__ = ["PEOPLE", "Report", "active_plan_count", "seed"]
