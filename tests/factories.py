"""factory_boy factories for accounts, Centers and entries."""

from datetime import date
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from accounts.models import Importer, Membership, TradeRole
from accounts.trust import CtpatTier
from centers.models import Center, CenterStaff, FunctionalArea, PartnerAgency, PgaLiaison, Port
from entries.formats import check_digit
from entries.models import Entry, EntryLine, EntryType, LiquidationStatus


def entry_number(n: int, filer: str = "ABC") -> str:
    base = f"{filer}{n:07d}"
    return f"{base}{check_digit(base)}"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"User{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.django.Password("a-test-password-1")


class ImporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Importer

    name = factory.Sequence(lambda n: f"Importer {n} Inc.")
    ior_number = factory.Sequence(lambda n: f"{10 + n % 89:02d}-{n:07d}00")
    size = Importer.Size.SME
    ctpat_tier = CtpatTier.NONE


class TrustedPartnerFactory(ImporterFactory):
    size = Importer.Size.LARGE
    ctpat_tier = CtpatTier.TIER3
    isa_member = True
    financially_compliant = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    importer = factory.SubFactory(ImporterFactory)
    role = TradeRole.FILER


def center(code: str) -> Center:
    """Centers are reference data loaded by migration (reloaded if a flush removed them)."""
    if not Center.objects.filter(code=code).exists():
        from centers.reference import load_reference_data

        load_reference_data(Center, Port, PartnerAgency)
    return Center.objects.get(code=code)


def port(code: str = "1001") -> Port:
    return Port.objects.get(code=code)


class CenterStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CenterStaff

    user = factory.SubFactory(UserFactory)
    center = factory.LazyFunction(lambda: center("PHC"))
    functional_area = FunctionalArea.CUSTOMER_SERVICE
    is_supervisor = False


class PgaLiaisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PgaLiaison

    user = factory.SubFactory(UserFactory)
    agency = factory.LazyFunction(lambda: PartnerAgency.objects.get(code="FDA"))


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    entry_number = factory.Sequence(lambda n: entry_number(n + 1000))
    importer = factory.SubFactory(ImporterFactory)
    entry_type = EntryType.CONSUMPTION
    port = factory.LazyFunction(port)
    entry_date = date(2026, 1, 5)
    release_date = date(2026, 1, 5)
    liquidation_date = None
    liquidation_status = LiquidationStatus.UNLIQUIDATED
    total_value = Decimal("1000.00")
    total_duty = Decimal("50.00")
    principal_hts = "3004909290"
    principal_center = factory.LazyFunction(lambda: center("PHC"))


class EntryLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryLine

    entry = factory.SubFactory(EntryFactory)
    line_number = factory.Sequence(lambda n: n + 1)
    hts = "3004909290"
    country_of_origin = "IE"
    value = Decimal("1000.00")
    duty = Decimal("50.00")
    center = factory.LazyFunction(lambda: center("PHC"))
