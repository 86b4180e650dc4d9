from django.db import migrations

INTERVAL_TASKS = [("Deadline sweep", "inquiries.tasks.deadline_sweep", 1, "hours")]
# (name, task, hour, minute) in the portal zone.
DAILY_TASKS = [
    ("Auto-close resolved inquiries", "inquiries.tasks.auto_close_resolved", "0", "30"),
    ("Refresh inquiry clocks", "inquiries.tasks.refresh_clocks", "0", "45"),
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
    for name, task, hour, minute in DAILY_TASKS:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=minute, hour=hour, day_of_week="*", day_of_month="*", month_of_year="*",
            timezone="America/New_York",
        )
        PeriodicTask.objects.update_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "interval": None}
        )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    names = [row[0] for row in INTERVAL_TASKS + DAILY_TASKS]
    PeriodicTask.objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0002_default_schedule")]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
