import itertools

import pytest
from django.db import IntegrityError

from accounts import trust
from accounts.models import Importer
from accounts.trust import CtpatTier
from tests.factories import ImporterFactory

TIERS = ["none", "tier1", "tier2", "tier3"]
ALL_INPUTS = list(itertools.product(TIERS, [False, True], [False, True], [False, True]))


def expected_trust(ctpat_tier, isa, financially_compliant, participating):
    """DESIGN.md §2, restated: (service level, trusted trader, trusted partner)."""
    member_of_ctpat = ctpat_tier in ("tier1", "tier2", "tier3")
    if isa:
        level = "isa"
    elif member_of_ctpat:
        level = "ctpat"
    elif participating:
        level = "participating"
    else:
        level = "standard"
    trusted_trader = ctpat_tier in ("tier2", "tier3") and isa
    trusted_partner = ctpat_tier == "tier3" and isa and financially_compliant
    return level, trusted_trader, trusted_partner


@pytest.mark.parametrize(
    ("ctpat_tier", "isa", "financially_compliant", "participating"), ALL_INPUTS
)
def test_trust_functions_follow_the_design_rules_for_every_input(
    ctpat_tier, isa, financially_compliant, participating
):
    level, trusted_trader, trusted_partner = expected_trust(
        ctpat_tier, isa, financially_compliant, participating
    )
    assert (
        trust.service_level(ctpat_tier=ctpat_tier, isa_member=isa, participating=participating)
        == level
    )
    assert trust.is_trusted_trader(ctpat_tier=ctpat_tier, isa_member=isa) is trusted_trader
    assert (
        trust.is_trusted_partner(
            ctpat_tier=ctpat_tier, isa_member=isa, financially_compliant=financially_compliant
        )
        is trusted_partner
    )


@pytest.mark.parametrize(
    ("ctpat_tier", "isa", "financially_compliant", "participating"), ALL_INPUTS
)
def test_importer_derives_its_trust_from_its_inputs(
    ctpat_tier, isa, financially_compliant, participating
):
    importer = Importer(
        name="Unsaved",
        ior_number="12-345678900",
        ctpat_tier=ctpat_tier,
        isa_member=isa,
        financially_compliant=financially_compliant,
        participating=participating,
    )
    assert (importer.service_level, importer.trusted_trader, importer.trusted_partner) == (
        expected_trust(ctpat_tier, isa, financially_compliant, participating)
    )


@pytest.mark.parametrize(
    ("inputs", "failures"),
    [
        ({"ctpat_tier": "tier3", "isa_member": True, "financially_compliant": True}, []),
        (
            {"ctpat_tier": "tier2", "isa_member": True, "financially_compliant": True},
            ["C-TPAT tier 3"],
        ),
        ({"ctpat_tier": "tier3", "isa_member": False, "financially_compliant": True}, ["ISA"]),
        (
            {"ctpat_tier": "tier3", "isa_member": True, "financially_compliant": False},
            ["financial compliance"],
        ),
        (
            {"ctpat_tier": "none", "isa_member": False, "financially_compliant": False},
            ["C-TPAT tier 3", "ISA", "financial compliance"],
        ),
    ],
)
def test_trusted_partner_failures_name_each_unmet_criterion(inputs, failures):
    found = trust.trusted_partner_failures(**inputs)
    assert len(found) == len(failures)
    for message, criterion in zip(found, failures, strict=True):
        assert criterion in message


def test_service_level_rank_puts_isa_first_and_standard_last():
    ranked = sorted(trust.ServiceLevel, key=trust.SERVICE_LEVEL_RANK.__getitem__)
    assert [level.value for level in ranked] == ["isa", "ctpat", "participating", "standard"]


@pytest.mark.django_db
def test_database_refuses_isa_membership_without_ctpat():
    with pytest.raises(IntegrityError):
        ImporterFactory(ctpat_tier=CtpatTier.NONE, isa_member=True)


@pytest.mark.django_db
@pytest.mark.parametrize("tier", ["tier1", "tier2", "tier3"])
def test_database_accepts_isa_membership_with_any_ctpat_tier(tier):
    importer = ImporterFactory(ctpat_tier=tier, isa_member=True)
    assert importer.service_level == "isa"
