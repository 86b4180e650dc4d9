"""Floors: the least a request can cost behind the same middleware and authentication."""

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import render
from django.utils import timezone
from rest_framework.response import Response
from rest_framework.views import APIView

from inquiries.models import Notification

ROWS = [{"reference": f"CEE-2026-{n:06d}", "importer": f"Importer {n}", "status": "submitted",
         "due": "2026-04-01", "subject": "A question about classification"} for n in range(50)]


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
    """A signed-in page of the portal's layout with a 50-row table, and no queries of its own."""
    return render(request, "bench/floor.html", {"rows": ROWS})


class FloorList(APIView):
    """An authenticated API answer of 50 rows built without the database."""

    def get(self, request):
        return Response({"next": None, "previous": None, "results": ROWS})


class FloorWrite(APIView):
    """An authenticated POST that inserts one bare row."""

    def post(self, request):
        Notification.objects.create(recipient=request.user, subject="bench", body="",
                                    send_email=False, created_at=timezone.now())
        return Response({"ok": True}, status=201)
