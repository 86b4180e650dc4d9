"""Entry numbers and HTS numbers (domain/formats.md)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CANONICAL_ENTRY_NUMBER = re.compile(r"^(?!000)[A-Z0-9]{3}\d{7}\d$")
DISPLAY_ENTRY_NUMBER = re.compile(r"^[A-Z0-9]{3}-\d{7}-\d$")
HTS_NUMBER = re.compile(r"^\d{10}$")
HTS_DISPLAY = re.compile(r"^\d{4}\.\d{2}\.\d{4}$")

# Filer-code letters map to digits for the check digit.
LETTER_VALUES = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "12345678912345678923456789", strict=True))


def check_digit(base: str) -> int:
    """Return the Luhn (mod 10) check digit over the 10 base characters."""
    total = 0
    for position, char in enumerate(base, start=1):
        digit = int(LETTER_VALUES.get(char, char))
        if position % 2 == 0:
            digit *= 2
            digit = digit // 10 + digit % 10
        total += digit
    return (10 - total % 10) % 10


def normalize_entry_number(value: str) -> str:
    """Return the canonical entry number (ABC12345676) from either form, or raise."""
    candidate = (value or "").strip().upper()
    if DISPLAY_ENTRY_NUMBER.match(candidate):
        candidate = candidate.replace("-", "")
    if not CANONICAL_ENTRY_NUMBER.match(candidate):
        raise ValidationError(
            _(
                "%(value)s is not an entry number: expected a filer code, 7 digits and a check "
                "digit, such as ABC-1234567-6."
            )
            % {"value": value},
            code="invalid_entry_number",
        )
    if check_digit(candidate[:10]) != int(candidate[10]):
        raise ValidationError(
            _("%(value)s has a wrong check digit.") % {"value": value}, code="bad_check_digit"
        )
    return candidate


def display_entry_number(canonical: str) -> str:
    return f"{canonical[:3]}-{canonical[3:10]}-{canonical[10]}"


def normalize_hts(value: str, *, allow_special: bool = False) -> str:
    """Return a 10-digit HTS number from either form; chapters 01–97 (98/99 if allowed)."""
    candidate = (value or "").strip()
    if HTS_DISPLAY.match(candidate):
        candidate = candidate.replace(".", "")
    if not HTS_NUMBER.match(candidate):
        raise ValidationError(
            _("%(value)s is not an HTS number: expected 10 digits such as 3004.90.9290.")
            % {"value": value},
            code="invalid_hts",
        )
    chapter = int(candidate[:2])
    special = chapter in (98, 99)
    if allow_special and not special:
        raise ValidationError(
            _("%(value)s is not a chapter 98 or 99 number.") % {"value": value},
            code="not_special_hts",
        )
    if not allow_special and not 1 <= chapter <= 97:
        raise ValidationError(
            _("%(value)s must be classified in chapters 01 to 97.") % {"value": value},
            code="invalid_hts_chapter",
        )
    return candidate


def display_hts(number: str) -> str:
    """Show an HTS number or prefix with its usual dots: 8471300100 -> 8471.30.0100."""
    parts = [number[:4], number[4:6], number[6:]]
    return ".".join(part for part in parts if part)
