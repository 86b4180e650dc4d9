"""API shapes of engagement plans (DESIGN.md §9): the representation and the inputs."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

import access

from .models import EngagementPlan, Importer, PlanVersion
from .plans import USER_ACTIONS, Benefit, PlanAction, PlanStatus, ReviewCadence, TouchPointKind
from .serializers import UserRefSerializer


def _enum_schema(values, labels) -> dict:
    description = "\n".join(f"* `{value}` - {labels[value]}" for value in values)
    return {"type": "string", "enum": list(values), "description": description}


# Named schema components, since other resources also have "status" and "allowed_actions".
@extend_schema_field(
    _enum_schema(PlanStatus.values, dict(PlanStatus.choices)), component_name="PlanStatusEnum"
)
class PlanStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=PlanStatus.choices, **kwargs)


@extend_schema_field(
    _enum_schema(USER_ACTIONS, dict(PlanAction.choices)), component_name="PlanActionEnum"
)
class PlanActionField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=USER_ACTIONS, **kwargs)


class GoalSerializer(serializers.Serializer):
    area = serializers.CharField(max_length=200)
    measure = serializers.CharField(max_length=200)
    baseline = serializers.CharField(max_length=100)
    target = serializers.CharField(max_length=100)


class TouchPointSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TouchPointKind.choices)
    planned_on = serializers.DateField()
    purpose = serializers.CharField(max_length=500)
    done_on = serializers.DateField(required=False, allow_null=True, default=None)


class CommentSerializer(serializers.Serializer):
    author = UserRefSerializer(source="actor", read_only=True, allow_null=True)
    body = serializers.CharField(source="comment", read_only=True)
    created_at = serializers.DateTimeField(source="at", read_only=True)


class PlanSerializer(serializers.ModelSerializer):
    """The plan as DESIGN.md §9 shows it, with the actions open to the requesting user."""

    importer = serializers.PrimaryKeyRelatedField(read_only=True)
    ae = UserRefSerializer(read_only=True)
    status = PlanStatusField(read_only=True)
    goals = GoalSerializer(many=True, read_only=True)
    touch_points = TouchPointSerializer(many=True, read_only=True)
    benefits = serializers.ListField(
        child=serializers.ChoiceField(choices=Benefit.choices), read_only=True
    )
    comments = CommentSerializer(source="comment_events", many=True, read_only=True)
    allowed_actions = serializers.ListField(
        child=PlanActionField(), source="user_allowed_actions", read_only=True
    )

    class Meta:
        model = EngagementPlan
        fields = [
            "id",
            "importer",
            "ae",
            "status",
            "version",
            "period_start",
            "period_end",
            "review_cadence",
            "goals",
            "touch_points",
            "benefits",
            "comments",
            "allowed_actions",
        ]
        read_only_fields = fields


class PlanUpdateSerializer(serializers.Serializer):
    """The editable fields of a plan, each optional; items are always validated whole."""

    period_start = serializers.DateField(required=False)
    period_end = serializers.DateField(required=False)
    review_cadence = serializers.ChoiceField(choices=ReviewCadence.choices, required=False)
    goals = GoalSerializer(many=True, max_length=50, required=False)
    touch_points = TouchPointSerializer(many=True, max_length=100, required=False)
    benefits = serializers.ListField(
        child=serializers.ChoiceField(choices=Benefit.choices), max_length=20, required=False
    )


class PlanCreateSerializer(PlanUpdateSerializer):
    """A new plan: the importer (one the user sees), its period and its first content."""

    importer = serializers.PrimaryKeyRelatedField(queryset=Importer.objects.none())
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    review_cadence = serializers.ChoiceField(
        choices=ReviewCadence.choices, default=ReviewCadence.QUARTERLY
    )
    goals = GoalSerializer(many=True, max_length=50, default=list)
    touch_points = TouchPointSerializer(many=True, max_length=100, default=list)
    benefits = serializers.ListField(
        child=serializers.ChoiceField(choices=Benefit.choices), max_length=20, default=list
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["importer"].queryset = access.importers.visible(request.user)


class PlanActionSerializer(serializers.Serializer):
    """The body of a workflow action: a comment, required when the action asks for one."""

    comment = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=5000, trim_whitespace=True
    )

    def __init__(self, *args, comment_required: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if comment_required:
            field = self.fields["comment"]
            field.required, field.allow_blank, field.default = True, False, serializers.empty


class PlanVersionSerializer(serializers.ModelSerializer):
    submitted_by = UserRefSerializer(read_only=True)

    class Meta:
        model = PlanVersion
        fields = ["number", "submitted_by", "submitted_at", "snapshot"]
        read_only_fields = fields


class PlanChangeSerializer(serializers.Serializer):
    field = serializers.CharField()
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)


class PlanDiffSerializer(serializers.Serializer):
    changes = PlanChangeSerializer(many=True)

    def get_fields(self):
        # "from" is a Python keyword, so the two version numbers are added by name.
        fields = super().get_fields()
        fields["from"] = serializers.IntegerField()
        fields["to"] = serializers.IntegerField()
        return {name: fields[name] for name in ("from", "to", "changes")}


class PlanConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    status = PlanStatusField()
    allowed_actions = serializers.ListField(child=PlanActionField())
