"""Load the demo data of DESIGN.md §10: people, accounts, entries, inquiries, content."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings
from django.utils import timezone

from accounts.demo import PEOPLE, active_plan_count, seed
from accounts.models import Importer, User
from centers.models import Event, Publication, Ruling
from entries.models import Entry
from inquiries.models import Inquiry


@contextmanager
def _quiet(logger_name: str):
    """Hide a logger's info lines (one per eagerly delivered demo notification)."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(BaseCommand):
    help = (
        "Create or update the demo data (idempotent). Demo users share one published "
        "password, so it refuses to run with DEBUG off unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a portal holding real accounts).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo creates demo users who share a published password, so it runs only "
                "with DEBUG on (DJANGO_DEBUG=true). Pass --force to load the demo data anyway."
            )
        # Demo notifications land in the in-portal inbox; their e-mails go nowhere.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            _quiet("celery.app.trace"),
        ):
            report = seed(timezone.localdate())
        for note in report.notes:
            self.stdout.write(note)
        self._summary(report)
        self._sign_in_list()

    def _summary(self, report):
        for name, result in report.entries.items():
            self.stdout.write(
                f"Entries of {name}: {result.created} created, {result.updated} updated."
            )
        for name, filed in report.inquiries.items():
            self.stdout.write(
                f"Inquiries of {name}: "
                + (f"{filed} filed." if filed else "already there, left alone.")
            )
        counts = {
            "users": User.objects.count(),
            "importers": Importer.objects.count(),
            "entries": Entry.objects.count(),
            "inquiries": Inquiry.objects.count(),
            "rulings": Ruling.objects.count(),
            "publications": Publication.objects.count(),
            "events": Event.objects.count(),
        }
        plans = active_plan_count()
        if plans is not None:
            counts["active plans"] = plans
        self.stdout.write(
            "In the portal: " + ", ".join(f"{n} {k}" for k, n in counts.items()) + "."
        )

    def _sign_in_list(self):
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready. Sign in with password {settings.DEMO_PASSWORD!r} as:"
            )
        )
        width = max(len(name) for name in PEOPLE)
        for username, (first, last, _email, about) in PEOPLE.items():
            self.stdout.write(f"  {username:<{width}}  {first} {last}: {about}")
