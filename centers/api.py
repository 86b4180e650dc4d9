"""Public API of the Centers."""

from rest_framework import viewsets
from rest_framework.permissions import AllowAny

from .models import Center
from .serializers import CenterSerializer


class CenterViewSet(viewsets.ReadOnlyModelViewSet):
    """The ten Centers and the HTS prefixes each covers; public, paged like every list."""

    queryset = Center.objects.order_by("code")
    serializer_class = CenterSerializer
    permission_classes = [AllowAny]
    lookup_field = "code"
