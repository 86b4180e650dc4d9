from django.db import migrations

from cee_portal.beat_schedules import schedule_operation

INTERVAL_TASKS = [("Deadline sweep", "inquiries.tasks.deadline_sweep", 1, "hours")]
# (name, task, hour, minute) in the portal zone.
DAILY_TASKS = [
    ("Auto-close resolved inquiries", "inquiries.tasks.auto_close_resolved", "0", "30"),
    ("Refresh inquiry clocks", "inquiries.tasks.refresh_clocks", "0", "45"),
]


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0002_default_schedule")]

    operations = [schedule_operation(INTERVAL_TASKS, DAILY_TASKS)]
