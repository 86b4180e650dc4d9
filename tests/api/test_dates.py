"""Far and out-of-order dates: refused where they come in, harmless where they are read.

DESIGN.md §4 bounds the dates of batches and filings; §9: never a 500 for bad input, and no
stored value may make a read fail.
"""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Inquiry
from tests.entries.batches import entry, to_csv, to_json
from tests.factories import entry_number

from .factories import entry_for, file_inquiry

pytestmark = pytest.mark.django_db

FAR = "9999-12-31"
GROUNDS = "The exclusion of the goods was wrong in every respect."


def _last_accepted() -> str:
    return (timezone.localdate() + timedelta(days=366)).isoformat()


def _out_of_range(what: str, value: str = FAR) -> str:
    return f"The {what} {value} is not between 1990-01-01 and {_last_accepted()}."


# --- Entry batches ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "content_type"), [(to_csv, "text/csv"), (to_json, "application/json")]
)
def test_a_batch_with_a_far_future_entry_date_answers_400_row_errors(world, encode, content_type):
    body = encode(
        [entry(entry_number(7), world.b.ior_number, entry_date=FAR, release_date="2026-03-03")]
    )
    answer = world.client("ace").post("/api/v1/entries/batch/", body, content_type=content_type)
    assert answer.status_code == 400
    assert answer.json() == {
        "errors": [{"row": 1, "field": "entry_date", "message": _out_of_range("entry date")}]
    }
    assert not world.b.entries.filter(entry_number=entry_number(7)).exists()


# --- Reads of a stored far date --------------------------------------------------------------


@pytest.fixture
def far_entries(world):
    """Entries of A at the end of the calendar, stored past the batch checks (an older row or
    a hand edit), one unliquidated and one liquidated."""
    return [
        entry_for(world.a, 50, entry_date=date(9999, 12, 31), release_date=date(9999, 12, 31)),
        entry_for(
            world.a,
            51,
            entry_date=date(9999, 12, 31),
            release_date=date(9999, 12, 31),
            liquidation_status="liquidated",
            liquidation_date=date(9999, 12, 31),
        ),
    ]


@pytest.mark.parametrize("user", ["admin_a", "filer_a", "staff_phc", "superuser"])
def test_entries_dated_9999_12_31_are_read_through_the_api_without_derived_dates(
    world, far_entries, user
):
    client = world.client(user)
    listed = client.get("/api/v1/entries/")
    assert listed.status_code == 200
    rows = {row["entry_number"]: row for row in listed.json()["results"]}
    for stored in far_entries:
        assert rows[stored.entry_number]["entry_date"] == FAR
        detail = client.get(f"/api/v1/entries/{stored.display_number}/")
        assert detail.status_code == 200
        assert detail.json()["protest_window_ends"] is None
        assert detail.json()["psc_deadline"] is None


@pytest.mark.parametrize("user", ["admin_a", "filer_a", "staff_phc"])
def test_entry_pages_show_entries_dated_9999_12_31(client, world, far_entries, user):
    client.force_login(world.users[user])
    listed = client.get(reverse("entries:list"))
    assert listed.status_code == 200
    for stored in far_entries:
        assert stored.display_number in listed.content.decode()
        detail = client.get(reverse("entries:detail", args=[stored.display_number]))
        assert detail.status_code == 200
    assert client.get(reverse("entries:list"), {"deadline": "soon"}).status_code == 200
    if user != "staff_phc":  # the trade dashboard lists entry deadlines closing soon
        assert client.get(reverse("portal:dashboard")).status_code == 200


def test_an_inquiry_about_an_entry_dated_9999_12_31_is_read_and_acted_on(
    client, world, far_entries
):
    inquiry = file_inquiry(
        world.a,
        world.filer_a,
        type="cf28",
        entry_number=far_entries[0].entry_number,
        details={"cf28_issue_date": timezone.localdate().isoformat()},
    )
    Inquiry.objects.filter(pk=inquiry.pk).update(details={"cf28_issue_date": FAR})
    answer = world.client("staff_phc").post(
        f"/api/v1/inquiries/{inquiry.reference}/actions/claim/", {}, format="json"
    )
    assert answer.status_code == 200
    assert answer.json()["statutory_deadline"] is None
    assert world.client("filer_a").get(f"/api/v1/inquiries/{inquiry.reference}/").status_code == 200
    client.force_login(world.filer_a)
    page = client.get(reverse("inquiries:detail", kwargs={"reference": inquiry.reference}))
    assert page.status_code == 200


