from django.db import migrations, models
from django.db.models import F, Q


def mark_superseded(apps, schema_editor):
    """Routing records of a Center the inquiry has since left."""
    RoutingRecord = apps.get_model("inquiries", "RoutingRecord")
    RoutingRecord.objects.exclude(center_id=F("inquiry__center_id")).update(superseded=True)


class Migration(migrations.Migration):
    dependencies = [("inquiries", "0006_queue_key_indexes")]

    operations = [
        migrations.AddField(
            model_name="routingrecord",
            name="superseded",
            field=models.BooleanField(db_default=False, default=False),
        ),
        migrations.AddIndex(
            model_name="routingrecord",
            index=models.Index(condition=Q(superseded=True), fields=["center", "inquiry"],
                               name="routing_superseded"),
        ),
        migrations.RunPython(mark_superseded, migrations.RunPython.noop),
    ]
