from django.db import migrations

# (name, task, hour, minute) in the portal zone: early, so the digest is read the same morning.
DAILY_TASKS = [
    ("Statutory reminder digest", "inquiries.tasks.send_reminder_digests", "6", "0"),
]


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
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
    PeriodicTask.objects.filter(name__in=[row[0] for row in DAILY_TASKS]).delete()


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0004_sla_breaches_and_statutory_reminders")]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
