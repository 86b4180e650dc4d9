"""Two people acting at once on PostgreSQL: one claim wins, reference numbers stay unique."""

import re
import threading

import pytest
from django.db import connection

from inquiries import services
from inquiries.models import Inquiry
from inquiries.workflow import Action
from tests.factories import CenterStaffFactory, center

from .builders import file_policy_question, make_world

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 6


def run_together(work, arguments):
    """Run `work(argument)` in one thread per argument, released at once; collect outcomes."""
    barrier = threading.Barrier(len(arguments))
    outcomes = [None] * len(arguments)

    def runner(index, argument):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = ("ok", work(argument))
        except Exception as exc:  # the outcome is what is tested
            outcomes[index] = ("error", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i, a)) for i, a in enumerate(arguments)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_concurrent_claims_have_exactly_one_winner():
    world = make_world()
    inquiry = file_policy_question(world)
    staff = [CenterStaffFactory(center=center("PHC")).user for _ in range(THREADS)]

    def claim(user):
        mine = Inquiry.objects.get(pk=inquiry.pk)
        services.perform_action(mine, Action.CLAIM, by=user)
        return user.pk

    outcomes = run_together(claim, staff)
    winners = [value for kind, value in outcomes if kind == "ok"]
    losers = [value for kind, value in outcomes if kind == "error"]
    assert len(winners) == 1
    assert len(losers) == THREADS - 1
    assert all(isinstance(exc, services.ActionNotAllowed) for exc in losers), losers
    stored = Inquiry.objects.get(pk=inquiry.pk)
    assert (stored.status, stored.assignee_id) == ("assigned", winners[0])
    assert list(stored.events.values_list("action", flat=True)) == ["file", "claim"]


def test_concurrent_filings_get_unique_reference_numbers():
    world = make_world()

    def file_one(_):
        return file_policy_question(world).reference

    outcomes = run_together(file_one, list(range(THREADS)))
    assert all(kind == "ok" for kind, _ in outcomes), outcomes
    references = [value for _, value in outcomes]
    assert len(set(references)) == THREADS
    assert all(re.fullmatch(r"CEE-\d{4}-\d{6,}", ref) for ref in references)
    assert Inquiry.objects.count() == THREADS


def test_a_number_taken_alone_skips_the_flush_wait_but_never_a_callers_commit():
    # ReferenceCounter.next_reference: asynchronous commit only for its own statement; in
    # a caller's transaction it would make the caller's commit asynchronous too.
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from inquiries.models import ReferenceCounter

    def session_setting():
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    before = session_setting()  # whatever the server is configured with
    with CaptureQueriesContext(connection) as alone:
        first = ReferenceCounter.next_reference(2031)
    with transaction.atomic(), CaptureQueriesContext(connection) as inside:
        second = ReferenceCounter.next_reference(2031)
    assert (first, second) == ("CEE-2031-000001", "CEE-2031-000002")
    assert "SET LOCAL synchronous_commit" in alone.captured_queries[-1]["sql"]
    assert not any("synchronous_commit" in query["sql"] for query in inside.captured_queries)
    assert session_setting() == before  # SET LOCAL: the session's own setting is untouched
