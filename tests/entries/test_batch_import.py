from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from entries import batch
from entries.batch import BatchRejected, BatchTooLarge, parse_csv, parse_json
from entries.models import Entry, EntryLine, LiquidationStatus
from tests.entries.batches import (
    PARSERS,
    encode,
    entry,
    import_batch,
    import_content,
    line,
    to_csv,
    to_json,
    with_changes,
)
from tests.factories import EntryFactory, ImporterFactory, entry_number

pytestmark = pytest.mark.django_db

FORMATS = ["csv", "json"]
PHARMA_HTS = "3004909290"  # PHC
COMPUTER_HTS = "8471300100"  # EL (heading 8471 in chapter 84)
SHIRT_HTS = "6109100010"  # AFT


@pytest.fixture
def importer():
    return ImporterFactory(ior_number="12-345678900")


def _two_entries(ior: str) -> list[dict]:
    return [
        entry(
            "ABC-1234567-6",
            ior,
            lines=[
                line(1, PHARMA_HTS, value="1000.00", duty="50.00"),
                line(
                    2,
                    COMPUTER_HTS,
                    additional_hts=["9903880300"],
                    value="2500.50",
                    duty="0.00",
                    country_of_origin="CN",
                ),
            ],
        ),
        entry(
            entry_number(7),
            ior,
            entry_type="11",
            port="2709",
            lines=[line(1, "6109.10.0010", value="10", duty="1.5")],
        ),
    ]


def _rejected(batch_format, entries) -> list[tuple[int, str]]:
    with pytest.raises(BatchRejected) as exc_info:
        import_batch(batch_format, entries)
    return [(error.row, error.field) for error in exc_info.value.errors]


def _rejected_json(entries) -> list[tuple[int, str]]:
    with pytest.raises(BatchRejected) as exc_info:
        import_content("json", to_json(entries))
    return [(error.row, error.field) for error in exc_info.value.errors]


def _snapshot():
    return (
        list(Entry.objects.order_by("pk").values()),
        list(EntryLine.objects.order_by("pk").values()),
    )


# --- Good batches -----------------------------------------------------------------------


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_good_batch_creates_its_entries_and_lines(batch_format, importer):
    result = import_batch(batch_format, _two_entries(importer.ior_number))

    assert (result.created, result.updated) == (2, 0)
    first = Entry.objects.get(entry_number="ABC12345676")
    assert first.importer == importer
    assert first.port_id == "1001"
    assert first.entry_date == date(2026, 3, 2)
    assert first.liquidation_status == LiquidationStatus.UNLIQUIDATED
    assert first.liquidation_date is None
    assert (first.total_value, first.total_duty) == (Decimal("3500.50"), Decimal("50.00"))
    assert first.principal_hts == COMPUTER_HTS  # the line of largest value
    assert first.principal_center_id == "EL"
    lines = list(
        first.lines.order_by("line_number").values_list(
            "line_number", "hts", "additional_hts", "country_of_origin", "value", "center"
        )
    )
    assert lines == [
        (1, PHARMA_HTS, [], "IE", Decimal("1000.00"), "PHC"),
        (2, COMPUTER_HTS, ["9903880300"], "CN", Decimal("2500.50"), "EL"),
    ]
    second = Entry.objects.get(entry_number=entry_number(7))
    assert (second.entry_type, second.port_id, second.principal_center_id) == ("11", "2709", "AFT")
    assert second.lines.get().hts == SHIRT_HTS  # stored canonical from the display form
    assert (second.total_value, second.total_duty) == (Decimal("10.00"), Decimal("1.50"))


