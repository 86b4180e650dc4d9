from django.db import migrations

from cee_portal.beat_schedules import schedule_operation

# (name, task, hour, minute) in the portal zone: early, so the digest is read the same morning.
DAILY_TASKS = [
    ("Statutory reminder digest", "inquiries.tasks.send_reminder_digests", "6", "0"),
]


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0004_sla_breaches_and_statutory_reminders")]

    operations = [schedule_operation(daily_tasks=DAILY_TASKS)]
