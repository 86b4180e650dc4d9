"""HTTP API of engagement plans (DESIGN.md §9): thin views over `accounts.plan_services`.

A plan the user may not see answers 404. An action or edit the user may not make now
answers 409 with the plan's status and the actions open to them, before the body is read.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response

import access

from . import plan_services, plans
from .models import EngagementPlan, PlanVersion
from .plan_serializers import (
    PlanActionSerializer,
    PlanConflictSerializer,
    PlanCreateSerializer,
    PlanDiffSerializer,
    PlanSerializer,
    PlanUpdateSerializer,
    PlanVersionSerializer,
)
from .plans import PlanAction, PlanConflict
from .serializers import error_responses

ACTION_SERVICES = plan_services.ACTION_SERVICES

CONFLICT = OpenApiResponse(PlanConflictSerializer, description="Not allowed now for this user.")


def with_representation(plans, user):
    """The plans with what their representation for `user` reads: roles, AE and comments."""
    return access.plans.with_roles(user, plans).with_comments().select_related("ae")


def plans_for(user):
    """The plans `user` sees, ready to represent in a few queries."""
    return with_representation(access.plans.visible(user), user)


def visible_plan(user, pk: int) -> EngagementPlan:
    return get_object_or_404(plans_for(user), pk=pk)


def refused(plan: EngagementPlan, message: str) -> PlanConflict:
    return PlanConflict(message, status=plan.status, allowed_actions=plan.user_allowed_actions)


def conflict(exc: PlanConflict) -> Response:
    return Response(
        {"detail": str(exc), "status": exc.status, "allowed_actions": exc.allowed_actions},
        status=status.HTTP_409_CONFLICT,
    )


def represent(user, plan: EngagementPlan) -> dict:
    """The full representation of `plan` as it stands after `user`'s write.

    Read back by key, not through the policy: the user saw the plan (or its account) when
    writing, and the answer to a write that succeeded is never a 404.
    """
    return PlanSerializer(with_representation(EngagementPlan.objects, user).get(pk=plan.pk)).data


@extend_schema_view(
    create=extend_schema(
        request=PlanCreateSerializer,
        responses={201: PlanSerializer, **error_responses(400, 401, 403)},
    ),
    partial_update=extend_schema(
        request=PlanUpdateSerializer,
        responses={200: PlanSerializer, **error_responses(400, 401, 404), 409: CONFLICT},
    ),
)
class EngagementPlanViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Engagement plans of the accounts the user sees; drafts are created and edited here."""

    serializer_class = PlanSerializer
    filterset_fields = ["importer", "status"]

    def get_queryset(self):
        return plans_for(self.request.user)

    def create(self, request):
        body = PlanCreateSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        fields = dict(body.validated_data)
        plan = plan_services.create_plan(fields.pop("importer"), by=request.user, **fields)
        return Response(represent(request.user, plan), status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        plan = self.get_object()
        if not plans.can_edit(plan.status, plan.user_roles):
            return conflict(refused(plan, _("You may not edit this plan now.")))
        body = PlanUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            plan_services.update_plan(plan, by=request.user, changes=body.validated_data)
        except PlanConflict as exc:
            return conflict(exc)
        return Response(represent(request.user, plan))


class PlanActionView(GenericAPIView):
    """Take a workflow action (`submit`, `request_changes`, `approve`, `activate`, `close`)."""

    serializer_class = PlanActionSerializer

    @extend_schema(
        request=PlanActionSerializer,
        responses={200: PlanSerializer, **error_responses(400, 401, 404), 409: CONFLICT},
    )
    def post(self, request, pk: int, action: str):
        plan = visible_plan(request.user, pk)
        if action not in plans.USER_ACTIONS:
            raise Http404
        if action not in plan.user_allowed_actions:
            return conflict(
                refused(
                    plan,
                    _("You may not %(action)s this plan now.")
                    % {"action": PlanAction(action).label.lower()},
                )
            )
        body = PlanActionSerializer(
            data=request.data, comment_required=plans.TRANSITIONS[action].comment_required
        )
        body.is_valid(raise_exception=True)
        try:
            ACTION_SERVICES[action](plan, by=request.user, comment=body.validated_data["comment"])
        except PlanConflict as exc:
            return conflict(exc)
        return Response(represent(request.user, plan))


class PlanVersionListView(ListAPIView):
    """The submitted versions of a plan, oldest first."""

    serializer_class = PlanVersionSerializer
    filter_backends = []

    def get_queryset(self):
        plan = visible_plan(self.request.user, self.kwargs["pk"])
        return PlanVersion.objects.filter(plan=plan).select_related("submitted_by")


class PlanDiffView(GenericAPIView):
    """What changed between two submitted versions: goals and touch points by position."""

    serializer_class = PlanDiffSerializer
    filter_backends = []

    def get(self, request, pk: int, a: int, b: int):
        plan = visible_plan(request.user, pk)
        before = get_object_or_404(PlanVersion, plan=plan, number=a)
        after = get_object_or_404(PlanVersion, plan=plan, number=b)
        changes = plans.diff_snapshots(before.snapshot, after.snapshot)
        return Response({"from": a, "to": b, "changes": changes})
