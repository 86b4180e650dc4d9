"""Streaming rows into PostgreSQL with COPY: the bulk path of the load generator."""

import io
import json
from datetime import date, datetime

from django.db import connection


def _text(value) -> str:
    """One value in COPY's text format (tab-separated, \\N for NULL, backslash escapes)."""
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    elif not isinstance(value, str):
        return str(value)
    return (value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


class CopyTable:
    """Rows for one model's table, sent with COPY each time `flush` is called."""

    def __init__(self, model, columns: list[str]):
        quote = connection.ops.quote_name
        self.model = model
        self.statement = (f"COPY {quote(model._meta.db_table)} "
                          f"({', '.join(quote(c) for c in columns)}) FROM STDIN")
        self.buffer = io.StringIO()
        self.pending = 0
        self.written = 0

    def add(self, *values) -> None:
        self.buffer.write("\t".join(map(_text, values)))
        self.buffer.write("\n")
        self.pending += 1

    def flush(self, cursor) -> None:
        if not self.pending:
            return
        self.buffer.seek(0)
        cursor.cursor.copy_expert(self.statement, self.buffer)
        self.written += self.pending
        self.buffer = io.StringIO()
        self.pending = 0


def next_ids(*models) -> dict:
    """The first free primary key of each model's table (the generator numbers its rows)."""
    quote = connection.ops.quote_name
    firsts = {}
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {quote(model._meta.db_table)}")  # noqa: S608
            firsts[model] = cursor.fetchone()[0]
    return firsts


def sync_sequences(*models) -> None:
    """Move each table's id sequence past the ids the generator wrote."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "  # noqa: S608
                f"(SELECT COALESCE(MAX(id), 1) FROM {quote(table)}))",
                [table],
            )
