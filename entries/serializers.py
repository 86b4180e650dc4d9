"""API representations of entries and entry batches (DESIGN.md §4, §9)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Entry, EntryLine


class EntryLineSerializer(serializers.ModelSerializer):
    additional_hts = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = EntryLine
        fields = ["line_number", "hts", "additional_hts", "country_of_origin", "value", "duty"]
        read_only_fields = fields


class EntrySerializer(serializers.ModelSerializer):
    entry_number_display = serializers.CharField(source="display_number", read_only=True)
    importer = serializers.IntegerField(source="importer_id", read_only=True)
    port = serializers.CharField(source="port_id", read_only=True)
    center = serializers.SerializerMethodField()
    protest_window_ends = serializers.DateField(read_only=True, allow_null=True)
    psc_deadline = serializers.DateField(read_only=True, allow_null=True)
    lines = EntryLineSerializer(many=True, read_only=True)

    class Meta:
        model = Entry
        fields = [
            "entry_number",
            "entry_number_display",
            "importer",
            "entry_type",
            "port",
            "entry_date",
            "release_date",
            "liquidation_date",
            "liquidation_status",
            "center",
            "protest_window_ends",
            "psc_deadline",
            "lines",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_center(self, entry) -> str | None:
        return entry.center_code


class BatchLineSerializer(serializers.Serializer):
    """One line of a JSON batch (documentation only: the batch parser validates)."""

    line_number = serializers.IntegerField()
    hts = serializers.CharField()
    additional_hts = serializers.ListField(child=serializers.CharField(), required=False)
    country_of_origin = serializers.CharField()
    value = serializers.DecimalField(max_digits=14, decimal_places=2)
    duty = serializers.DecimalField(max_digits=14, decimal_places=2)


class BatchEntrySerializer(serializers.Serializer):
    """One entry of a JSON batch (documentation only: the batch parser validates)."""

    entry_number = serializers.CharField()
    importer_ior = serializers.CharField()
    entry_type = serializers.CharField()
    port = serializers.CharField()
    entry_date = serializers.DateField()
    release_date = serializers.DateField(allow_null=True)
    liquidation_date = serializers.DateField(allow_null=True)
    liquidation_status = serializers.CharField()
    lines = BatchLineSerializer(many=True)


class BatchSerializer(serializers.Serializer):
    entries = BatchEntrySerializer(many=True)


class BatchResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    field = serializers.CharField()
    message = serializers.CharField()


class BatchErrorsSerializer(serializers.Serializer):
    errors = RowErrorSerializer(many=True)
