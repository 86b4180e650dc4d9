"""Account Executive dashboard and engagement-plan pages."""

from django.urls import path

from . import ae_views

app_name = "ae"

urlpatterns = [
    path("ae/", ae_views.dashboard, name="dashboard"),
    path("plans/", ae_views.plan_list, name="plans"),
    path("plans/new/", ae_views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", ae_views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/edit/", ae_views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/actions/<str:action>/", ae_views.plan_action, name="plan_action"),
    path("plans/<int:pk>/review/", ae_views.plan_review, name="plan_review"),
    path("plans/<int:pk>/versions/compare/", ae_views.plan_compare, name="plan_compare"),
    path("plans/<int:pk>/versions/<int:a>/diff/<int:b>/", ae_views.plan_diff, name="plan_diff"),
]
