import pytest

from centers.models import Center


@pytest.mark.django_db
def test_reference_data_is_loaded_by_migration():
    assert Center.objects.count() == 10