@pytest.mark.parametrize("batch_format", FORMATS)
def test_reimporting_an_entry_updates_it_and_replaces_its_lines(batch_format, importer):
    entries = _two_entries(importer.ior_number)
    import_batch(batch_format, entries)
    first_id = Entry.objects.get(entry_number="ABC12345676").pk

    entries[0] = with_changes(
        entries[0],
        liquidation_status="liquidated",
        liquidation_date="2026-09-15",
    )
    entries[0]["lines"] = [line(3, SHIRT_HTS, value="4000.00", duty="400.00")]
    result = import_batch(batch_format, entries)

    assert (result.created, result.updated) == (0, 2)
    assert Entry.objects.count() == 2
    first = Entry.objects.get(entry_number="ABC12345676")
    assert first.pk == first_id
    assert first.liquidation_status == LiquidationStatus.LIQUIDATED
    assert first.liquidation_date == date(2026, 9, 15)
    assert list(first.lines.values_list("line_number", "hts")) == [(3, SHIRT_HTS)]
    assert (first.total_value, first.principal_hts, first.principal_center_id) == (
        Decimal("4000.00"),
        SHIRT_HTS,
        "AFT",
    )
    assert EntryLine.objects.count() == 2


@pytest.mark.parametrize("batch_format", FORMATS)
def test_reimporting_an_unchanged_batch_counts_every_entry_as_updated(batch_format, importer):
    entries = _two_entries(importer.ior_number)
    import_batch(batch_format, entries)
    before = EntryLine.objects.count()
    result = import_batch(batch_format, entries)
    assert (result.created, result.updated) == (0, 2)
    assert Entry.objects.count() == 2
    assert EntryLine.objects.count() == before


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_batch_of_new_and_known_entries_counts_each(batch_format, importer):
    known, new = _two_entries(importer.ior_number)
    import_batch(batch_format, [known])
    result = import_batch(batch_format, [known, new])
    assert (result.created, result.updated) == (1, 1)


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_liquidated_entry_with_its_date_is_imported(batch_format, importer):
    data = entry(
        "ABC-1234567-6",
        importer.ior_number,
        liquidation_status="liquidated",
        liquidation_date="2026-08-01",
    )
    import_batch(batch_format, [data])
    assert Entry.objects.get().protest_window_ends == date(2027, 1, 28)


def test_csv_rows_of_one_entry_become_its_lines(importer):
    content = to_csv(_two_entries(importer.ior_number))
    assert content.count(b"ABC-1234567-6") == 2
    records, errors = parse_csv(content)
    assert errors == []
    assert [len(record.lines) for record in records] == [2, 1]


def test_a_csv_batch_saved_with_a_byte_order_mark_is_read(importer):
    content = b"\xef\xbb\xbf" + to_csv(_two_entries(importer.ior_number))
    assert import_content("csv", content).created == 2


# --- Bad rows: the whole batch is refused and nothing is written -------------------------

BAD_ROWS = [
    ({"entry_number": "ABC-1234567-5"}, "entry_number"),  # wrong check digit
    ({"entry_number": "000-1234567-0"}, "entry_number"),
    ({"importer_ior": "98-765432100"}, "importer_ior"),  # no such importer
    ({"entry_type": "99"}, "entry_type"),
    ({"port": "9999"}, "port"),
    ({"entry_date": "2026-02-30"}, "entry_date"),
    ({"entry_date": "03/02/2026"}, "entry_date"),
    ({"entry_date": ""}, "entry_date"),
    ({"release_date": "tomorrow"}, "release_date"),
    ({"liquidation_status": "closed"}, "liquidation_status"),
    ({"liquidation_status": "liquidated", "liquidation_date": None}, "liquidation_date"),
    ({"liquidation_date": "2026-09-15"}, "liquidation_date"),  # while unliquidated
    (
        {"liquidation_status": "liquidated", "liquidation_date": "2026-01-01"},
        "liquidation_date",
    ),  # before the entry date
    ({"hts": "9903880300"}, "hts"),  # only a chapter 98/99 number
    ({"hts": "9801001000", "additional_hts": ["9903880300"]}, "hts"),
    ({"hts": "84713001"}, "hts"),
    ({"hts": "0000000000"}, "hts"),
    ({"additional_hts": ["8471300100"]}, "additional_hts"),
    ({"country_of_origin": "XX"}, "country_of_origin"),
    ({"country_of_origin": "USA"}, "country_of_origin"),
    ({"country_of_origin": ""}, "country_of_origin"),
    ({"value": "12.345"}, "value"),
    ({"value": "-1.00"}, "value"),
    ({"duty": "abc"}, "duty"),
    ({"line_number": "0"}, "line_number"),
]


