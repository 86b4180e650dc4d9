"""Query filters of the inquiry list (the queue)."""

import django_filters
from django.db.models import Q
from django.utils import timezone

from entries.filters import IdFilter

from .models import Inquiry
from .types import InquiryType
from .workflow import OPEN_STATES, Status


class InquiryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    type = django_filters.ChoiceFilter(choices=InquiryType.choices)
    center = django_filters.CharFilter(field_name="center_id", max_length=4,
                                       label="Center code.")
    importer = IdFilter(field_name="importer_id")
    assignee = IdFilter(field_name="assignee_id")
    overdue = django_filters.BooleanFilter(method="filter_overdue",
                                           label="Open and due before today.")
    # `risk_segment` joins these filters once the nightly account risk report stores
    # segments per importer.

    class Meta:
        model = Inquiry
        fields = ["status", "type", "center", "importer", "assignee", "overdue"]

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status__in=OPEN_STATES, due__lt=timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)
