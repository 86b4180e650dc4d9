import pytest
from django.core.exceptions import ValidationError

from accounts.ior import is_ssn, mask_ior_number, normalize_ior_number
from tests.factories import ImporterFactory


@pytest.mark.parametrize(
    ("value", "display"),
    [
        ("12-3456789AB", "12-3456789AB"),  # IRS number with a letter suffix
        ("12-345678900", "12-345678900"),  # IRS number with the usual 00 suffix
        ("12-3456789Y9", "12-3456789Y9"),
        ("12-3456789ab", "12-3456789AB"),  # suffix letters are upper-cased
        ("123456-12345", "123456-12345"),  # CBP-assigned number (Form 5106)
        ("123-45-6789", "123-45-6789"),  # Social Security number
        (" 123-45-6789 ", "123-45-6789"),
    ],
)
def test_each_of_the_three_ior_formats_is_accepted_in_display_form(value, display):
    assert normalize_ior_number(value) == display


@pytest.mark.parametrize(
    "value",
    [
        "",
        "12-3456789OO",  # suffix letter O
        "12-3456789I0",  # suffix letter I
        "12-34567890Z",  # suffix letter Z
        "12-3456789ZZ",
        "12-3456789",  # no suffix
        "123456789AB",  # no dash
        "1-23456789AB",
        "123456-1234",  # CBP-assigned number one digit short
        "12345612345",
        "123-456-789",
        "123456789",  # SSN without dashes
        "abc-de-fghi",
    ],
)
def test_numbers_in_no_ior_format_are_refused(value):
    with pytest.raises(ValidationError) as exc_info:
        normalize_ior_number(value)
    assert exc_info.value.code == "invalid_ior"


@pytest.mark.parametrize(
    ("ior_number", "shown"),
    [
        ("123-45-6789", "***-**-6789"),
        ("12-3456789AB", "12-3456789AB"),
        ("123456-12345", "123456-12345"),
    ],
)
def test_only_ssn_form_numbers_are_masked_to_the_last_four_digits(ior_number, shown):
    assert mask_ior_number(ior_number) == shown
    assert is_ssn(ior_number) == (shown != ior_number)


@pytest.mark.django_db
def test_importer_string_never_shows_a_full_ssn():
    importer = ImporterFactory(name="Pat Doe Imports", ior_number="123-45-6789")
    assert importer.masked_ior_number == "***-**-6789"
    assert "6789" in str(importer)
    assert "123-45" not in str(importer)


def test_importer_clean_stores_the_display_form():
    importer = ImporterFactory.build(ior_number="12-3456789ab")
    importer.clean()
    assert importer.ior_number == "12-3456789AB"