# --- Filings: the API and the filing page ------------------------------------------------------

# (type, date field, other details, whether the filing names A's entry, its name in messages)
FILINGS = [
    ("cf28", "cf28_issue_date", {}, True, "CF-28 issue date"),
    ("cf29", "cf29_mailing_date", {"action_kind": "taken"}, True, "CF-29 mailing date"),
    (
        "protest",
        "decision_date",
        {"protest_kind": "other_decision", "grounds": GROUNDS},
        False,
        "decision date",
    ),
    (
        "protest",
        "accelerated_disposition_requested_on",
        {"protest_kind": "exclusion", "grounds": GROUNDS},
        False,
        "accelerated disposition request date",
    ),
    ("cargo_hold", "hold_start_date", {"holding_agency": "CBP"}, True, "hold start date"),
    (
        "penalty_petition",
        "notice_date",
        {"case_number": "C-1", "petition_kind": "seizure"},
        False,
        "notice mailing date",
    ),
]
IDS = [f"{type}-{name}" for type, name, *_rest in FILINGS]


def _details(name, others):
    details = {**others, name: FAR}
    if name == "accelerated_disposition_requested_on":
        details["decision_date"] = (timezone.localdate() - timedelta(days=5)).isoformat()
    return details


@pytest.mark.parametrize(("type", "name", "others", "names_entry", "what"), FILINGS, ids=IDS)
def test_a_far_date_in_a_filing_answers_400_on_its_detail_field(
    world, type, name, others, names_entry, what
):
    body = {
        "importer": world.a.pk,
        "type": type,
        "subject": "Far date",
        "details": _details(name, others),
    }
    if names_entry:
        body["entry_number"] = world.entries["a"].display_number
    answer = world.client("filer_a").post("/api/v1/inquiries/", body, format="json")
    assert answer.status_code == 400, answer.content
    assert answer.json() == {"details": {name: [_out_of_range(what)]}}
    assert not Inquiry.objects.filter(subject="Far date").exists()


def _field_error(page: str, name: str) -> str:
    found = re.search(rf'id="id_{name}-error"[^>]*>(.*?)</span></span>', page, re.S)
    assert found, page
    return found.group(1)


@pytest.mark.parametrize(("type", "name", "others", "names_entry", "what"), FILINGS, ids=IDS)
def test_a_far_date_on_the_filing_page_shows_on_its_field(
    client, world, type, name, others, names_entry, what
):
    client.force_login(world.filer_a)
    post = {"importer": world.a.pk, "subject": "Far date", **_details(name, others)}
    if names_entry:
        post["entry_number"] = world.entries["a"].display_number
    answer = client.post(reverse("portal:file_type", args=[type]), post)
    assert answer.status_code == 200
    assert _out_of_range(what) in _field_error(answer.content.decode(), name)
    assert not Inquiry.objects.filter(subject="Far date").exists()


def test_a_liquidation_protest_before_the_liquidation_day_answers_400(world):
    ahead = timezone.localdate() + timedelta(days=3)
    pending = entry_for(
        world.a,
        60,
        entry_date=date(2026, 1, 5),
        liquidation_status="liquidated",
        liquidation_date=ahead,
    )
    answer = world.client("filer_a").post(
        "/api/v1/inquiries/",
        {
            "importer": world.a.pk,
            "type": "protest",
            "subject": "Too early",
            "entry_number": pending.display_number,
            "details": {"grounds": GROUNDS},
        },
        format="json",
    )
    assert answer.status_code == 400
    assert answer.json() == {
        "entry_number": [
            f"Entry {pending.display_number} is liquidated on {ahead.isoformat()}, a day still "
            "ahead: its liquidation can be protested from that day, not before."
        ]
    }
