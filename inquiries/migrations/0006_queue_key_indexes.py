"""Indexes of the keyset pages' queue key: due with no clock read as the latest date."""

import datetime

from django.db import migrations, models
from django.db.models.functions import Coalesce


def queue_due():
    return Coalesce(models.F("due"),
                    models.Value(datetime.date(9999, 12, 31), output_field=models.DateField()))


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0005_reminder_digest_schedule"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(models.F("center"), queue_due(), models.F("service_level_rank"),
                               models.F("submitted_at"), models.F("id"),
                               name="inquiry_center_queue_key"),
        ),
        migrations.AddIndex(
            model_name="inquiry",
            index=models.Index(queue_due(), models.F("service_level_rank"),
                               models.F("submitted_at"), models.F("id"),
                               name="inquiry_queue_key"),
        ),
    ]
