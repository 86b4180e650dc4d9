"""API representations of stored reports (DESIGN.md §9): a run and its rows."""

from rest_framework import serializers

from accounts.models import RiskSegment
from accounts.trust import ServiceLevel
from inquiries.types import InquiryType

from .models import ReportKind, RunStatus
from .risk import COMPONENT_COLUMNS
from .uniformity import RATES


class ReportRunSerializer(serializers.Serializer):
    status = serializers.CharField(
        help_text=f"One of: {', '.join(RunStatus.values)}. Failed runs keep earlier results."
    )
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)
    rows = serializers.IntegerField()


class RiskComponentsSerializer(serializers.Serializer):
    """Points of each component (negative lowers the score)."""

    def get_fields(self):
        return {name: serializers.IntegerField() for name in COMPONENT_COLUMNS}


class RiskRowSerializer(serializers.Serializer):
    importer = serializers.IntegerField()
    score = serializers.IntegerField(min_value=0, max_value=100)
    segment = serializers.CharField(help_text=f"One of: {', '.join(RiskSegment.values)}.")
    previous_score = serializers.IntegerField(allow_null=True)
    components = RiskComponentsSerializer()


class UniformityRowSerializer(serializers.Serializer):
    center = serializers.CharField()
    heading = serializers.CharField(help_text="First 4 digits of the entry's largest line.")
    port = serializers.CharField()
    outcome = serializers.CharField(help_text=f"The outcome rate: {', '.join(RATES)}.")
    n = serializers.IntegerField()
    rate = serializers.FloatField()
    rest_n = serializers.IntegerField()
    rest_rate = serializers.FloatField(allow_null=True)
    z = serializers.FloatField(allow_null=True)
    flagged = serializers.BooleanField()


class PerformanceRowSerializer(serializers.Serializer):
    center = serializers.CharField()
    service_level = serializers.ChoiceField(choices=ServiceLevel.choices)
    type = serializers.ChoiceField(choices=InquiryType.choices)
    volume = serializers.IntegerField()
    first_response_attainment = serializers.FloatField(allow_null=True, help_text="Percent met.")
    resolution_attainment = serializers.FloatField(allow_null=True, help_text="Percent met.")
    median_first_response_days = serializers.FloatField(allow_null=True)
    median_resolution_days = serializers.FloatField(allow_null=True)


ROW_SERIALIZERS = {
    ReportKind.RISK: RiskRowSerializer,
    ReportKind.UNIFORMITY: UniformityRowSerializer,
    ReportKind.PERFORMANCE: PerformanceRowSerializer,
}


def report_serializer(kind: ReportKind) -> type[serializers.Serializer]:
    """The envelope {"kind", "date", "run", "results"} of one report kind (for the schema)."""
    name = f"{kind.value.capitalize()}Report"
    return type(
        name,
        (serializers.Serializer,),
        {
            "kind": serializers.ChoiceField(choices=[(kind.value, kind.label)]),
            "date": serializers.DateField(),
            "run": ReportRunSerializer(),
            "results": ROW_SERIALIZERS[kind](many=True),
            "__module__": __name__,
        },
    )


REPORT_SERIALIZERS = {kind: report_serializer(kind) for kind in ReportKind}


class ReportQuerySerializer(serializers.Serializer):
    date = serializers.DateField(required=False, help_text="YYYY-MM-DD; default: latest run.")