@pytest.mark.parametrize("batch_format", FORMATS)
@pytest.mark.parametrize(
    ("changes", "field"),
    BAD_ROWS,
    ids=[f"{field}={list(changes.values())}" for changes, field in BAD_ROWS],
)
def test_one_bad_row_rejects_the_batch_naming_row_and_field_and_writes_nothing(
    batch_format, changes, field, importer
):
    known, good = _two_entries(importer.ior_number)
    known["lines"] = known["lines"][:1]  # one row per entry: CSV row = JSON position
    import_batch(batch_format, [known])
    before = _snapshot()

    changed_known = with_changes(known, release_date="2026-03-10", value="9.99")
    bad = with_changes(entry(entry_number(8), importer.ior_number), **changes)
    errors = _rejected(batch_format, [changed_known, good, bad])

    assert errors == [(3, field)]
    assert _snapshot() == before


@pytest.mark.parametrize("batch_format", FORMATS)
def test_every_bad_row_is_reported_in_row_order(batch_format, importer):
    entries = [
        entry(entry_number(1), importer.ior_number, port="0000"),
        entry(entry_number(2), importer.ior_number),
        entry(entry_number(3), importer.ior_number, lines=[line(country_of_origin="ZZ")]),
    ]
    assert _rejected(batch_format, entries) == [(1, "port"), (3, "country_of_origin")]
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("batch_format", FORMATS)
def test_an_entry_number_of_another_importer_is_a_row_error(batch_format, importer):
    owner = ImporterFactory()
    theirs = EntryFactory(entry_number="ABC12345676", importer=owner)
    before = _snapshot()
    entries = [
        entry(entry_number(2), importer.ior_number),
        entry("ABC-1234567-6", importer.ior_number),
    ]
    with pytest.raises(BatchRejected) as exc_info:
        import_batch(batch_format, entries)
    (error,) = exc_info.value.errors
    assert (error.row, error.field) == (2, "entry_number")
    assert "another importer" in error.message
    assert _snapshot() == before
    theirs.refresh_from_db()
    assert theirs.importer == owner


def test_bad_row_errors_carry_a_readable_message(importer):
    bad = entry(entry_number(1), importer.ior_number, lines=[line(country_of_origin="XX")])
    with pytest.raises(BatchRejected) as exc_info:
        import_batch("csv", [bad])
    (error,) = exc_info.value.errors
    assert error.as_dict() == {
        "row": 1,
        "field": "country_of_origin",
        "message": "'XX' is not an ISO 3166-1 alpha-2 country code.",
    }


def test_a_non_numeric_amount_is_explained_in_plain_words(importer):
    bad = entry(entry_number(1), importer.ior_number, lines=[line(duty="abc")])
    with pytest.raises(BatchRejected) as exc_info:
        import_batch("csv", [bad])
    assert "abc" in exc_info.value.errors[0].message


# --- CSV structure ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        batch.CSV_HEADER[:-1],  # a column missing
        [*batch.CSV_HEADER, "extra"],
        batch.CSV_HEADER[1:2] + batch.CSV_HEADER[:1] + batch.CSV_HEADER[2:],  # reordered
        [name.upper() for name in batch.CSV_HEADER],
    ],
    ids=["missing", "extra", "reordered", "uppercase"],
)
def test_a_csv_batch_with_a_wrong_header_is_refused(header, importer):
    content = to_csv([entry(entry_number(1), importer.ior_number)], header=header)
    with pytest.raises(BatchRejected) as exc_info:
        import_content("csv", content)
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(0, "header")]
    assert Entry.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "field"),
    [(b"", "header"), (b"\xff\xfe\x00", "file"), (to_csv([]), "file")],
    ids=["empty", "not-utf8", "header-only"],
)
def test_a_csv_batch_without_rows_is_refused(content, field):
    with pytest.raises(BatchRejected) as exc_info:
        import_content("csv", content)
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(0, field)]


