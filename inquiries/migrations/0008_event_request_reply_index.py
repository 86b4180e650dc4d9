"""Index of the requests for information and the replies, for the risk report's late replies."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0007_routing_superseded"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="inquiryevent",
            index=models.Index(
                fields=["inquiry", "sequence", "action", "at"],
                condition=models.Q(action__in=["request_info", "respond"]),
                name="event_request_reply",
            ),
        ),
    ]
