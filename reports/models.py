"""Stored nightly report runs and their result rows (DESIGN.md §7)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import RiskSegment
from accounts.trust import ServiceLevel
from inquiries.types import InquiryType


class ReportKind(models.TextChoices):
    RISK = "risk", _("Account risk")
    UNIFORMITY = "uniformity", _("Uniformity")
    PERFORMANCE = "performance", _("Center performance")


class RunStatus(models.TextChoices):
    STARTED = "started", _("Started")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed")


class ReportRunQuerySet(models.QuerySet):
    def of(self, kind: str):
        return self.filter(kind=kind)

    def with_results(self):
        """Runs whose date holds a complete result set (succeeded now or before a failure)."""
        return self.filter(Q(status=RunStatus.SUCCEEDED) | Q(succeeded_at__isnull=False))

    def stale(self, before):
        """Runs left `started` since before `before`: their worker died."""
        return self.filter(status=RunStatus.STARTED, started_at__lt=before)


class ReportRun(models.Model):
    """One report for one date: running the date again replaces its results, never adds."""

    kind = models.CharField(max_length=12, choices=ReportKind.choices)
    date = models.DateField()
    parameters = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=9, choices=RunStatus.choices, default=RunStatus.STARTED, editable=False
    )
    started_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the results stored for this date were last completed; a later failed attempt
    # keeps them (and this time) so they stay visible.
    succeeded_at = models.DateTimeField(null=True, blank=True, editable=False)
    rows = models.PositiveIntegerField(default=0, editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
    error = models.TextField(blank=True, editable=False)

    objects = ReportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "date"], name="one_report_run_per_day"),
        ]
        indexes = [models.Index(fields=["status", "started_at"], name="report_run_status")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date} ({self.get_status_display()})"

    @property
    def tag_variant(self) -> str:
        """The colour of the status tag on report pages."""
        return {RunStatus.SUCCEEDED: "success", RunStatus.FAILED: "error"}.get(self.status, "info")

    @property
    def failed(self) -> bool:
        return self.status == RunStatus.FAILED


# Result rows are derived: each run writes them in one INSERT … SELECT from rows that hold
# the same keys under their own foreign-key constraints, and replaces them on a rerun. So
# their keys carry no database constraint (db_constraint=False): checking three keys for
# each of the 44,000 uniformity cells of a national-scale night cost 0.55 s at commit, a
# third of the report. Deleting a run, Center, port or importer still removes (or, for
# a risk row's Center, clears) them through the ORM's on_delete.


class RiskResult(models.Model):
    """One importer's account risk score on a run's date, with its points per component."""

    # The run and Center have no index of their own: rows are read by run (first in the
    # unique constraint) and a run's rows filtered by Center; the importer's trend reads
    # its index.
    run = models.ForeignKey(
        ReportRun,
        on_delete=models.CASCADE,
        related_name="risk_rows",
        db_index=False,
        db_constraint=False,
    )
    importer = models.ForeignKey(
        "accounts.Importer", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    # The importer's Center on the run's date: Center staff see their Center's rows.
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    score = models.PositiveSmallIntegerField()
    segment = models.CharField(max_length=6, choices=RiskSegment.choices)
    previous_score = models.PositiveSmallIntegerField(null=True, blank=True)
    trust_points = models.SmallIntegerField()
    past_due_points = models.SmallIntegerField()
    reply_points = models.SmallIntegerField()
    notice_points = models.SmallIntegerField()
    action_taken_points = models.SmallIntegerField()
    protest_allowed_points = models.SmallIntegerField()
    protest_denied_points = models.SmallIntegerField()

    class Meta:
        ordering = ["-score", "importer_id"]
        constraints = [
            models.UniqueConstraint(fields=["run", "importer"], name="one_risk_row_per_importer"),
        ]

    def __str__(self):
        return f"{self.importer_id}: {self.score}"

    @property
    def change(self) -> int | None:
        return None if self.previous_score is None else self.score - self.previous_score

    @property
    def trend(self) -> str:
        change = self.change
        if change is None:
            return _("new")
        if change == 0:
            return _("steady")
        return (
            _("rising (+%(n)d)") % {"n": change}
            if change > 0
            else _("falling (%(n)d)") % {"n": change}
        )


class UniformityResult(models.Model):
    """An outcome rate of one Center × HTS heading × port against the rest of the Center."""

    # Keyed by the cell: a night writes tens of thousands of cells, and a surrogate id with
    # its sequence and index beside a unique cell key was half of that write. Read by run
    # and Center, the key's first columns: no other index.
    pk = models.CompositePrimaryKey("run", "center", "heading", "port", "outcome")
    run = models.ForeignKey(
        ReportRun,
        on_delete=models.CASCADE,
        related_name="uniformity_rows",
        db_index=False,
        db_constraint=False,
    )
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    heading = models.CharField(max_length=4)
    port = models.ForeignKey(
        "centers.Port",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    outcome = models.CharField(max_length=24)
    n = models.PositiveIntegerField()
    hits = models.PositiveIntegerField()
    rate = models.FloatField()
    rest_n = models.PositiveIntegerField()
    rest_rate = models.FloatField(null=True, blank=True)
    z = models.FloatField(null=True, blank=True)
    flagged = models.BooleanField(default=False)

    class Meta:
        ordering = ["center", "heading", "port", "outcome"]

    def __str__(self):
        return f"{self.center_id} {self.heading} {self.port_id} {self.outcome}"


class PerformanceResult(models.Model):
    """Volumes, SLA attainment and medians of one Center × service level × inquiry type."""

    # Read by run and Center, the first columns of the unique constraint: no other index.
    run = models.ForeignKey(
        ReportRun,
        on_delete=models.CASCADE,
        related_name="performance_rows",
        db_index=False,
        db_constraint=False,
    )
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    service_level = models.CharField(max_length=13, choices=ServiceLevel.choices)
    type = models.CharField(max_length=24, choices=InquiryType.choices)
    volume = models.PositiveIntegerField()
    first_response_met = models.PositiveIntegerField()
    first_response_measured = models.PositiveIntegerField()
    resolution_met = models.PositiveIntegerField()
    resolution_measured = models.PositiveIntegerField()
    first_response_attainment = models.FloatField(null=True, blank=True)
    resolution_attainment = models.FloatField(null=True, blank=True)
    median_first_response_days = models.FloatField(null=True, blank=True)
    median_resolution_days = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["center", "service_level", "type"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "center", "service_level", "type"], name="one_performance_cell"
            ),
        ]

    def __str__(self):
        return f"{self.center_id} {self.service_level} {self.type}"
