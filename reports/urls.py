"""Report pages and the Center dashboard."""

from django.urls import path

from . import views
from .models import ReportKind

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("center/", views.center_dashboard, name="center_dashboard"),
    path("risk/", views.risk_report, name="risk"),
    path("risk/csv/", views.report_csv(ReportKind.RISK), name="risk_csv"),
    path("uniformity/", views.uniformity_report, name="uniformity"),
    path("uniformity/csv/", views.report_csv(ReportKind.UNIFORMITY), name="uniformity_csv"),
    path("uniformity/cell/", views.uniformity_cell, name="uniformity_cell"),
    path("performance/", views.performance_report, name="performance"),
    path("performance/csv/", views.report_csv(ReportKind.PERFORMANCE), name="performance_csv"),
]
