"""Drop indexes that a composite index already leads with, and the queue indexes the keyset
key indexes (0006) replaced: every index costs each filing and each change of state.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from cee_portal.index_migrations import drop_own_index


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0005_importer_risk_previous_score'),
        ('centers', '0002_load_reference_data'),
        ('inquiries', '0008_event_request_reply_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='inquiry',
            name='inquiry_center_queue',
        ),
        migrations.RemoveIndex(
            model_name='inquiry',
            name='inquiry_queue',
        ),
        drop_own_index(
            'inquiry', 'assignee',
            models.ForeignKey(blank=True, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='assigned_inquiries', to=settings.AUTH_USER_MODEL),
            table='inquiries_inquiry', column='assignee_id', index='inquiries_inquiry_assignee_id_469312d7',
        ),
        drop_own_index(
            'inquiry', 'center',
            models.ForeignKey(blank=True, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='inquiries', to='centers.center'),
            table='inquiries_inquiry', column='center_id', index='inquiries_inquiry_center_id_bfb34ba0',
        ),
        drop_own_index(
            'inquiry', 'importer',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='inquiries', to='accounts.importer'),
            table='inquiries_inquiry', column='importer_id', index='inquiries_inquiry_importer_id_6d35df31',
        ),
        drop_own_index(
            'inquiryevent', 'inquiry',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='events', to='inquiries.inquiry'),
            table='inquiries_inquiryevent', column='inquiry_id', index='inquiries_inquiryevent_inquiry_id_65126e6b',
        ),
        migrations.AlterField(
            model_name='notification',
            name='dedupe_key',
            field=models.CharField(blank=True, max_length=120, null=True),
        ),
        drop_own_index(
            'notification', 'recipient',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL),
            table='inquiries_notification', column='recipient_id', index='inquiries_notification_recipient_id_5bb2b89f',
        ),
        drop_own_index(
            'routingrecord', 'center',
            models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='centers.center'),
            table='inquiries_routingrecord', column='center_id', index='inquiries_routingrecord_center_id_8460e5d5',
        ),
        migrations.AddConstraint(
            model_name='notification',
            constraint=models.UniqueConstraint(fields=('dedupe_key',), name='one_notification_per_key'),
        ),
    ]
