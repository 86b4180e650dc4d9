"""Import an entry batch file (CSV or JSON) the way the ACE feed's API batches are imported."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from entries.batch import (
    MAX_BATCH_BYTES,
    MAX_BATCH_ROWS,
    BatchRejected,
    BatchTooLarge,
    parse_csv,
    parse_json,
)
from entries.services import import_entry_batch

PARSERS = {"csv": parse_csv, "json": parse_json}


class Command(BaseCommand):
    help = (
        'Import an entry batch (one CSV row per entry line, or JSON {"entries": [...]}). '
        "A batch with any bad row writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the batch file.")
        parser.add_argument(
            "--format",
            choices=sorted(PARSERS),
            help="Batch format; by default taken from the file extension.",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        batch_format = options["format"] or path.suffix.lower().lstrip(".")
        if batch_format not in PARSERS:
            raise CommandError(
                f"Cannot tell the format of {path.name}: name it .csv or .json, "
                "or pass --format csv|json."
            )
        try:
            # One byte over the limit is enough for the parser to refuse the batch.
            with path.open("rb") as handle:
                content = handle.read(MAX_BATCH_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}.") from exc
        try:
            records, errors = PARSERS[batch_format](content)
            result = import_entry_batch(records, errors)
        except BatchTooLarge:
            raise CommandError(self._too_large()) from None
        except BatchRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"row {error.row}, field {error.field}: {error.message}")
            raise CommandError(
                f"Batch rejected: {len(exc.errors)} error(s); nothing was imported."
            ) from None
        self.stdout.write(f"created {result.created}, updated {result.updated}")

    @staticmethod
    def _too_large() -> str:
        return (
            f"The batch is too large: at most {MAX_BATCH_BYTES // (1024 * 1024)} MB and "
            f"{MAX_BATCH_ROWS:,} rows a batch. Split it and import each part."
        )
