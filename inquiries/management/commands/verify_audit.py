"""Verify every inquiry's hash-chained audit trail; exit non-zero when one is broken."""

from django.core.management.base import BaseCommand, CommandError

from inquiries.audit import broken_inquiries, chain_count


class Command(BaseCommand):
    help = "Verify the audit event chain of every inquiry (hashes, links and sequences)."

    def handle(self, *args, **options):
        broken = broken_inquiries()
        for link in broken:
            self.stderr.write(f"{link.reference}: event {link.sequence}: {link.problem}")
        if broken:
            raise CommandError(f"{len(broken)} audit chain(s) broken.")
        self.stdout.write(self.style.SUCCESS(f"{chain_count()} chains verified"))
