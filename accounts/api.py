"""Importer accounts over the API: read only, limited to the accounts the user sees."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

import access

from .serializers import ImporterSerializer, error_responses


@extend_schema_view(
    list=extend_schema(responses={200: ImporterSerializer(many=True), **error_responses(401)}),
    retrieve=extend_schema(responses={200: ImporterSerializer, **error_responses(401, 404)}),
)
class ImporterViewSet(viewsets.ReadOnlyModelViewSet):
    """Importer accounts the signed-in user may see (DESIGN.md §1)."""

    serializer_class = ImporterSerializer
    filter_backends = []

    def get_queryset(self):
        user = self.request.user
        return access.importers.with_admin_flag(
            user, access.importers.visible(user).order_by("name", "id")
        )
