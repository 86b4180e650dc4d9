from django.db import migrations


def load(apps, schema_editor):
    from centers.reference import load_reference_data

    load_reference_data(
        apps.get_model("centers", "Center"),
        apps.get_model("centers", "Port"),
        apps.get_model("centers", "PartnerAgency"),
    )


class Migration(migrations.Migration):
    dependencies = [("centers", "0001_initial")]

    # Reverse keeps the rows: other tables point at Centers and ports.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
