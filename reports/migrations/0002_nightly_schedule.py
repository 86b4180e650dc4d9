from django.db import migrations

from cee_portal.beat_schedules import schedule_operation

# (name, task, every, period) — editable afterwards in the admin.
INTERVAL_TASKS = [
    ("Re-enqueue stalled report runs", "reports.tasks.requeue_stale_runs", 15, "minutes"),
]
# (name, task, hour, minute) in the portal zone: after Center assignment (01:15).
NIGHTLY_TASKS = [
    ("Nightly reports", "reports.tasks.nightly_reports", "2", "0"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_report_runs_and_results"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedule_operation(INTERVAL_TASKS, NIGHTLY_TASKS)]
