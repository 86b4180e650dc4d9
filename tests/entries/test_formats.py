import pytest
from django.core.exceptions import ValidationError

from entries.formats import (
    check_digit,
    display_entry_number,
    display_hts,
    normalize_entry_number,
    normalize_hts,
)

# The test vectors of domain/formats.md: (display form, canonical form).
VECTORS = [
    ("002-6110316-2", "00261103162"),
    ("002-6111115-7", "00261111157"),
    ("002-6111109-0", "00261111090"),
    ("ABC-1234567-6", "ABC12345676"),
]


def _with_check_digit(number: str, digit: int) -> str:
    return f"{number[:-1]}{digit}"


WRONG_CHECK_DIGITS = [
    (form, _with_check_digit(form, digit))
    for display, canonical in VECTORS
    for form in (display, canonical)
    for digit in range(10)
    if digit != int(form[-1])
]


@pytest.mark.parametrize(("display", "canonical"), VECTORS)
def test_entry_number_test_vectors_are_valid_in_display_form(display, canonical):
    assert normalize_entry_number(display) == canonical


@pytest.mark.parametrize(("display", "canonical"), VECTORS)
def test_entry_number_test_vectors_are_valid_in_canonical_form(display, canonical):
    assert normalize_entry_number(canonical) == canonical


@pytest.mark.parametrize(("display", "canonical"), VECTORS)
def test_check_digit_of_test_vectors_is_computed_from_the_ten_base_characters(display, canonical):
    assert check_digit(canonical[:10]) == int(canonical[10])


@pytest.mark.parametrize(("valid", "changed"), WRONG_CHECK_DIGITS)
def test_entry_number_with_any_other_check_digit_is_refused(valid, changed):
    with pytest.raises(ValidationError) as exc_info:
        normalize_entry_number(changed)
    assert exc_info.value.code == "bad_check_digit"


@pytest.mark.parametrize(("display", "canonical"), VECTORS)
def test_display_and_canonical_forms_round_trip(display, canonical):
    assert display_entry_number(normalize_entry_number(display)) == display
    assert normalize_entry_number(display_entry_number(canonical)) == canonical


def test_lowercase_filer_code_and_surrounding_space_are_accepted():
    assert normalize_entry_number("  abc-1234567-6 ") == "ABC12345676"


@pytest.mark.parametrize("filer_000", ["000-1234567-0", "00012345670"])
def test_filer_code_000_is_refused_whatever_the_check_digit(filer_000):
    for digit in range(10):
        with pytest.raises(ValidationError) as exc_info:
            normalize_entry_number(_with_check_digit(filer_000, digit))
        assert exc_info.value.code == "invalid_entry_number"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "ABC-123456-6",  # 6 digits
        "ABC-12345678-6",  # 8 digits
        "AB-1234567-6",  # filer code of 2
        "ABC1234567-6",  # half-dashed
        "ABC-1234567-X",  # letter check digit
        "AB#12345676",
        "ABC 1234567 6",
    ],
)
def test_malformed_entry_numbers_are_refused(value):
    with pytest.raises(ValidationError) as exc_info:
        normalize_entry_number(value)
    assert exc_info.value.code == "invalid_entry_number"


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        ("3004909290", "3004909290"),
        ("3004.90.9290", "3004909290"),
        ("0101210010", "0101210010"),
        ("9701100000", "9701100000"),
        (" 8471.30.0100 ", "8471300100"),
    ],
)
def test_hts_numbers_of_chapters_01_to_97_are_accepted_in_both_forms(value, canonical):
    assert normalize_hts(value) == canonical


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "invalid_hts"),
        ("300490929", "invalid_hts"),  # 9 digits
        ("30049092901", "invalid_hts"),  # 11 digits
        ("3004.909.290", "invalid_hts"),
        ("30049O9290", "invalid_hts"),  # letter O
        ("3004-90-9290", "invalid_hts"),
        ("0001000000", "invalid_hts_chapter"),
        ("9801001000", "invalid_hts_chapter"),
        ("9903.88.0300", "invalid_hts_chapter"),
    ],
)
def test_bad_hts_numbers_are_refused(value, code):
    with pytest.raises(ValidationError) as exc_info:
        normalize_hts(value)
    assert exc_info.value.code == code


@pytest.mark.parametrize("value", ["9903880300", "9903.88.0300", "9801001000"])
def test_chapter_98_and_99_numbers_are_accepted_as_additional_numbers(value):
    assert normalize_hts(value, allow_special=True) == value.replace(".", "")


def test_a_chapter_01_to_97_number_is_not_an_additional_number():
    with pytest.raises(ValidationError) as exc_info:
        normalize_hts("8471300100", allow_special=True)
    assert exc_info.value.code == "not_special_hts"


def test_hts_display_form_has_dots_after_heading_and_subheading():
    assert display_hts("3004909290") == "3004.90.9290"
