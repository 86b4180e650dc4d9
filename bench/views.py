"""Floors: the least a request can cost behind the same middleware and authentication."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import render
from django.utils import timezone
from rest_framework.response import Response
from rest_framework.views import APIView

from inquiries.models import Notification

# The API floor's rows: the inquiry list's 16 fields with values as long as its own, so the
# answer is about as many bytes as the list's (bench/run.py prints both sizes), the way the
# page floor matches the queue page.
ROWS = [
    {
        "reference": f"CEE-2026-{n:06d}",
        "importer": 1000 + n,
        "type": "policy_clarification",
        "status": "submitted",
        "status_label": "Received",
        "subject": f"Foreign-trade zone question – Redwood Imports {n}",
        "center": "MA",
        "functional_area": "customer_service",
        "service_level": "ctpat_tier2",
        "assignee": None,
        "submitted_at": "2026-10-30T09:41:07.123456-04:00",
        "sla_due": "2026-11-13",
        "sla_paused": False,
        "statutory_deadline": None,
        "statutory_clock": None,
        "due": "2026-11-13",
    }
    for n in range(50)
]

# The page floor's context: as many states, filter options and table rows, with texts as
# long, as the queue page shows (DESIGN.md §12: a template of the same size), so the page
# is about as many bytes as the queue's; bench/run.py prints both sizes.
PAGE_ROWS = [
    {
        "reference": f"CEE-2026-{n:06d}",
        "subject": f"Foreign-trade zone question – Redwood Imports {n}",
        "type": "Foreign-trade zone question",
        "area": "Customer service",
        "importer": f"Redwood Imports {n}",
        "risk": "High risk",
        "status": "Received",
        "assignee": "Not assigned",
        "level": "ISA / CTPAT Trade Compliance",
        "due": "2026-04-13",
        "due_text": "Apr 13, 2026",
        "days": "Overdue",
    }
    for n in range(50)
]
PAGE_COUNTS = [
    {"value": f"state_{n}", "label": f"State number {n}", "count": 1000 + n} for n in range(8)
]
PAGE_SELECTS = [
    {
        "name": f"filter_{k}",
        "label": f"Filter {k}",
        "options": [("", "Any value")]
        + [(f"value_{k}_{n}", f"A choice of about forty characters {n}") for n in range(size)],
    }
    for k, size in enumerate((9, 13, 6, 5, 4, 2))
]


class QueryCountMiddleware:
    """Answer each request with the number of SQL queries it ran (X-Query-Count)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count[0])
        return response


@login_required
def floor_page(request):
    """A signed-in page of the portal's layout, the queue's size, and no queries of its own."""
    return render(
        request,
        "bench/floor.html",
        {"rows": PAGE_ROWS, "counts": PAGE_COUNTS, "selects": PAGE_SELECTS},
    )


class FloorList(APIView):
    """An authenticated API answer of 50 rows built without the database."""

    def get(self, request):
        return Response({"next": None, "previous": None, "results": ROWS})


class FloorWrite(APIView):
    """An authenticated POST that inserts one bare row."""

    def post(self, request):
        Notification.objects.create(
            recipient=request.user,
            subject="bench",
            body="",
            send_email=False,
            created_at=timezone.now(),
        )
        return Response({"ok": True}, status=201)
