"""Routing as a pure function on unsaved objects (DESIGN.md §5): Center, area and reason."""

import pytest

from accounts.models import Importer
from entries.models import Entry
from inquiries.routing import route
from tests.factories import entry_number


def importer(center_code=None) -> Importer:
    return Importer(name="Acme Imports Inc.", center_id=center_code)


def entry(principal_center=None, principal_hts="") -> Entry:
    return Entry(
        entry_number=entry_number(4321),
        principal_center_id=principal_center,
        principal_hts=principal_hts,
    )


@pytest.mark.parametrize(
    ("importer_center", "the_entry", "hts", "center", "reason_has"),
    [
        # (1) the importer's assigned Center wins over everything else
        (
            "PHC",
            entry("BM", "7208100000"),
            "8471",
            "PHC",
            [
                "Pharmaceuticals, Health & Chemicals",
                "(PHC)",
                "Acme Imports Inc.",
                "account-based processing",
            ],
        ),
        ("AG", None, "", "AG", ["(AG)", "Acme Imports Inc."]),
        # (2) no assigned Center: the entry's largest-value line
        (
            None,
            entry("BM", "7208100000"),
            "8471",
            "BM",
            ["Base Metals", "(BM)", "7208100000", "ABC-0004321"],
        ),
        # (3) only an HTS number: the longest covering prefix, 4 or 10 digits
        (None, None, "8471", "EL", ["(EL)", "HTS 8471"]),
        (None, None, "8471300100", "EL", ["Electronics", "HTS 8471300100"]),
        (None, None, "8501", "MA", ["Machinery", "(MA)"]),
        (None, None, "8433510000", "MA", ["(MA)"]),
        (None, None, "9018", "PHC", ["(PHC)"]),
        (None, None, "3004909290", "PHC", ["(PHC)"]),
        (None, entry(None, ""), "6109", "AFT", ["(AFT)", "HTS 6109"]),
        # (4) nothing to go on, or only a special chapter: the HQ triage queue
        (None, None, "", None, ["HQ triage queue"]),
        (None, entry(None, ""), "", None, ["HQ triage queue"]),
        (None, None, "9801", None, ["HQ triage queue"]),
    ],
)
def test_route_picks_the_center_and_says_why(importer_center, the_entry, hts, center, reason_has):
    decided = route(
        importer=importer(importer_center),
        entry=the_entry,
        hts=hts,
        functional_area="customer_service",
    )
    assert decided.center == center
    assert decided.functional_area == "customer_service"
    for fragment in reason_has:
        assert fragment in decided.reason


def test_route_reason_of_an_entry_names_its_display_number():
    decided = route(
        importer=importer(),
        entry=entry("EL", "8517620090"),
        hts="",
        functional_area="uniformity_policy",
    )
    assert decided.center == "EL"
    assert "entry ABC-0004321" in decided.reason
