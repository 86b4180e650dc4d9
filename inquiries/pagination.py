"""Keyset (cursor) paging of inquiry lists in the queue order or newest first (DESIGN.md §5, §12).

A cursor holds the sort key of the row it starts after (or before, going back), so each
page is one indexed range scan with no OFFSET and no count, whatever the page number.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import F, Q

# Row-value comparison `(a, b, c) > (x, y, z)`: one indexable condition on PostgreSQL.
# Django 5.2 keeps these lookups in a private module (they back composite primary keys).
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.dateparse import parse_datetime
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .models import queue_due

QUEUE = "queue"
NEWEST = "newest"
ORDERINGS = (QUEUE, NEWEST)
NEXT, PREVIOUS = "n", "p"


@dataclass(frozen=True)
class Cursor:
    direction: str
    ordering: str
    due: date | None
    rank: int
    submitted_at: datetime
    id: int


# The queue order's key with due's NULL (no clock) as the latest possible date: the same
# order as `due ASC NULLS LAST, rank, submitted_at, id`, but one row value, so "after the
# cursor" is a single row comparison that PostgreSQL uses as the start of an index range
# (indexes inquiry_center_queue_key and inquiry_queue_key), where `(...) > (...) OR due IS
# NULL` was a filter applied to every row from the start of the queue.
NO_DUE = date.max


def _queue_key():
    return Tuple(queue_due(), F("service_level_rank"), F("submitted_at"), F("id"))


def _queue_values(c: Cursor) -> tuple:
    return (c.due or NO_DUE, c.rank, c.submitted_at, c.id)


def _after_queue(c: Cursor) -> Q:
    return Q(TupleGreaterThan(_queue_key(), _queue_values(c)))


def _before_queue(c: Cursor) -> Q:
    return Q(TupleLessThan(_queue_key(), _queue_values(c)))


def _newest_key():
    return Tuple(F("submitted_at"), F("id"))


def keyset_filter(cursor: Cursor) -> Q:
    """Rows strictly beyond the cursor in its direction and order."""
    if cursor.ordering == QUEUE:
        return _after_queue(cursor) if cursor.direction == NEXT else _before_queue(cursor)
    values = (cursor.submitted_at, cursor.id)
    if cursor.direction == NEXT:
        return Q(TupleLessThan(_newest_key(), values))
    return Q(TupleGreaterThan(_newest_key(), values))


def order_by(queryset, ordering: str, *, reverse: bool = False):
    """Apply the queue order or newest first, or their exact reverse (for going back)."""
    if ordering == QUEUE:
        if reverse:
            return queryset.order_by(
                queue_due().desc(), "-service_level_rank", "-submitted_at", "-id"
            )
        return queryset.order_by(queue_due().asc(), "service_level_rank", "submitted_at", "id")
    if reverse:
        return queryset.order_by("submitted_at", "id")
    return queryset.newest_first()


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps(
        [
            cursor.direction,
            cursor.ordering,
            cursor.due.isoformat() if cursor.due else None,
            cursor.rank,
            cursor.submitted_at.isoformat(),
            cursor.id,
        ],
        separators=(",", ":"),
    )
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(value: str) -> Cursor:
    """Read a cursor made by `encode_cursor`; anything else is a ValueError."""
    try:
        padded = value + "=" * (-len(value) % 4)
        direction, ordering, due, rank, submitted, pk = json.loads(
            base64.urlsafe_b64decode(padded.encode())
        )
    except (binascii.Error, UnicodeError, ValueError, TypeError) as exc:
        raise ValueError("bad cursor") from exc
    submitted_at = parse_datetime(submitted) if isinstance(submitted, str) else None
    if (
        direction not in (NEXT, PREVIOUS)
        or ordering not in ORDERINGS
        or submitted_at is None
        or submitted_at.tzinfo is None
        or type(rank) is not int
        or type(pk) is not int
        or not 0 <= rank < 2**15
        or not 0 < pk < 2**63
        or not (due is None or isinstance(due, str))
    ):
        raise ValueError("bad cursor")
    return Cursor(
        direction, ordering, date.fromisoformat(due) if due else None, rank, submitted_at, pk
    )


@dataclass(frozen=True)
class KeysetPage:
    """One page of rows and the cursors of its neighbours (None where there is none)."""

    rows: list
    next_cursor: str | None
    previous_cursor: str | None
    # True when the cursor points past the last row: "previous" goes back to the first page.
    past_end: bool = False


def _row_cursor(row, direction: str, ordering: str) -> str:
    """The cursor of a row: a model instance, or a dict of `.values()` with the key's fields."""
    if isinstance(row, dict):
        key = (row["due"], row["service_level_rank"], row["submitted_at"], row["id"])
    else:
        key = (row.due, row.service_level_rank, row.submitted_at, row.pk)
    return encode_cursor(Cursor(direction, ordering, *key))


