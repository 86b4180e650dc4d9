"""Stored reports over the API: GET /api/v1/reports/{risk,uniformity,performance}/."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

import access
from accounts.serializers import error_responses

from . import results
from .models import ReportKind
from .serializers import REPORT_SERIALIZERS, ReportQuerySerializer


def report_payload(kind: str, run, user) -> dict:
    rows = results.rows_for(kind, run, user)
    return {
        "kind": kind,
        "date": run.date.isoformat(),
        "run": {
            "status": run.status,
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "rows": run.rows,
        },
        "results": results.as_rows(kind, rows),
    }


class ReportView(APIView):
    """One stored report of a date (default: the latest run), rows limited to the reader."""

    kind: ReportKind = ReportKind.RISK

    def get(self, request):
        if not access.reports.may_read(request.user):
            raise Http404
        query = ReportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        run = results.run_for(self.kind, query.validated_data.get("date"))
        if run is None:
            raise Http404
        serializer = REPORT_SERIALIZERS[self.kind](report_payload(self.kind, run, request.user))
        return Response(serializer.data)


def report_view(kind: ReportKind):
    """The view of one report kind, with its own schema."""
    documented = extend_schema(
        operation_id=f"reports_{kind.value}",
        summary=f"{kind.label} report",
        parameters=[
            OpenApiParameter(
                "date",
                OpenApiTypes.DATE,
                required=False,
                description="Report date; default: the latest run.",
            )
        ],
        responses={200: REPORT_SERIALIZERS[kind], **error_responses(400, 401, 404)},
    )

    def get(self, request):
        return ReportView.get(self, request)

    view = type(
        f"{kind.value.capitalize()}ReportView",
        (ReportView,),
        {"kind": kind, "get": documented(get), "__module__": __name__},
    )
    function = view.as_view()
    function.page_predicate = access.reports.may_read  # the role gate, as role pages declare it
    return function
