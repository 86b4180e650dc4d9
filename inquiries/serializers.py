"""API representations of inquiries, their messages, documents and events (DESIGN.md §9)."""

from django.utils.functional import cached_property
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

import access
from accounts.models import RiskSegment, display_name_of
from accounts.serializers import UserRefSerializer
from accounts.trust import ServiceLevel
from centers.models import FunctionalArea

from . import services
from .models import SLA_PAUSED_STATE, Document, InquiryEvent, Message, Referral, sla_due_of
from .types import InquiryType, Outcome, StatutoryClock
from .workflow import Action, Status


class InquiryListSerializer(serializers.Serializer):
    """The lean queue row: selected columns only, no per-row queries."""

    reference = serializers.CharField(read_only=True)
    importer = serializers.IntegerField(source="importer_id", read_only=True)
    type = serializers.ChoiceField(choices=InquiryType.choices, read_only=True)
    status = serializers.ChoiceField(choices=Status.choices, read_only=True)
    status_label = serializers.CharField(read_only=True)
    subject = serializers.CharField(read_only=True)
    center = serializers.CharField(source="center_id", allow_null=True, read_only=True)
    functional_area = serializers.ChoiceField(choices=FunctionalArea.choices, read_only=True)
    service_level = serializers.ChoiceField(choices=ServiceLevel.choices, read_only=True)
    assignee = UserRefSerializer(allow_null=True, read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True)
    sla_due = serializers.DateField(allow_null=True, read_only=True)
    sla_paused = serializers.BooleanField(read_only=True)
    statutory_deadline = serializers.DateField(allow_null=True, read_only=True)
    statutory_clock = serializers.SerializerMethodField()
    due = serializers.DateField(allow_null=True, read_only=True)

    @extend_schema_field(serializers.ChoiceField(choices=StatutoryClock.choices, allow_null=True))
    def get_statutory_clock(self, inquiry) -> str | None:
        return inquiry.statutory_clock or None

    @cached_property
    def _labels(self) -> tuple[dict, dict]:
        # Translated once per list (one instance serializes every row), not once per row:
        # the label of each state, and of a referral to each target.
        return (
            {value: str(label) for value, label in Status.choices},
            {target: Referral.label_for(target) for target in Referral.Target},
        )

    def to_representation(self, row):
        """A row of the list's values (`api.LIST_VALUES` with `referral_target`) as the
        fields above: the same values DRF's field-by-field walk of the inquiry gives, at a
        fraction of its cost for 50 rows (docs/performance.md; a test holds them equal)."""
        status = row["status"]
        target = row["referral_target"] if status == Status.REFERRED else None
        statuses, referrals = self._labels
        assignee = None
        if row["assignee_id"]:
            username = row["assignee__username"]
            assignee = {
                "id": row["assignee_id"],
                "username": username,
                "name": display_name_of(
                    username, row["assignee__first_name"], row["assignee__last_name"]
                ),
            }
        return {
            "reference": row["reference"],
            "importer": row["importer_id"],
            "type": row["type"],
            "status": status,
            "status_label": referrals[target] if target else statuses[status],
            "subject": row["subject"],
            "center": row["center_id"],
            "functional_area": row["functional_area"],
            "service_level": row["service_level"],
            "assignee": assignee,
            "submitted_at": DATE_TIME.to_representation(row["submitted_at"]),
            "sla_due": _iso(
                sla_due_of(
                    status,
                    row["first_response_at"],
                    row["first_response_due"],
                    row["resolution_due"],
                )
            ),
            "sla_paused": status == SLA_PAUSED_STATE,
            "statutory_deadline": _iso(row["statutory_deadline"]),
            "statutory_clock": row["statutory_clock"] or None,
            "due": _iso(row["due"]),
        }


# The API's timestamps as DRF writes them (the portal zone, ISO 8601); stateless.
DATE_TIME = serializers.DateTimeField()


def _iso(day):
    return day.isoformat() if day is not None else None


