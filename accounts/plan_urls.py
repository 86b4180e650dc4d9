"""API paths of engagement plans, included under /api/v1/ (namespace "api")."""

from django.urls import path

from .plan_api import EngagementPlanViewSet, PlanActionView, PlanDiffView, PlanVersionListView

api_urlpatterns = [
    path(
        "engagement-plans/",
        EngagementPlanViewSet.as_view({"get": "list", "post": "create"}),
        name="engagement-plan-list",
    ),
    path(
        "engagement-plans/<int:pk>/",
        EngagementPlanViewSet.as_view({"get": "retrieve", "patch": "partial_update"}),
        name="engagement-plan-detail",
    ),
    path(
        "engagement-plans/<int:pk>/actions/<str:action>/",
        PlanActionView.as_view(),
        name="engagement-plan-action",
    ),
    path(
        "engagement-plans/<int:pk>/versions/",
        PlanVersionListView.as_view(),
        name="engagement-plan-versions",
    ),
    path(
        "engagement-plans/<int:pk>/versions/<int:a>/diff/<int:b>/",
        PlanDiffView.as_view(),
        name="engagement-plan-diff",
    ),
]
