"""The reference data copied into centers/data/ must equal the shared domain folder."""

from pathlib import Path

import pytest
from django.conf import settings

COPIES = Path(settings.BASE_DIR) / "centers" / "data"
SHARED = Path(settings.BASE_DIR).parent / "shared" / "domain"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="the shared domain folder is not beside the repository"
)


def _names(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir() if path.is_file()}


@needs_shared
def test_centers_data_holds_a_copy_of_every_shared_domain_file_and_nothing_else():
    assert _names(COPIES) == _names(SHARED)


@needs_shared
@pytest.mark.parametrize("name", sorted(_names(COPIES)))
def test_each_copy_equals_its_shared_domain_file_byte_for_byte(name):
    original = SHARED / name
    assert original.is_file(), f"{name} is not in the shared domain folder"
    assert (COPIES / name).read_bytes() == original.read_bytes()