class InquirySerializer(InquiryListSerializer):
    """The full inquiry, with the actions this user may take on it now."""

    description = serializers.CharField(read_only=True)
    # An object (the type's own fields), so the schema and generated clients say so.
    details = serializers.DictField(
        read_only=True, help_text="The type's own fields, e.g. cf28_issue_date."
    )
    entry_number = serializers.SerializerMethodField()
    hts = serializers.CharField(read_only=True)
    routing_reason = serializers.CharField(read_only=True)
    first_response_due = serializers.DateField(allow_null=True, read_only=True)
    resolution_due = serializers.DateField(allow_null=True, read_only=True)
    reply_due = serializers.DateField(allow_null=True, read_only=True)
    outcome = serializers.SerializerMethodField()
    allowed_actions = serializers.SerializerMethodField()
    risk_segment = serializers.ChoiceField(
        source="importer.risk_segment",
        choices=RiskSegment.choices,
        read_only=True,
        allow_blank=True,
        required=False,
        help_text="The importer's account risk segment (CBP roles only).",
    )

    class Meta:
        fields = [
            "reference",
            "importer",
            "type",
            "status",
            "status_label",
            "subject",
            "description",
            "details",
            "entry_number",
            "hts",
            "center",
            "functional_area",
            "routing_reason",
            "service_level",
            "assignee",
            "submitted_at",
            "first_response_due",
            "resolution_due",
            "sla_due",
            "sla_paused",
            "reply_due",
            "statutory_deadline",
            "statutory_clock",
            "due",
            "outcome",
            "allowed_actions",
            "risk_segment",
        ]

    def get_fields(self):
        fields = super().get_fields()
        return {name: fields[name] for name in self.Meta.fields}

    def to_representation(self, inquiry):
        """The fields above, written out: the values DRF's field-by-field walk gives (a test
        holds them equal) without deep-copying 27 fields for every answer."""
        assignee = inquiry.assignee if inquiry.assignee_id else None
        data = {
            "reference": inquiry.reference,
            "importer": inquiry.importer_id,
            "type": inquiry.type,
            "status": inquiry.status,
            "status_label": str(inquiry.status_label),
            "subject": inquiry.subject,
            "description": inquiry.description,
            "details": inquiry.details,
            "entry_number": self.get_entry_number(inquiry),
            "hts": inquiry.hts,
            "center": inquiry.center_id,
            "functional_area": inquiry.functional_area,
            "routing_reason": inquiry.routing_reason,
            "service_level": inquiry.service_level,
            "assignee": {
                "id": assignee.pk,
                "username": assignee.username,
                "name": assignee.display_name,
            }
            if assignee
            else None,
            "submitted_at": DATE_TIME.to_representation(inquiry.submitted_at),
            "first_response_due": _iso(inquiry.first_response_due),
            "resolution_due": _iso(inquiry.resolution_due),
            "sla_due": _iso(inquiry.sla_due),
            "sla_paused": inquiry.sla_paused,
            "reply_due": _iso(inquiry.reply_due),
            "statutory_deadline": _iso(inquiry.statutory_deadline),
            "statutory_clock": inquiry.statutory_clock or None,
            "due": _iso(inquiry.due),
            "outcome": self.get_outcome(inquiry),
            "allowed_actions": self.get_allowed_actions(inquiry),
        }
        if access.importers.sees_risk_segment(self.context["request"].user):
            data["risk_segment"] = inquiry.importer.risk_segment
        return data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_entry_number(self, inquiry) -> str | None:
        return inquiry.entry.entry_number if inquiry.entry_id else None

    @extend_schema_field(serializers.ChoiceField(choices=Outcome.choices, allow_null=True))
    def get_outcome(self, inquiry) -> str | None:
        return inquiry.outcome or None

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=Action.choices))
    )
    def get_allowed_actions(self, inquiry) -> list[str]:
        # The caller may already know the reader's lifecycle roles on this inquiry.
        return services.allowed_actions_for(
            inquiry, self.context["request"].user, roles=self.context.get("roles")
        )


class InquiryCreateSerializer(serializers.Serializer):
    """What a trade filer sends to file an inquiry; the service validates the rest."""

    importer = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    type = serializers.ChoiceField(choices=InquiryType.choices)
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=20_000
    )
    details = serializers.DictField(
        required=False, default=dict, help_text="The type's own fields, e.g. cf28_issue_date."
    )
    entry_number = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, default="", max_length=20
    )
    hts = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, default="", max_length=20
    )

    def validate_details(self, details: dict) -> dict:
        # Every detail is sent as text (dates ISO); the type's form parses it.
        wrong = sorted(
            name
            for name, value in details.items()
            if value is not None and not isinstance(value, str)
        )
        if wrong:
            raise serializers.ValidationError(
                {name: ["Send this value as text."] for name in wrong}
            )
        return details


class ActionBodySerializer(serializers.Serializer):
    """Body of a lifecycle action; which fields each action needs is in DESIGN.md §5."""

    assignee = serializers.IntegerField(required=False)
    message = serializers.CharField(required=False)
    target = serializers.CharField(required=False, help_text='"hq", "fpf" or "pga:<code>".')
    note = serializers.CharField(required=False)
    decision = serializers.CharField(required=False)
    reason = serializers.CharField(required=False)
    resolution = serializers.CharField(required=False)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    requested_on = serializers.DateField(required=False)
    center = serializers.CharField(required=False)


class ActionConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    status = serializers.ChoiceField(choices=Status.choices)
    allowed_actions = serializers.ListField(child=serializers.CharField())


class MessageSerializer(serializers.ModelSerializer):
    author = UserRefSerializer(read_only=True)

    class Meta:
        model = Message
        fields = ["id", "author", "body", "internal", "created_at"]
        read_only_fields = ["id", "author", "created_at"]
        extra_kwargs = {"body": {"max_length": 10_000}, "internal": {"default": False}}


class DocumentSerializer(serializers.ModelSerializer):
    uploaded_by = UserRefSerializer(read_only=True)

    class Meta:
        model = Document
        fields = ["id", "filename", "content_type", "size", "sha256", "uploaded_by", "uploaded_at"]
        read_only_fields = fields


class DocumentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, PNG, JPEG, TIFF, CSV, XLSX or DOCX; 20 MB.")


class EventSerializer(serializers.ModelSerializer):
    actor = UserRefSerializer(allow_null=True, read_only=True)

    class Meta:
        model = InquiryEvent
        fields = ["actor", "action", "from_status", "to_status", "at"]
        read_only_fields = fields
