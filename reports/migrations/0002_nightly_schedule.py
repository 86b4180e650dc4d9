from django.db import migrations

# (name, task, every, period) — editable afterwards in the admin.
INTERVAL_TASKS = [
    ("Re-enqueue stalled report runs", "reports.tasks.requeue_stale_runs", 15, "minutes"),
]
# (name, task, hour, minute) in the portal zone: after Center assignment (01:15).
NIGHTLY_TASKS = [
    ("Nightly reports", "reports.tasks.nightly_reports", "2", "0"),
]


def create_schedule(apps, schema_editor):
    IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    for name, task, every, period in INTERVAL_TASKS:
        interval, _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "interval": interval, "crontab": None}
        )
    for name, task, hour, minute in NIGHTLY_TASKS:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week="*", day_of_month="*", month_of_year="*",
            timezone="America/New_York",
        )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "interval": None}
        )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    names = [row[0] for row in INTERVAL_TASKS + NIGHTLY_TASKS]
    PeriodicTask.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_report_runs_and_results"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
