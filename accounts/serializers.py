"""API representations of importer accounts, users and error bodies (DESIGN.md §9)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema_field, inline_serializer
from rest_framework import serializers

import access

from .models import Importer, RiskSegment
from .trust import ServiceLevel


class UserRefSerializer(serializers.Serializer):
    """A user as the API shows one: {"id", "username", "name"}."""

    id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)


DetailSerializer = inline_serializer("ErrorDetail", {"detail": serializers.CharField()})
ERROR_DESCRIPTIONS = {
    400: "Bad input: field errors.",
    401: "No credentials.",
    403: "Visible, but this write is not allowed to you.",
    404: "Not found, or not visible to you.",
    409: "State conflict.",
    413: "Too large.",
    415: "Unsupported media or file type.",
}


def error_responses(*codes: int) -> dict:
    """OpenAPI responses for the error codes an operation answers ({"detail"} bodies)."""
    responses = {}
    for code in codes:
        body = OpenApiTypes.OBJECT if code == 400 else DetailSerializer
        responses[code] = OpenApiResponse(body, description=ERROR_DESCRIPTIONS[code])
    return responses


class ImporterSerializer(serializers.ModelSerializer):
    """An importer account; the IOR number is masked unless the reader may see it in full."""

    ior_number = serializers.SerializerMethodField()
    center = serializers.CharField(source="center_id", allow_null=True, read_only=True)
    service_level = serializers.ChoiceField(choices=ServiceLevel.choices, read_only=True)
    trusted_trader = serializers.BooleanField(read_only=True)
    trusted_partner = serializers.BooleanField(read_only=True)
    # CBP roles only: left out of the representation for everyone else.
    risk_segment = serializers.ChoiceField(
        choices=RiskSegment.choices,
        read_only=True,
        allow_blank=True,
        required=False,
        help_text="Account risk segment of the latest nightly report (CBP roles only).",
    )

    class Meta:
        model = Importer
        fields = [
            "id",
            "name",
            "ior_number",
            "size",
            "center",
            "ctpat_tier",
            "isa_member",
            "financially_compliant",
            "participating",
            "service_level",
            "trusted_trader",
            "trusted_partner",
            "risk_segment",
        ]
        read_only_fields = fields

    def to_representation(self, importer):
        data = super().to_representation(importer)
        if not access.importers.sees_risk_segment(self.context["request"].user):
            data.pop("risk_segment", None)
        return data

    @extend_schema_field(serializers.CharField())
    def get_ior_number(self, importer) -> str:
        return access.importers.ior_number_for(self.context["request"].user, importer)
