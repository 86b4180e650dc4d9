"""Run every nightly job for a date synchronously: the code beat schedules."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from reports import nightly


class Command(BaseCommand):
    help = "Run the nightly jobs (Center assignment, clock refresh, reports) for a date."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=date.fromisoformat, help="Report date YYYY-MM-DD (default: yesterday)."
        )

    def handle(self, *args, **options):
        day = options["date"] or nightly.last_complete_day()
        outcome = nightly.run_all(day)
        failed = []
        for name, result in outcome.items():
            if isinstance(result, Exception):
                failed.append(name)
                self.stderr.write(f"{name}: failed: {result}")
            else:
                self.stdout.write(f"{name}: {getattr(result, 'rows', result)}")
        if failed:
            raise CommandError(f"nightly jobs failed for {day}: {', '.join(failed)}")
        self.stdout.write(self.style.SUCCESS(f"Nightly jobs done for {day}."))
