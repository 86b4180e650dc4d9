"""Shared pieces of the HTTP API: pagination, errors, the token endpoint."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from .throttling import ScopedThrottle


def exception_handler(exc, context):
    """Turn model-level ValidationErrors into 400 field errors, like serializer errors."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = ValidationError(detail)
    if isinstance(exc, Http404):
        return Response({"detail": "Not found."}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, RecursionError):
        # A JSON body nested thousands deep exhausts the decoder: bad input, not a fault.
        exc = ParseError("JSON parse error - the body is nested too deeply.")
    return drf_exception_handler(exc, context)


class ObtainTokenView(APIView):
    """POST {"username", "password"} → {"token"}; 400 for wrong credentials."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedThrottle]
    throttle_scope = "token"

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: inline_serializer(
                "TokenError",
                {
                    "non_field_errors": serializers.ListField(required=False),
                    "username": serializers.ListField(required=False),
                    "password": serializers.ListField(required=False),
                },
            ),
        },
        auth=[],
    )
    def post(self, request):
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})


# Fields that only some readers receive (CBP roles): documented, but never required.
ROLE_DEPENDENT_FIELDS = ("risk_segment",)


def optional_role_dependent_fields(result, generator, request, public):
    """drf-spectacular hook: a field left out for some readers is not `required`."""
    for component in result.get("components", {}).get("schemas", {}).values():
        required = component.get("required")
        if required:
            component["required"] = [name for name in required if name not in ROLE_DEPENDENT_FIELDS]
            if not component["required"]:
                del component["required"]
    return result
