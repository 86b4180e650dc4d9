"""Query filters of the inquiry list (the queue)."""

import functools

import django_filters
from django.db.models import Q
from django.utils import timezone

import access
from accounts.models import RiskSegment
from entries.filters import IdFilter

from .models import Inquiry
from .types import InquiryType
from .workflow import OPEN_STATES, Status


@functools.cache
def _form_class(filterset_class):
    fields = {name: filter_.field for name, filter_ in filterset_class.base_filters.items()}
    return type(f"{filterset_class.__name__}Form", (filterset_class._meta.form,), fields)


class InquiryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=Status.choices)
    type = django_filters.ChoiceFilter(choices=InquiryType.choices)
    center = django_filters.CharFilter(field_name="center_id", max_length=4, label="Center code.")
    importer = IdFilter(field_name="importer_id")
    assignee = IdFilter(field_name="assignee_id")
    overdue = django_filters.BooleanFilter(
        method="filter_overdue", label="Open and due before today."
    )
    risk_segment = django_filters.ChoiceFilter(
        choices=RiskSegment.choices,
        method="filter_risk_segment",
        label="The importer's account risk segment (applied for CBP roles only).",
    )

    class Meta:
        model = Inquiry
        fields = ["status", "type", "center", "importer", "assignee", "overdue", "risk_segment"]

    def get_form_class(self):
        # The form's fields depend on no request: its class is built once, not per request
        # (each form still copies the fields it validates with).
        return _form_class(type(self))

    def filter_overdue(self, queryset, name, value):
        overdue = Q(status__in=OPEN_STATES, due__lt=timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)

    def filter_risk_segment(self, queryset, name, value):
        # Trade users may not learn their segment by filtering: ignored for them.
        if not value or not access.importers.sees_risk_segment(self.request.user):
            return queryset
        return queryset.filter(importer__risk_segment=value)
