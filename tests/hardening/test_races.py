"""Races on PostgreSQL: many claims at once, filings at once, overlapping batch imports.

Each thread has its own database connection. CI runs a reduced count; RACES=1000 runs the
full 1,000 claim races (docs/security.md records the latest figures).
"""

import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count

from entries.models import Entry, EntryLine
from inquiries import services
from inquiries.models import Inquiry, InquiryEvent
from inquiries.workflow import Action
from tests.entries.batches import entry, line
from tests.factories import CenterStaffFactory, center, entry_number
from tests.inquiries.builders import file_policy_question, make_world

from .conftest import record_figure

pytestmark = [pytest.mark.serial, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RACES = int(os.environ.get("RACES", "60"))
CLAIMANTS = 3  # people claiming the same inquiry at the same instant
AT_ONCE = 4  # inquiries raced in one round: 12 threads released together


def run_together(work, arguments):
    """Run `work(argument)` in one thread per argument, released at once; collect outcomes."""
    barrier = threading.Barrier(len(arguments))
    outcomes = [None] * len(arguments)

    def runner(index, argument):
        try:
            barrier.wait(timeout=30)
            outcomes[index] = ("ok", work(argument))
        except Exception as exc:  # the outcome is what is tested
            outcomes[index] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, a)) for i, a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return outcomes


def test_claim_races_never_have_two_winners():
    world = make_world()
    staff = [CenterStaffFactory(center=center("PHC")).user for _ in range(CLAIMANTS)]
    inquiries = [file_policy_question(world, subject=f"Race {n}") for n in range(RACES)]

    def claim(pair):
        inquiry_id, user = pair
        services.perform_action(Inquiry.objects.get(pk=inquiry_id), Action.CLAIM, by=user)
        return inquiry_id, user.pk

    wins, losses, unexpected = {}, 0, []
    for start in range(0, RACES, AT_ONCE):
        batch = inquiries[start : start + AT_ONCE]
        pairs = [(inquiry.pk, user) for inquiry in batch for user in staff]
        for kind, value in run_together(claim, pairs):
            if kind == "ok":
                inquiry_id, user_id = value
                wins.setdefault(inquiry_id, []).append(user_id)
            elif isinstance(value, services.ActionNotAllowed):
                losses += 1
            else:
                unexpected.append(value)
    assert unexpected == []
    double = {pk: users for pk, users in wins.items() if len(users) != 1}
    assert double == {}, f"{len(double)} inquiries with other than one winner"
    assert len(wins) == RACES and losses == RACES * (CLAIMANTS - 1)
    stored = dict(Inquiry.objects.filter(pk__in=wins).values_list("pk", "assignee_id"))
    assert stored == {pk: users[0] for pk, users in wins.items()}
    claims = (
        InquiryEvent.objects.filter(inquiry__in=wins, action="claim")
        .values("inquiry")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not claims.exists()
    record_figure("claim races run", RACES)
    record_figure("claim races double wins", len(double))


def test_concurrent_filings_get_unique_reference_numbers():
    world = make_world()
    threads, each = 8, 5

    def file_some(n):
        return [
            file_policy_question(world, subject=f"Filed {n}-{i}").reference for i in range(each)
        ]

    outcomes = run_together(file_some, list(range(threads)))
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    references = [ref for _, refs in outcomes for ref in refs]
    assert len(references) == len(set(references)) == threads * each
    assert all(re.fullmatch(r"CEE-\d{4}-\d{6,}", ref) for ref in references)
    record_figure("concurrent filings", len(references))


def test_overlapping_batch_imports_leave_one_row_per_entry_number():
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from tests.factories import ImporterFactory, UserFactory

    importer = ImporterFactory()
    feed = UserFactory(username="ace-feed-race", is_service_account=True)
    token = Token.objects.create(user=feed).key
    numbers = [entry_number(7_700_000 + n) for n in range(30)]
    # Batch k covers numbers k*5 .. k*5+14: every number is in two or three batches.
    batches = [numbers[k * 5 : k * 5 + 15] for k in range(4)]

    def import_batch(k):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        body = {
            "entries": [
                entry(number, importer.ior_number, lines=[line(1, value=f"{100 + k}.00"), line(2)])
                for number in batches[k]
            ]
        }
        answer = client.post("/api/v1/entries/batch/", body, format="json")
        return answer.status_code, answer.json()

    for _round in range(3):
        outcomes = run_together(import_batch, list(range(len(batches))))
        assert all(kind == "ok" for kind, _ in outcomes), outcomes
        codes = [value[0] for _, value in outcomes]
        assert all(code == 201 for code in codes), outcomes
    stored = Entry.objects.filter(entry_number__in=numbers)
    assert stored.count() == len(set(n for batch in batches for n in batch))
    lines = (
        EntryLine.objects.filter(entry__in=stored)
        .values("entry", "line_number")
        .annotate(n=Count("id"))
    )
    assert all(row["n"] == 1 for row in lines)
    assert lines.count() == stored.count() * 2


def test_many_concurrent_reads_and_writes_through_a_pool():
    """Claims and messages on different inquiries in a pool: no error, no lost write."""
    world = make_world()
    inquiries = [file_policy_question(world, subject=f"Pool {n}") for n in range(16)]

    def work(inquiry):
        try:
            services.post_message(
                Inquiry.objects.get(pk=inquiry.pk), by=world.assignee, body="Working on it."
            )
            services.perform_action(
                Inquiry.objects.get(pk=inquiry.pk), Action.CLAIM, by=world.assignee
            )
            return True
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(work, inquiries))
    assert (
        Inquiry.objects.filter(pk__in=[i.pk for i in inquiries], assignee=world.assignee).count()
        == 16
    )
