"""Trust derived from an importer's trust inputs (DESIGN.md §2), as pure functions.

Nothing here is stored: service level, trusted trader and trusted partner are always
computed from C-TPAT tier, ISA membership, financial compliance and participation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CtpatTier(models.TextChoices):
    NONE = "none", _("Not a member")
    TIER1 = "tier1", _("Tier 1 (certified)")
    TIER2 = "tier2", _("Tier 2 (validated)")
    TIER3 = "tier3", _("Tier 3")


class ServiceLevel(models.TextChoices):
    ISA = "isa", _("ISA / CTPAT Trade Compliance")
    CTPAT = "ctpat", _("C-TPAT")
    PARTICIPATING = "participating", _("Participating account")
    STANDARD = "standard", _("Standard")


# Queue order: ISA first (DESIGN.md §5).
SERVICE_LEVEL_RANK = {
    ServiceLevel.ISA: 0,
    ServiceLevel.CTPAT: 1,
    ServiceLevel.PARTICIPATING: 2,
    ServiceLevel.STANDARD: 3,
}


def service_level(*, ctpat_tier: str, isa_member: bool, participating: bool) -> ServiceLevel:
    """Return the service level of COAC recommendation 11."""
    if isa_member:
        return ServiceLevel.ISA
    if ctpat_tier != CtpatTier.NONE:
        return ServiceLevel.CTPAT
    if participating:
        return ServiceLevel.PARTICIPATING
    return ServiceLevel.STANDARD


def is_trusted_trader(*, ctpat_tier: str, isa_member: bool) -> bool:
    """Return whether the importer is C-TPAT tier 2 or 3 and an ISA member."""
    return ctpat_tier in (CtpatTier.TIER2, CtpatTier.TIER3) and isa_member


def trusted_partner_failures(
    *, ctpat_tier: str, isa_member: bool, financially_compliant: bool
) -> list[str]:
    """Return the unmet trusted-partner criteria, in plain words (empty when eligible)."""
    failures = []
    if ctpat_tier != CtpatTier.TIER3:
        failures.append(str(_("C-TPAT tier 3 is required")))
    if not isa_member:
        failures.append(str(_("membership in ISA / CTPAT Trade Compliance is required")))
    if not financially_compliant:
        failures.append(str(_("financial compliance (no past-due bills) is required")))
    return failures


def is_trusted_partner(*, ctpat_tier: str, isa_member: bool, financially_compliant: bool) -> bool:
    """Return whether the importer may have an Account Executive (volume is no criterion)."""
    return not trusted_partner_failures(
        ctpat_tier=ctpat_tier, isa_member=isa_member, financially_compliant=financially_compliant
    )
