from django.db import migrations

from cee_portal.beat_schedules import schedule_operation

# (name, task, every, period) — editable afterwards in the admin.
INTERVAL_TASKS = [
    ("Re-publish undelivered notifications", "inquiries.tasks.republish_outbox", 1, "minutes"),
    ("Delete expired delegations", "accounts.tasks.delete_expired_delegations_task", 1, "hours"),
]
# (name, task, hour, minute) in the portal zone.
NIGHTLY_TASKS = [
    ("Assign importers to Centers", "entries.tasks.assign_importer_centers_task", "1", "15"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0001_initial"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [schedule_operation(INTERVAL_TASKS, NIGHTLY_TASKS)]
