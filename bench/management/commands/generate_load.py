"""Generate deterministic synthetic load data for the benchmark (docs/performance.md).

A command of the `bench` app, which only `bench.settings` installs:
`DJANGO_SETTINGS_MODULE=bench.settings manage.py generate_load --scale N`.
"""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from bench import loadgen


class Command(BaseCommand):
    help = (
        "Generate synthetic importers, entries, inquiries and their history on PostgreSQL. "
        "Scale 1 = 1,000 importers, 100,000 entries (~500,000 lines), 100,000 inquiries. "
        "Refuses a database that already holds generated data unless --reset, which "
        "TRUNCATEs every importer, entry and inquiry first (benchmark databases only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Size relative to scale 1 (fractions allowed, e.g. 0.05).",
        )
        parser.add_argument("--seed", type=int, default=7, help="Seed of the random generator.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the importer, entry and inquiry tables first.",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="Password of every generated user (default: DEMO_PASSWORD).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("generate_load writes with COPY: set DATABASE_URL to PostgreSQL.")
        if options["scale"] <= 0:
            raise CommandError("--scale must be above 0.")
        if loadgen.has_generated_data():
            if not options["reset"]:
                raise CommandError(
                    "This database already holds generated data; pass --reset "
                    "to replace it (it empties every importer, entry and "
                    "inquiry)."
                )
            self.stderr.write("Removing the previous data...")
            loadgen.reset()
        started = time.monotonic()
        counts = loadgen.generate(
            scale=options["scale"],
            seed=options["seed"],
            password=options["password"] or settings.DEMO_PASSWORD,
            progress=None if options["quiet"] else self._progress(started),
        )
        if not options["quiet"]:
            sys.stderr.write("\n")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{n:,} {name} rows" for name, n in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Generated in {elapsed:.0f} s: {summary}."))

    @staticmethod
    def _progress(started: float):
        def show(done: int, total: int) -> None:
            if done % max(1, total // 200) and done != total:
                return
            width = 40
            filled = width * done // total
            elapsed = time.monotonic() - started
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                f"importers, {elapsed:.0f} s"
            )
            sys.stderr.flush()

        return show
