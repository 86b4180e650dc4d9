"""Drop the result tables' own indexes of run, Center and port: rows are read by run and
Center, the first columns of each table's unique constraint, and each index costs the
nightly INSERT of thousands of rows.
"""

import django.db.models.deletion
from django.db import migrations, models

from cee_portal.index_migrations import drop_own_index


class Migration(migrations.Migration):

    dependencies = [
        ('centers', '0002_load_reference_data'),
        ('reports', '0002_nightly_schedule'),
    ]

    operations = [
        drop_own_index(
            'performanceresult', 'center',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='centers.center'),
            table='reports_performanceresult', column='center_id', index='reports_performanceresult_center_id_5d816680',
        ),
        drop_own_index(
            'performanceresult', 'run',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='performance_rows', to='reports.reportrun'),
            table='reports_performanceresult', column='run_id', index='reports_performanceresult_run_id_e56b740f',
        ),
        drop_own_index(
            'riskresult', 'center',
            models.ForeignKey(blank=True, db_index=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='centers.center'),
            table='reports_riskresult', column='center_id', index='reports_riskresult_center_id_c648385f',
        ),
        drop_own_index(
            'riskresult', 'run',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='risk_rows', to='reports.reportrun'),
            table='reports_riskresult', column='run_id', index='reports_riskresult_run_id_40be8a26',
        ),
        drop_own_index(
            'uniformityresult', 'center',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='centers.center'),
            table='reports_uniformityresult', column='center_id', index='reports_uniformityresult_center_id_11112d16',
        ),
        drop_own_index(
            'uniformityresult', 'port',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='centers.port'),
            table='reports_uniformityresult', column='port_id', index='reports_uniformityresult_port_id_673b2f6f',
        ),
        drop_own_index(
            'uniformityresult', 'run',
            models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='uniformity_rows', to='reports.reportrun'),
            table='reports_uniformityresult', column='run_id', index='reports_uniformityresult_run_id_4fe45826',
        ),
    ]
