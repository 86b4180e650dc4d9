"""Default beat schedules, created by data migrations and editable afterwards in the admin.

Each migration lists its tasks and hands them to `schedule_operation`: interval tasks as
(name, task, every, period) and daily tasks as (name, task, hour, minute) in the portal zone.
"""

from django.db import migrations

PORTAL_ZONE = "America/New_York"


def schedule_operation(interval_tasks=(), daily_tasks=()) -> migrations.RunPython:
    """A RunPython that creates (or updates) these periodic tasks and, reversed, removes them."""

    def create(apps, schema_editor):
        IntervalSchedule = apps.get_model("django_celery_beat", "IntervalSchedule")
        CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        for name, task, every, period in interval_tasks:
            interval, _ = IntervalSchedule.objects.get_or_create(every=every, period=period)
            PeriodicTask.objects.update_or_create(
                name=name, defaults={"task": task, "interval": interval, "crontab": None}
            )
        for name, task, hour, minute in daily_tasks:
            crontab, _ = CrontabSchedule.objects.get_or_create(
                minute=minute,
                hour=hour,
                day_of_week="*",
                day_of_month="*",
                month_of_year="*",
                timezone=PORTAL_ZONE,
            )
            PeriodicTask.objects.update_or_create(
                name=name, defaults={"task": task, "crontab": crontab, "interval": None}
            )

    def remove(apps, schema_editor):
        PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
        names = [row[0] for row in (*interval_tasks, *daily_tasks)]
        PeriodicTask.objects.filter(name__in=names).delete()

    return migrations.RunPython(create, remove)
