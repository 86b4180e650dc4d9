import csv
from pathlib import Path

import pytest
from django.conf import settings

from centers.coverage import center_for_hts
from centers.models import Center

CENTERS_CSV = Path(settings.BASE_DIR) / "centers" / "data" / "centers.csv"


def _listed_prefixes() -> dict[str, list[str]]:
    """{Center code: its HTS prefixes}, read straight from centers.csv."""
    with CENTERS_CSV.open(newline="", encoding="utf-8") as handle:
        return {row["code"]: row["hts_prefixes"].split() for row in csv.DictReader(handle)}


LISTED = _listed_prefixes()
PREFIX_CENTER = [(prefix, code) for code, prefixes in LISTED.items() for prefix in prefixes]


def test_centers_csv_lists_ten_centers_and_no_prefix_twice():
    assert len(LISTED) == 10
    prefixes = [prefix for prefix, _code in PREFIX_CENTER]
    assert len(prefixes) == len(set(prefixes))
    assert all(prefix.isdigit() and len(prefix) in (2, 4, 6) for prefix in prefixes)


@pytest.mark.parametrize("chapter", range(1, 98))
def test_every_chapter_01_to_97_maps_to_exactly_one_center(chapter):
    prefix = f"{chapter:02d}"
    listing = [code for code, prefixes in LISTED.items() if prefix in prefixes]
    assert len(listing) == 1, f"chapter {prefix} is listed by {listing}"
    assert center_for_hts(f"{prefix}00000000") == listing[0]


@pytest.mark.parametrize(("prefix", "code"), PREFIX_CENTER)
def test_every_listed_prefix_maps_to_its_listed_center(prefix, code):
    assert center_for_hts(prefix.ljust(10, "0")) == code


@pytest.mark.parametrize(
    ("hts", "code"),
    [
        ("8471300000", "EL"),  # heading 8471 of chapter 84 (MA)
        ("8471300100", "EL"),
        ("8703230000", "AA"),  # heading 8703 of chapter 87 (AA as well)
        ("8712000000", "CPMM"),  # heading 8712 of chapter 87 (AA)
        ("9018900000", "PHC"),  # heading 9018 of chapter 90 (EL)
        ("9017100000", "EL"),
        ("8500000000", "EL"),
        ("8501100000", "MA"),  # heading 8501 of chapter 85 (EL)
        ("8511100000", "AA"),
        ("8443320000", "EL"),
        ("8429510000", "MA"),
        ("4203100000", "AFT"),  # heading 4203 of chapter 42 (CPMM)
        ("4202110000", "CPMM"),
        ("3004909290", "PHC"),
        ("8471", "EL"),  # a heading alone, as an inquiry may name it
        ("84", "MA"),
    ],
)
def test_the_longest_matching_prefix_wins(hts, code):
    assert center_for_hts(hts) == code


@pytest.mark.parametrize("hts", ["9801001000", "9802004000", "9903880300", "9999999999", ""])
def test_chapters_98_and_99_never_decide_a_center(hts):
    assert center_for_hts(hts) is None


@pytest.mark.django_db
def test_centers_in_the_database_carry_the_prefixes_of_the_csv():
    stored = dict(Center.objects.values_list("code", "hts_prefixes"))
    assert stored == LISTED