def keyset_page(queryset, *, ordering: str, cursor: Cursor | None, size: int) -> KeysetPage:
    """Fetch one page after (or before) `cursor` in `ordering`: one query, no count."""
    backwards = cursor is not None and cursor.direction == PREVIOUS
    if cursor is not None:
        queryset = queryset.filter(keyset_filter(cursor))
    rows = list(order_by(queryset, ordering, reverse=backwards)[: size + 1])
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
        has_next, has_previous = True, more
    else:
        has_next, has_previous = more, cursor is not None
    next_cursor = _row_cursor(rows[-1], NEXT, ordering) if has_next and rows else None
    previous_cursor = _row_cursor(rows[0], PREVIOUS, ordering) if has_previous and rows else None
    return KeysetPage(rows, next_cursor, previous_cursor, past_end=has_previous and not rows)


class InquiryCursorPagination(BasePagination):
    """{"next", "previous", "results"}: 50 a page (`page_size` up to 200), no count query."""

    page_size = 50
    max_page_size = 200
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"

    def get_ordering(self, request) -> str:
        value = request.query_params.get(self.ordering_query_param) or QUEUE
        if value not in ORDERINGS:
            raise ValidationError(
                {self.ordering_query_param: [f"Choose one of: {', '.join(ORDERINGS)}."]}
            )
        return value

    def get_page_size(self, request) -> int:
        try:
            size = int(request.query_params.get(self.page_size_query_param, self.page_size))
        except (TypeError, ValueError):
            return self.page_size
        return min(max(size, 1), self.max_page_size)

    def get_cursor(self, request, ordering: str) -> Cursor | None:
        value = request.query_params.get(self.cursor_query_param)
        if not value:
            return None
        try:
            cursor = decode_cursor(value)
        except ValueError:
            cursor = None
        if cursor is None or cursor.ordering != ordering:
            raise ValidationError({self.cursor_query_param: ["This cursor is not valid here."]})
        return cursor

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.ordering = self.get_ordering(request)
        size = self.get_page_size(request)
        cursor = self.get_cursor(request, self.ordering)
        self.page = keyset_page(queryset, ordering=self.ordering, cursor=cursor, size=size)
        return self.page.rows

    def _link(self, value: str) -> str:
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, value)

    def get_next_link(self) -> str | None:
        if self.page.next_cursor is None:
            return None
        return self._link(self.page.next_cursor)

    def get_previous_link(self) -> str | None:
        if self.page.past_end:
            # Past the end (e.g. rows removed meanwhile): back to the first page.
            return remove_query_param(self.request.build_absolute_uri(), self.cursor_query_param)
        if self.page.previous_cursor is None:
            return None
        return self._link(self.page.previous_cursor)

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The page cursor from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows a page, up to {self.max_page_size} (default "
                f"{self.page_size}).",
                "schema": {"type": "integer"},
            },
            {
                "name": self.ordering_query_param,
                "required": False,
                "in": "query",
                "description": "`queue` (due, service level, submitted; the default) or `newest`.",
                "schema": {"type": "string", "enum": list(ORDERINGS)},
            },
        ]
