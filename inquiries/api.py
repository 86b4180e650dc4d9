"""Inquiries over the API: the queue, filing, lifecycle actions, messages, documents, audit."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse, Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

import access
from accounts.serializers import error_responses
from cee_portal.pagination import PagePagination
from cee_portal.parsers import NOT_AN_OBJECT

from . import services
from .documents import DocumentTooLarge, UnsupportedDocument, upload_document
from .filters import InquiryFilter
from .models import Document, Inquiry
from .pagination import InquiryCursorPagination
from .serializers import (
    ActionBodySerializer,
    ActionConflictSerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    EventSerializer,
    InquiryCreateSerializer,
    InquiryListSerializer,
    InquirySerializer,
    MessageSerializer,
)
from .workflow import Action, Actor

REFERENCE = re.compile(r"^CEE-\d{4}-\d{6,12}$")
# Multipart framing around one file; anything beyond it is over the document limit.
UPLOAD_OVERHEAD = 64 * 1024


def field_errors(exc: DjangoValidationError) -> dict:
    """Model-level errors as API field errors; `details.x` keys nest under "details"."""
    if not hasattr(exc, "error_dict"):
        return {"detail": exc.messages}
    errors: dict = {}
    for name, messages in exc.message_dict.items():
        if name.startswith("details."):
            errors.setdefault("details", {})[name.removeprefix("details.")] = messages
        else:
            errors[name] = messages
    return errors


def with_representation(inquiries):
    """The inquiries with the related rows their full representation reads."""
    return inquiries.select_related("importer", "center", "assignee", "entry").prefetch_related(
        "referrals"
    )


def full_queryset(user):
    return with_representation(access.inquiries.visible(user))


def visible_inquiry(request, reference: str) -> Inquiry:
    """The inquiry with this reference if the user sees it; 404 otherwise."""
    if not REFERENCE.match(reference):
        raise Http404
    inquiry = full_queryset(request.user).filter(reference=reference).first()
    if inquiry is None:
        raise Http404
    return inquiry


def represent(inquiry, request) -> Response:
    """200 with the inquiry as it stands after the user's action, and what they may do now.

    Read back by key, not through the policy: the user saw the inquiry when acting, and an
    action may take it out of their sight (an HQ reviewer rerouting out of the triage queue).
    """
    current = with_representation(Inquiry.objects).get(pk=inquiry.pk)
    return Response(InquirySerializer(current, context={"request": request}).data)


class InquiryListView(generics.ListCreateAPIView):
    """The queue of inquiries the user sees, keyset-paged; trade filers file new ones."""

    filterset_class = InquiryFilter
    pagination_class = InquiryCursorPagination

    def get_queryset(self):
        # Plain values of the listed columns (building model instances cost more than the
        # query); the ordering is the paginator's, on the key it pages by.
        return (
            access.inquiries.visible(self.request.user)
            .with_referral_target()
            .values(*LIST_VALUES, "referral_target")
        )

    def get_serializer_class(self):
        return InquiryCreateSerializer if self.request.method == "POST" else InquiryListSerializer

    @extend_schema(responses={200: InquiryListSerializer(many=True), **error_responses(400, 401)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=InquiryCreateSerializer,
        responses={201: InquirySerializer, **error_responses(400, 401, 403)},
    )
    def post(self, request, *args, **kwargs):
        data = InquiryCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        # The service admits trade filers of the importer only, and they all see it; so the
        # policy's visibility query is run only when the service refuses, to tell an account
        # the user does not see (400, as if it did not exist) from one they may not file for.
        try:
            inquiry = services.file_inquiry(
                values["importer"],
                by=request.user,
                type=values["type"],
                subject=values["subject"],
                description=values["description"],
                details=values["details"],
                entry_number=values["entry_number"] or "",
                hts=values["hts"] or "",
            )
        except PermissionDenied:
            if not access.importers.visible(request.user).filter(pk=values["importer"]).exists():
                raise ValidationError({"importer": ["Importer not found."]}) from None
            raise
        except DjangoValidationError as exc:
            raise ValidationError(field_errors(exc)) from None
        # The inquiry just written is the whole representation: read it back through the
        # policy would cost two queries for what is in hand. The filer sees it (the service
        # admits only trade filers of the importer), a trade user holds no CBP role and a new
        # inquiry has no referral, so the filer's only lifecycle role on it is trade filer.
        context = {"request": request, "roles": frozenset({Actor.TRADE_FILER})}
        return Response(
            InquirySerializer(inquiry, context=context).data, status=status.HTTP_201_CREATED
        )


# The columns of a list row (InquiryListSerializer) and of its keyset key.
LIST_VALUES = (
    "id",
    "reference",
    "importer_id",
    "type",
    "status",
    "subject",
    "center_id",
    "functional_area",
    "service_level",
    "service_level_rank",
    "submitted_at",
    "first_response_at",
    "first_response_due",
    "resolution_due",
    "statutory_deadline",
    "statutory_clock",
    "due",
    "assignee_id",
    "assignee__username",
    "assignee__first_name",
    "assignee__last_name",
)


def action_data(data) -> dict:
    """The body as a dict; an id of the wrong type becomes None so the service reports it."""
    if not isinstance(data, dict):
        # The parser refuses such bodies already; never read one as an empty body.
        raise ParseError(NOT_AN_OBJECT)
    data = dict(data.items())
    assignee = data.get("assignee")
    if "assignee" in data and not (
        (isinstance(assignee, int) and not isinstance(assignee, bool) and 0 < assignee < 2**31)
        or (isinstance(assignee, str) and assignee.isdigit() and len(assignee) < 10)
    ):
        data["assignee"] = None
    return data


class InquiryDetailView(APIView):
    """One inquiry, with the actions this user may take on it now."""

    @extend_schema(responses={200: InquirySerializer, **error_responses(401, 404)})
    def get(self, request, reference):
        inquiry = visible_inquiry(request, reference)
        return Response(InquirySerializer(inquiry, context={"request": request}).data)


class InquiryActionView(APIView):
    """Take a lifecycle action (DESIGN.md §5): 404 for an unknown action, 409 if it is not
    open to you now, then 400 for a bad body (a body that is not a JSON object included)."""

    @extend_schema(
        request=ActionBodySerializer,
        responses={
            200: InquirySerializer,
            409: OpenApiResponse(
                ActionConflictSerializer, description="Not open to you now (role, state or window)."
            ),
            **error_responses(400, 401, 404),
        },
    )
    def post(self, request, reference, action):
        inquiry = visible_inquiry(request, reference)
        if action not in Action.values:
            raise Http404
        # The state is checked before the body (409 before 400): the body is parsed when
        # first read, so it is read only for an action open to the user now, and a body that
        # is not a JSON object answers 400 before the action is taken.
        roles = access.inquiries.actor_roles(request.user, inquiry)  # once for both checks
        allowed = services.allowed_actions_for(inquiry, request.user, roles=roles)
        if action not in allowed:
            return action_conflict(inquiry, action, allowed)
        data = action_data(request.data)
        try:
            services.perform_action(inquiry, action, by=request.user, data=data, roles=roles)
        except services.ActionNotAllowed as refused:
            return action_conflict(refused.inquiry, action, refused.allowed)
        except DjangoValidationError as exc:
            raise ValidationError(field_errors(exc)) from None
        return represent(inquiry, request)


def action_conflict(inquiry, action: str, allowed: list[str]) -> Response:
    return Response(
        {
            "detail": f"{action} is not open to you on {inquiry.reference} now.",
            "status": inquiry.status,
            "allowed_actions": allowed,
        },
        status=status.HTTP_409_CONFLICT,
    )


class InquiryMessagesView(generics.ListCreateAPIView):
    """The conversation: external messages, plus internal notes for CBP readers."""

    serializer_class = MessageSerializer
    pagination_class = PagePagination
    filter_backends = []

    def get_inquiry(self):
        if not hasattr(self, "_inquiry"):
            self._inquiry = visible_inquiry(self.request, self.kwargs["reference"])
        return self._inquiry

    def get_queryset(self):
        messages = access.inquiries.messages_seen(self.request.user, self.get_inquiry())
        return messages.select_related("author").order_by("created_at", "id")

    @extend_schema(responses={200: MessageSerializer(many=True), **error_responses(401, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(responses={201: MessageSerializer, **error_responses(400, 401, 403, 404)})
    def post(self, request, *args, **kwargs):
        inquiry = self.get_inquiry()
        serializer = MessageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            message = services.post_message(
                inquiry,
                by=request.user,
                body=serializer.validated_data["body"],
                internal=serializer.validated_data.get("internal", False),
            )
        except DjangoValidationError as exc:
            raise ValidationError(field_errors(exc)) from None
        return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)


class InquiryDocumentsView(generics.ListCreateAPIView):
    """Documents of an inquiry; uploads are checked by content, size and who uploads."""

    serializer_class = DocumentSerializer
    pagination_class = PagePagination
    filter_backends = []
    # An upload is a file: multipart only, as the schema says (415 for anything else).
    parser_classes = [MultiPartParser]

    def get_inquiry(self):
        if not hasattr(self, "_inquiry"):
            self._inquiry = visible_inquiry(self.request, self.kwargs["reference"])
        return self._inquiry

    def get_queryset(self):
        return (
            Document.objects.filter(inquiry=self.get_inquiry())
            .select_related("uploaded_by")
            .order_by("uploaded_at", "id")
        )

    @extend_schema(responses={200: DocumentSerializer(many=True), **error_responses(401, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer, **error_responses(400, 401, 403, 404, 413, 415)},
    )
    def post(self, request, *args, **kwargs):
        inquiry = self.get_inquiry()
        too_large = Response(
            {"detail": "A document may be at most 20 MB."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.DOCUMENT_MAX_BYTES + UPLOAD_OVERHEAD:
            return too_large
        upload = DocumentUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        try:
            document = upload_document(
                inquiry, by=request.user, uploaded=upload.validated_data["file"]
            )
        except DocumentTooLarge:
            return too_large
        except UnsupportedDocument as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE)
        except DjangoValidationError as exc:
            raise ValidationError(field_errors(exc)) from None
        return Response(DocumentSerializer(document).data, status=status.HTTP_201_CREATED)


class DocumentDownloadView(APIView):
    """The stored file, only if the user sees its inquiry."""

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            **error_responses(401, 404),
        }
    )
    def get(self, request, pk):
        visible = access.inquiries.visible(request.user).values("pk")
        document = Document.objects.filter(pk=pk, inquiry__in=visible).first()
        if document is None:
            raise Http404
        try:
            handle = document.file.open("rb")
        except (FileNotFoundError, OSError):
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.filename,
            content_type=document.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class InquiryEventsView(generics.ListAPIView):
    """The audit trail as this user may see it: trade-visible events only for trade and PGA."""

    serializer_class = EventSerializer
    pagination_class = PagePagination
    filter_backends = []

    def get_queryset(self):
        inquiry = visible_inquiry(self.request, self.kwargs["reference"])
        events = access.inquiries.events_seen(self.request.user, inquiry)
        return events.select_related("actor").order_by("sequence")

    @extend_schema(responses={200: EventSerializer(many=True), **error_responses(401, 404)})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
