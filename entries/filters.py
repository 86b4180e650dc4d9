"""Query filters of the entry list."""

import django_filters
from django import forms

from .models import Entry, LiquidationStatus

MAX_ID = 2**31 - 1


class IdFilter(django_filters.NumberFilter):
    """A row id: a whole number in the database's range (anything else is a 400)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class EntryFilter(django_filters.FilterSet):
    importer = IdFilter(field_name="importer_id")
    liquidation_status = django_filters.ChoiceFilter(choices=LiquidationStatus.choices)
    liquidated_after = django_filters.DateFilter(
        field_name="liquidation_date",
        lookup_expr="gt",
        label="Liquidated after this date (YYYY-MM-DD, exclusive).",
    )

    class Meta:
        model = Entry
        fields = ["importer", "liquidation_status", "liquidated_after"]
