"""Importer-of-record numbers: the three formats of domain/formats.md and SSN masking."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

IRS_NUMBER = re.compile(r"^\d{2}-\d{7}[0-9A-HJ-NP-Y]{2}$")
CBP_ASSIGNED_NUMBER = re.compile(r"^\d{6}-\d{5}$")
SOCIAL_SECURITY_NUMBER = re.compile(r"^\d{3}-\d{2}-\d{4}$")

FORMATS = (IRS_NUMBER, CBP_ASSIGNED_NUMBER, SOCIAL_SECURITY_NUMBER)


def normalize_ior_number(value: str) -> str:
    """Return the IOR number in display form, or raise ValidationError naming the formats."""
    candidate = (value or "").strip().upper()
    if any(pattern.match(candidate) for pattern in FORMATS):
        return candidate
    raise ValidationError(
        _(
            "Enter an importer-of-record number as an IRS number (12-3456789AB), "
            "a CBP-assigned number (123456-12345) or a Social Security number (123-45-6789)."
        ),
        code="invalid_ior",
    )


def is_ssn(ior_number: str) -> bool:
    return bool(SOCIAL_SECURITY_NUMBER.match(ior_number or ""))


def mask_ior_number(ior_number: str) -> str:
    """Hide all but the last four digits of an SSN-form number; other forms are not personal."""
    if is_ssn(ior_number):
        return f"***-**-{ior_number[-4:]}"
    return ior_number
