"""Streaming rows into PostgreSQL with COPY: the bulk path of the load generator.

Rows are formatted in COPY's text format in this process while a writer thread, on a
connection of its own, sends the previous batch: generation and the server's work overlap.
"""

import io
import json
import queue
import threading
from datetime import date, datetime

import psycopg2
from django.db import connection

NULL = r"\N"


def text(value) -> str:
    """One value in COPY's text format (tab-separated, \\N for NULL, backslash escapes)."""
    if value is None:
        return NULL
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
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


class CopyTable:
    """Rows for one model's table; `add` escapes every value, `add_line` takes a safe line."""

    def __init__(self, model, columns: list[str]):
        quote = connection.ops.quote_name
        self.model = model
        self.statement = (
            f"COPY {quote(model._meta.db_table)} "
            f"({', '.join(quote(c) for c in columns)}) FROM STDIN"
        )
        self.lines: list[str] = []
        self.written = 0

    @property
    def pending(self) -> int:
        return len(self.lines)

    def add(self, *values) -> None:
        self.lines.append("\t".join(map(text, values)))

    def add_line(self, line: str) -> None:
        """A row already in COPY text format (the caller knows it holds no tab or newline)."""
        self.lines.append(line)

    def take(self) -> tuple[str, str]:
        data = "\n".join(self.lines) + "\n"
        self.written += len(self.lines)
        self.lines = []
        return self.statement, data


COPY_CHUNK = 1 << 20


class CopyWriter:
    """A thread that runs each batch of COPY statements in one transaction, in order."""

    def __init__(self):
        self.connection = psycopg2.connect(**connection.get_connection_params())
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue
            try:
                with self.connection, self.connection.cursor() as cursor:
                    for statement, data in batch:
                        # Read in 1 MB chunks, not psycopg2's default 8 KB: each chunk
                        # takes the GIL from the thread formatting the next batch.
                        cursor.copy_expert(statement, io.StringIO(data), size=COPY_CHUNK)
            except BaseException as exc:  # reported to the generating thread
                self.error = exc

    def send(self, tables) -> None:
        self._check()
        batch = [table.take() for table in tables if table.pending]
        if batch:
            self.queue.put(batch)

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        self.connection.close()
        self._check()

    def _check(self) -> None:
        if self.error is not None:
            raise self.error


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
