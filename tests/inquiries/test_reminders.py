"""The daily digest of statutory reminders: one per importer a day, each reminder once."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from accounts.models import TradeRole
from entries.deadlines import psc_deadline
from inquiries import services, sweeps, tasks
from inquiries.models import Notification, StatutoryReminder
from inquiries.workflow import Action
from tests.factories import EntryFactory, ImporterFactory, MembershipFactory, UserFactory, center

from .builders import at, delegate, drive_to, make_world

pytestmark = pytest.mark.django_db

DAY = date(2026, 10, 1)
GROUNDS = "The classification applied at liquidation is wrong."


def liquidated(importer, *, window_ends: date):
    liquidation = window_ends - timedelta(days=180)
    return EntryFactory(
        importer=importer,
        liquidation_status="liquidated",
        liquidation_date=liquidation,
        entry_date=liquidation - timedelta(days=314),
        release_date=liquidation - timedelta(days=314),
    )


def file_cf28(world, *, due: date, by=None):
    issued = due - timedelta(days=30)
    return services.file_inquiry(
        world.importer,
        by=by or world.filer,
        type="cf28",
        subject="CF-28 on our entry",
        entry_number=EntryFactory(importer=world.importer).entry_number,
        details={"cf28_issue_date": issued.isoformat()},
        now=at(issued + timedelta(days=2)),
    )


def file_cf29(world, *, due: date):
    mailed = due - timedelta(days=20)
    return services.file_inquiry(
        world.importer,
        by=world.filer,
        type="cf29",
        subject="CF-29 proposed rate advance",
        entry_number=EntryFactory(importer=world.importer).entry_number,
        details={"cf29_mailing_date": mailed.isoformat(), "action_kind": "proposed"},
        now=at(mailed + timedelta(days=1)),
    )


def file_seizure_petition(world, *, due: date):
    notice = due - timedelta(days=30)
    return services.file_inquiry(
        world.importer,
        by=world.filer,
        type="penalty_petition",
        subject="Seizure petition",
        details={
            "case_number": "2026-1001-000123",
            "petition_kind": "seizure",
            "notice_date": notice.isoformat(),
        },
        now=at(notice + timedelta(days=1)),
    )


def file_amendment(world, *, due: date):
    entry = EntryFactory(importer=world.importer, entry_date=date(2026, 1, 5))
    assert psc_deadline(entry.entry_date) == due
    return services.file_inquiry(
        world.importer,
        by=world.filer,
        type="post_entry_amendment",
        subject="Correct the value",
        entry_number=entry.entry_number,
        now=at(due - timedelta(days=20)),
    )


def sent(**filters) -> list[tuple[str, int]]:
    """(entry number or inquiry reference, threshold) of every reminder recorded."""
    rows = StatutoryReminder.objects.filter(**filters).select_related("entry", "inquiry")
    return sorted(
        (row.entry.entry_number if row.entry_id else row.inquiry.reference, row.threshold)
        for row in rows
    )


def digests(**filters) -> list[tuple[str, bool]]:
    return sorted(
        Notification.objects.filter(kind="reminder_digest", **filters).values_list(
            "recipient__username", "send_email"
        )
    )


@pytest.fixture
def world():
    world = make_world()
    world.second_filer = MembershipFactory(importer=world.importer, role=TradeRole.FILER).user
    world.filer_delegate = UserFactory()
    delegate(world.filer_delegate, world.importer, filer=True)
    world.viewer_delegate = UserFactory()
    delegate(world.viewer_delegate, world.importer, filer=False)
    world.expired_delegate = UserFactory()
    expired = delegate(world.expired_delegate, world.importer, filer=True)
    expired.expires_at = timezone.now() - timedelta(days=1)
    expired.save()
    return world


@pytest.fixture
def due_on_day(world):
    """Subjects at each threshold on DAY, and look-alikes that are not reminded."""
    subjects = {
        "in_30": liquidated(world.importer, window_ends=DAY + timedelta(days=30)),
        "in_14": liquidated(world.importer, window_ends=DAY + timedelta(days=14)),
        "in_3": liquidated(world.importer, window_ends=DAY + timedelta(days=3)),
        "cf28": file_cf28(world, due=DAY + timedelta(days=7)),
        "cf29": file_cf29(world, due=DAY + timedelta(days=1)),
    }
    liquidated(world.importer, window_ends=DAY + timedelta(days=32))  # not yet, nor tomorrow
    liquidated(world.importer, window_ends=DAY - timedelta(days=1))
    EntryFactory(importer=world.importer)  # unliquidated: no protest period yet
    protested = liquidated(world.importer, window_ends=DAY + timedelta(days=14))
    services.file_inquiry(
        world.importer,
        by=world.filer,
        type="protest",
        subject="Protest",
        entry_number=protested.entry_number,
        details={"grounds": GROUNDS},
        now=at(DAY - timedelta(days=5)),
    )
    answered = file_cf28(world, due=DAY + timedelta(days=7))
    drive_to(answered, world, "resolved", today=DAY - timedelta(days=10))
    return subjects


def expected(subjects) -> list[tuple[str, int]]:
    return sorted(
        [
            (subjects["in_30"].entry_number, 30),
            (subjects["in_14"].entry_number, 14),
            (subjects["in_3"].entry_number, 3),
            (subjects["cf28"].reference, 7),
            (subjects["cf29"].reference, 1),
        ]
    )


def test_each_reminder_is_sent_exactly_once_over_two_runs_a_day_and_the_next_day(
    world, due_on_day, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = sweeps.send_reminder_digests(today=DAY)
        again = sweeps.send_reminder_digests(today=DAY)
        next_day = sweeps.send_reminder_digests(today=DAY + timedelta(days=1))
    assert len(first) == 5 and again == [] and next_day == []
    assert sent() == expected(due_on_day)
    assert sent(sent_on=DAY) == expected(due_on_day)
    assert len(mailoutbox) == 4
    for mail in mailoutbox:
        for subject in due_on_day.values():
            number = getattr(subject, "reference", None) or subject.display_number
            assert number in mail.body


def test_the_digest_goes_by_e_mail_to_admins_filers_and_filer_delegates_viewers_inbox_only(
    world, due_on_day, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sweeps.send_reminder_digests(today=DAY)
    assert digests() == sorted(
        [
            (world.admin.username, True),
            (world.filer.username, True),
            (world.second_filer.username, True),
            (world.filer_delegate.username, True),
            (world.viewer.username, False),
            (world.viewer_delegate.username, False),
        ]
    )
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        user.email for user in (world.admin, world.filer, world.second_filer, world.filer_delegate)
    )
    assert not any(world.supervisor.username == name for name, _ in digests())


def test_the_digest_groups_reminders_per_importer(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    own = liquidated(world.importer, window_ends=DAY + timedelta(days=14))
    other = ImporterFactory(center=center("PHC"))
    both = MembershipFactory(importer=other, role=TradeRole.ADMIN).user
    MembershipFactory(user=both, importer=world.importer, role=TradeRole.ADMIN)
    foreign = [liquidated(other, window_ends=DAY + timedelta(days=d)) for d in (3, 30)]
    with django_capture_on_commit_callbacks(execute=True):
        sweeps.send_reminder_digests(today=DAY)
    assert len(digests(recipient=world.admin)) == 1
    assert len(digests(recipient=both)) == 2
    (mail,) = [m for m in mailoutbox if m.to == [world.admin.email]]
    assert own.display_number in mail.body
    assert not any(entry.display_number in mail.body for entry in foreign)
    (other_mail,) = [m for m in mailoutbox if m.to == [both.email] and other.name in m.body]
    assert all(entry.display_number in other_mail.body for entry in foreign)
    assert own.display_number not in other_mail.body


def test_the_next_threshold_is_sent_when_it_is_reached(world):
    entry = liquidated(world.importer, window_ends=DAY + timedelta(days=30))
    for offset in range(0, 31):
        sweeps.send_reminder_digests(today=DAY + timedelta(days=offset))
    assert sent() == [(entry.entry_number, 3), (entry.entry_number, 14), (entry.entry_number, 30)]
    assert list(
        StatutoryReminder.objects.order_by("threshold").values_list("sent_on", flat=True)
    ) == [DAY + timedelta(days=27), DAY + timedelta(days=16), DAY]


def test_a_threshold_skipped_for_a_day_is_caught_up_once(world):
    entry = liquidated(world.importer, window_ends=DAY + timedelta(days=20))
    assert sweeps.send_reminder_digests(today=DAY - timedelta(days=11)) == []  # 31 days left
    # The job did not run while 30 days were left: the 30-day reminder goes out late, once.
    assert [r.threshold for r in sweeps.send_reminder_digests(today=DAY)] == [30]
    assert sweeps.send_reminder_digests(today=DAY + timedelta(days=1)) == []
    assert sent() == [(entry.entry_number, 30)]


def test_a_threshold_passed_over_entirely_is_not_sent(world):
    entry = liquidated(world.importer, window_ends=DAY + timedelta(days=2))
    # Nothing ran at 30 or 14 days left: only the threshold now current is sent.
    assert [r.threshold for r in sweeps.send_reminder_digests(today=DAY)] == [3]
    for offset in (1, 2, 3):
        assert sweeps.send_reminder_digests(today=DAY + timedelta(days=offset)) == []
    assert sent() == [(entry.entry_number, 3)]


def test_what_becomes_due_after_the_days_digest_waits_for_the_next_day(world):
    first = liquidated(world.importer, window_ends=DAY + timedelta(days=14))
    sweeps.send_reminder_digests(today=DAY)
    later = liquidated(world.importer, window_ends=DAY + timedelta(days=10))
    assert sweeps.send_reminder_digests(today=DAY) == []
    assert [r.entry_id for r in sweeps.send_reminder_digests(today=DAY + timedelta(days=1))] == [
        later.pk
    ]
    assert sent() == sorted([(first.entry_number, 14), (later.entry_number, 14)])


def test_a_withdrawn_protest_does_not_stop_the_reminder(world):
    entry = liquidated(world.importer, window_ends=DAY + timedelta(days=14))
    protest = services.file_inquiry(
        world.importer,
        by=world.filer,
        type="protest",
        subject="Protest",
        entry_number=entry.entry_number,
        details={"grounds": GROUNDS},
        now=at(DAY - timedelta(days=5)),
    )
    services.perform_action(protest, Action.WITHDRAW, by=world.filer, today=DAY)
    assert sent() == []
    sweeps.send_reminder_digests(today=DAY)
    assert sent() == [(entry.entry_number, 14)]


@pytest.mark.parametrize("file", [file_cf28, file_cf29, file_seizure_petition, file_amendment])
def test_each_statutory_clock_is_reminded_at_7_and_1_days(world, file):
    due = psc_deadline(date(2026, 1, 5))
    inquiry = file(world, due=due)
    assert inquiry.statutory_deadline == due
    for offset in range(9, -3, -1):
        sweeps.send_reminder_digests(today=due - timedelta(days=offset))
    assert sent() == [(inquiry.reference, 1), (inquiry.reference, 7)]
    assert list(
        StatutoryReminder.objects.order_by("-threshold").values_list("sent_on", flat=True)
    ) == [due - timedelta(days=7), due - timedelta(days=1)]


def test_an_ssn_form_ior_number_is_masked_in_the_e_mail(
    mailoutbox, django_capture_on_commit_callbacks
):
    world = make_world(ior_number="123-45-6789")
    liquidated(world.importer, window_ends=DAY + timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        sweeps.send_reminder_digests(today=DAY)
    assert mailoutbox
    for mail in mailoutbox:
        assert "***-**-6789" in mail.body
        assert "123-45-6789" not in mail.body + mail.subject
    assert not Notification.objects.filter(body__contains="123-45-6789").exists()


def _importer_with_subjects(size: int):
    world = make_world()
    for n in range(size):
        liquidated(world.importer, window_ends=DAY + timedelta(days=(3, 14, 30)[n % 3]))
        file_cf28(world, due=DAY + timedelta(days=(1, 7)[n % 2]))
    return world


def test_the_digest_queries_do_not_grow_with_the_number_of_entries():
    _importer_with_subjects(1)
    with CaptureQueriesContext(connection) as small:
        assert len(sweeps.send_reminder_digests(today=DAY)) == 2
    _importer_with_subjects(12)  # a second account, not yet reminded today
    with CaptureQueriesContext(connection) as large:
        assert len(sweeps.send_reminder_digests(today=DAY)) == 24
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_daily_task_is_scheduled_and_sends_through_the_outbox(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    task = PeriodicTask.objects.get(task="inquiries.tasks.send_reminder_digests")
    assert (task.crontab.hour, task.crontab.minute) == ("6", "0")
    assert str(task.crontab.timezone) == "America/New_York"
    liquidated(world.importer, window_ends=timezone.localdate() + timedelta(days=14))
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminder_digests.delay().get() == 1
        assert tasks.send_reminder_digests.delay().get() == 0
    assert len(mailoutbox) == 4
