"""Entries through the API: reading, filters and batch import by the ACE feed."""

from datetime import date

import pytest

from entries.batch import CSV_HEADER
from entries.models import Entry
from tests.entries.batches import entry, line, to_csv, to_json
from tests.factories import entry_number

from .factories import entry_for

pytestmark = pytest.mark.django_db

BATCH = "/api/v1/entries/batch/"


def test_an_entry_has_the_contract_fields(world):
    found = (
        world.client("admin_a").get(f"/api/v1/entries/{world.entries['a'].display_number}/").json()
    )
    assert found == {
        "entry_number": world.entries["a"].entry_number,
        "entry_number_display": world.entries["a"].display_number,
        "importer": world.a.pk,
        "entry_type": "01",
        "port": "1001",
        "entry_date": "2026-01-05",
        "release_date": "2026-01-05",
        "liquidation_date": "2026-01-20",
        "liquidation_status": "liquidated",
        "center": "PHC",
        "protest_window_ends": "2026-07-19",
        "psc_deadline": None,
        "lines": [
            {
                "line_number": 1,
                "hts": "3004909290",
                "additional_hts": [],
                "country_of_origin": "IE",
                "value": "1000.00",
                "duty": "50.00",
            }
        ],
    }


@pytest.mark.parametrize("number", ["ABC-0000001-1", "nonsense", "ABC00000011", "%20"])
def test_a_bad_or_unknown_entry_number_is_not_found(world, number):
    assert world.client("admin_a").get(f"/api/v1/entries/{number}/").status_code == 404


def test_entry_filters(world):
    entry_for(world.a, 3, liquidation_status="liquidated", liquidation_date=date(2026, 6, 1))
    entry_for(world.a, 4)
    client = world.client("superuser")

    def numbers(query):
        answer = client.get("/api/v1/entries/" + query)
        assert answer.status_code == 200
        return {row["entry_number"] for row in answer.json()["results"]}

    assert numbers(f"?importer={world.b.pk}") == {world.entries["b"].entry_number}
    assert numbers("?liquidation_status=liquidated") == {
        world.entries["a"].entry_number,
        entry_number(3),
    }
    assert numbers("?liquidated_after=2026-03-01") == {entry_number(3)}


def _batch(ior, number=7):
    return [entry(entry_number(number), ior, lines=[line(1), line(2, "8471300100")])]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_the_feed_imports_a_batch_then_updates_it(world, fmt):
    client = world.client("ace")
    encode, content_type = (to_csv, "text/csv") if fmt == "csv" else (to_json, "application/json")
    body = encode(_batch(world.b.ior_number))
    answer = client.post(BATCH, body, content_type=content_type)
    assert answer.status_code == 201, answer.content
    assert answer.json() == {"created": 1, "updated": 0}
    again = client.post(BATCH, body, content_type=f"{content_type}; charset=utf-8")
    assert again.json() == {"created": 0, "updated": 1}
    assert Entry.objects.get(entry_number=entry_number(7)).lines.count() == 2


def test_a_superuser_may_import_too(world):
    answer = world.client("superuser").post(
        BATCH, to_json(_batch(world.b.ior_number)), content_type="application/json"
    )
    assert answer.status_code == 201


def test_a_bad_row_is_named_and_nothing_is_written(world):
    entries = _batch(world.b.ior_number) + [entry(entry_number(8), world.b.ior_number, port="0000")]
    answer = world.client("ace").post(BATCH, to_csv(entries), content_type="text/csv")
    assert answer.status_code == 400
    assert answer.json() == {
        "errors": [{"row": 3, "field": "port", "message": answer.json()["errors"][0]["message"]}]
    }
    assert not Entry.objects.filter(entry_number=entry_number(7)).exists()


def test_an_entry_of_another_importer_is_a_row_error(world):
    entries = [entry(world.entries["a"].entry_number, world.b.ior_number)]
    answer = world.client("ace").post(BATCH, to_json(entries), content_type="application/json")
    assert answer.status_code == 400
    assert answer.json()["errors"][0]["field"] == "entry_number"


@pytest.mark.parametrize("body", [b"{", b"[]", b'{"entries": 5}', b"\xff\xfe", b""])
def test_malformed_json_batches_answer_400(world, body):
    answer = world.client("ace").post(BATCH, body, content_type="application/json")
    assert answer.status_code == 400
    assert "errors" in answer.json()


def test_a_batch_over_10_mb_answers_413(world):
    body = ",".join(CSV_HEADER).encode() + b"\n" + b"x" * (10 * 1024 * 1024)
    answer = world.client("ace").post(BATCH, body, content_type="text/csv")
    assert answer.status_code == 413
    assert Entry.objects.count() == 2


def test_a_batch_over_50000_rows_answers_413(world):
    row = ",".join(
        [
            "ABC00000070",
            world.b.ior_number,
            "01",
            "1001",
            "2026-03-02",
            "",
            "",
            "unliquidated",
            "1",
            "3004909290",
            "",
            "IE",
            "1",
            "1",
        ]
    ).encode()
    body = ",".join(CSV_HEADER).encode() + b"\n" + b"\n".join([row] * 50_001)
    assert len(body) < 10 * 1024 * 1024
    answer = world.client("ace").post(BATCH, body, content_type="text/csv")
    assert answer.status_code == 413


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x"]
)
def test_other_media_types_answer_415(world, content_type):
    answer = world.client("ace").post(BATCH, b"a,b", content_type=content_type)
    assert answer.status_code == 415


@pytest.mark.parametrize("role", ["admin_a", "staff_phc", "ae_a", "hq", "fda"])
def test_only_the_feed_and_admins_import(world, role):
    answer = world.client(role).post(
        BATCH, to_json(_batch(world.b.ior_number)), content_type="application/json"
    )
    assert answer.status_code == 403
    assert not Entry.objects.filter(entry_number=entry_number(7)).exists()


def test_the_feed_reads_nothing_else(world):
    client = world.client("ace")
    assert client.get("/api/v1/entries/").json()["results"] == []
    assert client.get(f"/api/v1/entries/{world.entries['b'].entry_number}/").status_code == 404