def test_a_csv_row_with_a_wrong_column_count_is_refused(importer):
    content = to_csv([entry(entry_number(1), importer.ior_number)]) + b"a,b,c\n"
    with pytest.raises(BatchRejected) as exc_info:
        import_content("csv", content)
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(2, "row")]


def test_csv_rows_of_one_entry_must_agree_on_the_entry_fields(importer):
    data = entry(entry_number(1), importer.ior_number, lines=[line(1), line(2)])
    content = to_csv([data]).replace(b"1001,2026-03-02", b"2709,2026-03-02", 1)
    lines = content.decode().splitlines()
    assert lines[1].split(",")[3] == "2709" and lines[2].split(",")[3] == "1001"
    with pytest.raises(BatchRejected) as exc_info:
        import_content("csv", content)
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(2, "port")]


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_line_number_twice_in_one_entry_is_refused(batch_format, importer):
    data = entry(entry_number(1), importer.ior_number, lines=[line(1), line(1)])
    assert _rejected(batch_format, [data]) == [(1 if batch_format == "json" else 2, "line_number")]


# --- JSON structure ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "row", "field"),
    [
        (b"{not json", 0, "body"),
        (b"[]", 0, "entries"),
        (b'{"entries": []}', 0, "entries"),
        (b'{"entries": ["ABC-1234567-6"]}', 1, "entry"),
    ],
)
def test_a_json_batch_of_the_wrong_shape_is_refused(content, row, field):
    with pytest.raises(BatchRejected) as exc_info:
        import_content("json", content)
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(row, field)]


@pytest.mark.parametrize(
    ("lines", "field"),
    [([], "lines"), (None, "lines"), (["a line"], "lines")],
)
def test_a_json_entry_needs_line_objects(lines, field, importer):
    data = entry(entry_number(1), importer.ior_number)
    data["lines"] = lines
    with pytest.raises(BatchRejected) as exc_info:
        import_content("json", to_json([data]))
    assert [(e.row, e.field) for e in exc_info.value.errors] == [(1, field)]


def test_json_additional_hts_must_be_a_list(importer):
    data = entry(entry_number(1), importer.ior_number, lines=[line(additional_hts=["9903880300"])])
    data["lines"][0]["additional_hts"] = "9903880300"
    assert _rejected_json([data]) == [(1, "additional_hts")]


def test_the_same_entry_twice_in_a_json_batch_is_refused(importer):
    data = entry(entry_number(1), importer.ior_number)
    assert _rejected_json([data, entry(entry_number(2), importer.ior_number), data]) == [
        (3, "entry_number")
    ]


def test_two_malformed_json_entry_numbers_are_each_reported_once(importer):
    entries = [entry("bad", importer.ior_number), entry("worse", importer.ior_number)]
    assert _rejected_json(entries) == [(1, "entry_number"), (2, "entry_number")]


def test_a_json_additional_hts_given_as_a_number_is_a_row_error(importer):
    data = entry(entry_number(1), importer.ior_number)
    data["lines"][0]["additional_hts"] = [9903880300]
    assert _rejected_json([data]) == [(1, "additional_hts")]


def test_json_lines_given_as_a_number_is_a_row_error(importer):
    data = entry(entry_number(1), importer.ior_number)
    data["lines"] = 5
    assert _rejected_json([data]) == [(1, "lines")]


# --- Limits -----------------------------------------------------------------------------


