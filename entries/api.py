"""Entries over the API: read by visible users, written in batches by the ACE feed."""

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.parsers import BaseParser
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

import access
from accounts.serializers import error_responses
from cee_portal.parsers import JSONObjectParser

from .batch import MAX_BATCH_BYTES, BatchRejected, BatchTooLarge, parse_csv, parse_json
from .filters import EntryFilter
from .formats import normalize_entry_number
from .serializers import (
    BatchErrorsSerializer,
    BatchResultSerializer,
    BatchSerializer,
    EntrySerializer,
)
from .services import import_entry_batch


@extend_schema_view(
    list=extend_schema(responses={200: EntrySerializer(many=True), **error_responses(400, 401)}),
    retrieve=extend_schema(responses={200: EntrySerializer, **error_responses(401, 404)}),
)
class EntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Entries of the accounts the user sees, and entries named in their inquiries."""

    serializer_class = EntrySerializer
    filterset_class = EntryFilter
    lookup_field = "entry_number"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return (
            access.entries.visible(self.request.user)
            .select_related("importer")
            .prefetch_related("lines")
            .order_by("-entry_date", "entry_number")
        )

    def get_object(self):
        try:
            number = normalize_entry_number(self.kwargs["entry_number"])
        except DjangoValidationError:
            raise Http404 from None
        entry = self.get_queryset().filter(entry_number=number).first()
        if entry is None:
            raise Http404
        return entry


class CsvParser(BaseParser):
    """Declares text/csv; the batch view reads the raw body itself."""

    media_type = "text/csv"

    def parse(self, stream, media_type=None, parser_context=None):
        return stream.read()


class IsBatchImporter(BasePermission):
    """The ACE feed service account and superusers."""

    def has_permission(self, request, view):
        return access.entries.may_import_batches(request.user)


BATCH_PARSERS = {"text/csv": parse_csv, "application/json": parse_json}


class EntryBatchView(APIView):
    """Import one batch of entries (CSV or JSON): all rows or none."""

    permission_classes = [IsAuthenticated, IsBatchImporter]
    parser_classes = [CsvParser, JSONObjectParser]

    @extend_schema(
        operation_id="entries_batch_import",
        request={"text/csv": OpenApiTypes.STR, "application/json": BatchSerializer},
        responses={
            201: BatchResultSerializer,
            400: OpenApiResponse(BatchErrorsSerializer, description="Bad rows; nothing written."),
            **error_responses(401, 403, 413, 415),
        },
    )
    def post(self, request):
        media_type = (request.content_type or "").split(";")[0].strip().lower()
        parse = BATCH_PARSERS.get(media_type)
        if parse is None:
            return Response(
                {"detail": "Send text/csv or application/json."},
                status=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            )
        too_large = Response(
            {"detail": "A batch is at most 10 MB and 50,000 rows."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
        try:
            if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BATCH_BYTES:
                return too_large
        except ValueError:
            pass
        try:
            body = request.body
            records, errors = parse(body)
            result = import_entry_batch(records, errors)
        except (BatchTooLarge, RequestDataTooBig):
            return too_large
        except BatchRejected as rejected:
            return Response(
                {"errors": [error.as_dict() for error in rejected.errors]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(
            {"created": result.created, "updated": result.updated}, status=status.HTTP_201_CREATED
        )
