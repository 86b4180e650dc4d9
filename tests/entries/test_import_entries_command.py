from io import StringIO

import pytest
from django.core.management import CommandError, ManagementUtility, call_command

from entries.batch import MAX_BATCH_BYTES
from entries.models import Entry
from tests.entries.batches import encode, entry, line
from tests.factories import ImporterFactory, entry_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def importer():
    return ImporterFactory(ior_number="123456-12345")


def _good(ior: str) -> list[dict]:
    return [entry(entry_number(1), ior), entry(entry_number(2), ior)]


def _run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_entries", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("batch_format", ["csv", "json"])
def test_the_command_imports_a_batch_file_chosen_by_its_extension(batch_format, importer, tmp_path):
    path = tmp_path / f"batch.{batch_format}"
    path.write_bytes(encode(batch_format, _good(importer.ior_number)))

    out, err = _run(str(path))

    assert out.strip() == "created 2, updated 0"
    assert err == ""
    assert Entry.objects.filter(importer=importer).count() == 2
    out, _err = _run(str(path))
    assert out.strip() == "created 0, updated 2"


@pytest.mark.parametrize("batch_format", ["csv", "json"])
def test_the_format_option_overrides_the_extension(batch_format, importer, tmp_path):
    path = tmp_path / "batch.txt"
    path.write_bytes(encode(batch_format, _good(importer.ior_number)))
    out, _err = _run(str(path), "--format", batch_format)
    assert out.strip() == "created 2, updated 0"


@pytest.mark.parametrize("batch_format", ["csv", "json"])
def test_a_rejected_batch_prints_every_error_and_writes_nothing(batch_format, importer, tmp_path):
    entries = [
        entry(entry_number(1), importer.ior_number, port="0000"),
        entry(entry_number(2), importer.ior_number),
        entry(
            entry_number(3),
            importer.ior_number,
            lines=[line(hts="9903880300", country_of_origin="XX")],
        ),
    ]
    path = tmp_path / f"batch.{batch_format}"
    path.write_bytes(encode(batch_format, entries))
    err = StringIO()
    with pytest.raises(CommandError) as exc_info:
        call_command("import_entries", str(path), stdout=StringIO(), stderr=err)

    printed = err.getvalue().splitlines()
    assert [text.split(":")[0] for text in printed] == [
        "row 1, field port",
        "row 3, field country_of_origin",
        "row 3, field hts",
    ]
    assert "'0000' is not a port of entry" in printed[0]
    assert "3 error(s)" in str(exc_info.value)
    assert "nothing was imported" in str(exc_info.value)
    assert Entry.objects.count() == 0


def test_a_failed_import_exits_with_a_non_zero_status(importer, tmp_path):
    path = tmp_path / "batch.csv"
    path.write_bytes(encode("csv", [entry("ABC-1234567-5", importer.ior_number)]))
    with pytest.raises(SystemExit) as exc_info:
        _main(path)
    assert exc_info.value.code != 0


def _main(path):
    """Run the command as `manage.py` does, where a CommandError becomes an exit status."""
    ManagementUtility(["manage.py", "import_entries", str(path)]).execute()


def test_a_batch_file_over_10_mb_is_refused_clearly(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_bytes(b"x" * (MAX_BATCH_BYTES + 1))
    with pytest.raises(CommandError, match="too large: at most 10 MB and 50,000 rows"):
        _run(str(path))


@pytest.mark.parametrize(
    ("name", "message"),
    [("batch.xlsx", "Cannot tell the format"), ("missing.csv", "Cannot read")],
)
def test_an_unknown_format_or_a_missing_file_is_refused(name, message, tmp_path):
    path = tmp_path / name
    if name.endswith(".xlsx"):
        path.write_bytes(b"PK")
    with pytest.raises(CommandError, match=message):
        _run(str(path))


@pytest.mark.parametrize("batch_format", ["csv", "json"])
def test_a_far_future_date_is_printed_as_a_row_error_and_nothing_is_imported(
    batch_format, importer, tmp_path
):
    path = tmp_path / f"batch.{batch_format}"
    path.write_bytes(
        encode(
            batch_format,
            [
                entry(
                    entry_number(1),
                    importer.ior_number,
                    liquidation_status="liquidated",
                    liquidation_date="9999-12-31",
                ),
            ],
        )
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_entries", str(path), stdout=StringIO(), stderr=err)

    (printed,) = err.getvalue().splitlines()
    assert printed.startswith(
        "row 1, field liquidation_date: The liquidation date 9999-12-31 "
        "is not between 1990-01-01 and "
    )
    assert Entry.objects.count() == 0