@pytest.mark.parametrize("parse", [parse_csv, parse_json])
def test_a_batch_over_10_mb_is_too_large(parse):
    with pytest.raises(BatchTooLarge):
        parse(b" " * (batch.MAX_BATCH_BYTES + 1))


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_batch_over_the_row_limit_is_too_large(batch_format, importer, monkeypatch):
    monkeypatch.setattr(batch, "MAX_BATCH_ROWS", 2)
    entries = [entry(entry_number(n), importer.ior_number) for n in range(1, 4)]
    with pytest.raises(BatchTooLarge):
        import_batch(batch_format, entries)
    monkeypatch.setattr(batch, "MAX_BATCH_ROWS", 3)
    assert import_batch(batch_format, entries).created == 3


# --- Dates (DESIGN.md §4) ---------------------------------------------------------------

TODAY = date(2026, 12, 3)  # the last date a batch may give is then 2027-12-04


def _date_errors(batch_format, **changes) -> list[tuple[str, str]]:
    data = with_changes(entry(entry_number(1), "12-345678900"), **changes)
    _records, errors = PARSERS[batch_format](encode(batch_format, [data]), today=TODAY)
    return [(error.field, error.message) for error in errors]


def _out_of_range(what: str, value: str) -> str:
    return f"The {what} {value} is not between 1990-01-01 and 2027-12-04."


BAD_DATES = [
    ({"entry_date": "9999-12-31"}, "entry_date", _out_of_range("entry date", "9999-12-31")),
    ({"entry_date": "1989-12-31"}, "entry_date", _out_of_range("entry date", "1989-12-31")),
    ({"release_date": "2027-12-05"}, "release_date", _out_of_range("release date", "2027-12-05")),
    (
        {"liquidation_status": "liquidated", "liquidation_date": "9999-12-31"},
        "liquidation_date",
        _out_of_range("liquidation date", "9999-12-31"),
    ),
    (
        {"liquidation_status": "liquidated", "liquidation_date": "2026-12-04"},
        "liquidation_date",
        "The liquidation date 2026-12-04 is after today, 2026-12-03. A liquidation posted for a "
        "later day is unliquidated until then: record the entry as unliquidated, without a "
        "liquidation date, until that day.",
    ),
    (
        {"liquidation_status": "liquidated", "liquidation_date": "2026-03-01"},
        "liquidation_date",
        "The liquidation date 2026-03-01 is before the entry date 2026-03-02.",
    ),
]


@pytest.mark.parametrize("batch_format", FORMATS)
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    BAD_DATES,
    ids=[f"{field}={list(changes.values())}" for changes, field, _message in BAD_DATES],
)
def test_a_date_out_of_range_or_order_is_a_row_error(batch_format, changes, field, message):
    assert _date_errors(batch_format, **changes) == [(field, message)]


@pytest.mark.parametrize("batch_format", FORMATS)
@pytest.mark.parametrize(
    "changes",
    [
        {"entry_date": "1990-01-01", "release_date": "1990-01-01"},
        {"entry_date": "2027-12-04", "release_date": "2027-12-04"},
        {"liquidation_status": "liquidated", "liquidation_date": "2026-12-03"},
        {"liquidation_status": "extended", "liquidation_date": "2027-06-01"},
    ],
)
def test_dates_at_the_edges_of_the_range_are_accepted(batch_format, changes):
    assert _date_errors(batch_format, **changes) == []


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_far_future_entry_date_rejects_the_batch_and_writes_nothing(batch_format, importer):
    before = _snapshot()
    bad = entry(
        entry_number(9), importer.ior_number, entry_date="9999-12-31", release_date="9999-12-31"
    )
    assert _rejected(batch_format, [bad]) == [(1, "entry_date"), (1, "release_date")]
    assert _snapshot() == before


@pytest.mark.parametrize("batch_format", FORMATS)
def test_a_liquidation_posted_for_tomorrow_is_refused_against_the_portal_s_today(
    batch_format, importer
):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    bad = entry(
        entry_number(9),
        importer.ior_number,
        entry_date="2026-01-05",
        liquidation_status="liquidated",
        liquidation_date=tomorrow,
    )
    assert _rejected(batch_format, [bad]) == [(1, "liquidation_date")]
    assert not Entry.objects.exists()
