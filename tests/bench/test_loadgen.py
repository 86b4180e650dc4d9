"""The load generator (bench.loadgen) and its command: proportions, valid numbers, unique
references, verified chains, the services' clocks and routing texts, one seed.

The `bench` app is not installed under the test settings (production's apps): the tests
call the generator's functions and run the command object itself.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

import access
from accounts.ior import normalize_ior_number
from accounts.models import Importer
from bench import loadgen
from bench.management.commands.generate_load import Command as GenerateLoad
from centers.coverage import center_for_hts
from centers.models import Center, CenterStaff, PartnerAgency, Port
from centers.reference import load_reference_data
from entries.formats import normalize_entry_number
from entries.models import Entry, EntryLine
from inquiries import audit, deadlines
from inquiries.models import Inquiry, InquiryEvent, ReferenceCounter
from inquiries.routing import center_label, sent_to_reason
from inquiries.workflow import OPEN_STATES

# serialized_rollback like every transactional test of the suite: their flushes then leave no
# recreated rows behind for the next one to collide with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NOW = datetime(2026, 3, 18, 15, 30, tzinfo=ZoneInfo("America/New_York"))
SCALE = 0.005  # 5 importers, 500 entries, 500 inquiries


@pytest.fixture(autouse=True)
def reference_data():
    """Centers, ports and agencies, which an earlier transactional test may have flushed."""
    load_reference_data(Center, Port, PartnerAgency)


def _generate(seed=7):
    return loadgen.generate(scale=SCALE, seed=seed, password="load-pass-2026", now=NOW)


def test_tiny_scale_has_the_proportions_of_scale_one():
    counts = _generate()
    assert Importer.objects.count() == 5
    assert Entry.objects.count() == 500
    assert Inquiry.objects.count() == 500
    lines = EntryLine.objects.count()
    assert 4 * 500 <= lines <= 6 * 500
    assert counts["line"] == lines
    sizes = sorted(
        Entry.objects.values("importer").annotate(n=Count("id")).values_list("n", flat=True)
    )
    assert sizes[-1] >= 3 * sizes[0]  # a few large importers, many small
    assert Inquiry.objects.values("type").distinct().count() >= 9
    assert Inquiry.objects.values("status").distinct().count() >= 7
    assert Inquiry.objects.values("service_level").distinct().count() >= 2
    assert InquiryEvent.objects.count() > Inquiry.objects.count()


def test_numbers_are_valid_and_references_unique():
    _generate()
    for number in Entry.objects.values_list("entry_number", flat=True):
        assert normalize_entry_number(number) == number
    for ior in Importer.objects.values_list("ior_number", flat=True):
        assert normalize_ior_number(ior) == ior
    references = list(Inquiry.objects.values_list("reference", flat=True))
    assert len(set(references)) == len(references)
    assert all(re.fullmatch(r"CEE-\d{4}-\d{6,}", ref) for ref in references)
    for year, last in ReferenceCounter.objects.values_list("year", "last"):
        numbers = [int(ref[-6:]) for ref in references if ref.startswith(f"CEE-{year}-")]
        assert max(numbers) <= last
    for hts, center in EntryLine.objects.values_list("hts", "center_id")[:2000]:
        assert len(hts) == 10 and 1 <= int(hts[:2]) <= 97
        assert center == center_for_hts(hts)


def test_audit_chains_verify():
    _generate()
    assert audit.broken_inquiries() == []
    assert audit.chain_count() == Inquiry.objects.count()
    call_command("verify_audit")
    versions = Inquiry.objects.annotate(n=Count("events")).values_list("version", "n")
    assert all(version == events for version, events in versions)


def test_rerouted_inquiries_read_as_a_reroute_by_the_first_center_leaves_them():
    # A few inquiries first reach the wrong Center, whose staff reroute them: the records
    # and events the reroute service writes, and the first Center still sees them.
    _generate()
    rerouted = list(Inquiry.objects.filter(routings__superseded=True).distinct())
    assert 3 <= len(rerouted) <= 0.05 * Inquiry.objects.count()
    for inquiry in rerouted:
        first, current = inquiry.routings.order_by("routed_at", "id")
        assert (first.superseded, current.superseded) == (True, False)
        assert first.center_id != inquiry.center_id == current.center_id
        reroute = inquiry.events.get(action="reroute")
        assert CenterStaff.objects.filter(user=reroute.actor, center=first.center).exists()
        assert current.routed_by == reroute.actor and current.routed_at == reroute.at
        assert inquiry.routing_reason.startswith("Sent to the ")
        assert inquiry.routing_reason == sent_to_reason(inquiry.center_id)
        # The first routing came from an HTS number of the wrong Center (routing.route).
        assert first.reason.startswith(
            f"Routed to {center_label(first.center_id)}, which covers HTS "
        )
        assert access.inquiries.visible(reroute.actor).filter(pk=inquiry.pk).exists()
    assert audit.broken_inquiries() == []


def test_stored_clocks_are_the_services_clocks():
    _generate()
    today = deadlines.local_date(NOW)
    for inquiry in Inquiry.objects.filter(status__in=OPEN_STATES).select_related("entry"):
        expected = inquiry.computed_clocks(today)
        stored = {name: getattr(inquiry, name) for name in expected}
        assert stored == expected, inquiry.reference
    for inquiry in Inquiry.objects.exclude(status__in=OPEN_STATES).select_related("entry")[:200]:
        last = inquiry.events.order_by("-sequence").first()
        expected = inquiry.computed_clocks(deadlines.local_date(last.at))
        assert inquiry.due is None
        assert inquiry.resolution_due == expected["resolution_due"], inquiry.reference


def test_same_seed_gives_the_same_data_and_another_seed_does_not():
    _generate(seed=7)
    first = loadgen.digest()
    loadgen.reset()
    _generate(seed=7)
    assert loadgen.digest() == first
    loadgen.reset()
    _generate(seed=8)
    assert loadgen.digest() != first


def test_the_command_refuses_a_database_with_generated_data_unless_reset():
    call_command(GenerateLoad(), scale=SCALE, quiet=True)
    with pytest.raises(CommandError, match="already holds generated data"):
        call_command(GenerateLoad(), scale=SCALE, quiet=True)
    call_command(GenerateLoad(), scale=SCALE, quiet=True, reset=True)
    assert Importer.objects.count() == 5
