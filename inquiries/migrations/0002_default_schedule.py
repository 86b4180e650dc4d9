from django.db import migrations

# (name, task, every, period) — editable afterwards in the admin.
INTERVAL_TASKS = [
    ("Re-publish undelivered notifications", "inquiries.tasks.republish_outbox", 1, "minutes"),
    ("Delete expired delegations", "accounts.tasks.delete_expired_delegations_task", 1, "hours"),
]
# (name, task, hour, minute) in the portal zone.
NIGHTLY_TASKS = [
    ("Assign importers to Centers", "entries.tasks.assign_importer_centers_task", "1", "15"),
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
        ("inquiries", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
