"""Report routes of the v1 API, mounted under /api/v1/reports/."""

from django.urls import path

from .api import report_view
from .models import ReportKind

urlpatterns = [
    path(f"reports/{kind.value}/", report_view(kind), name=f"report-{kind.value}")
    for kind in ReportKind
]
