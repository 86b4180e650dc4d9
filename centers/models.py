"""Centers, ports, partner agencies, Center staff and the public Center content."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FunctionalArea(models.TextChoices):
    RISK_MANAGEMENT = "risk_management", _("Risk management")
    ENFORCEMENT = "enforcement", _("Enforcement")
    CUSTOMER_SERVICE = "customer_service", _("Customer service")
    UNIFORMITY_POLICY = "uniformity_policy", _("Uniformity and policy")
    ACCOUNT_VALIDATION = "account_validation", _("Account validation")


class Center(models.Model):
    """One of the ten industry Centers of Excellence and Expertise, referred to by code."""

    code = models.CharField(max_length=4, primary_key=True)
    name = models.CharField(max_length=100)
    office_city = models.CharField(max_length=100)
    host_port = models.CharField(max_length=4, help_text=_("Schedule D code of the host port."))
    director = models.CharField(max_length=100, blank=True)
    description = models.TextField(blank=True)
    hts_prefixes = models.JSONField(
        default=list, editable=False, help_text=_("Loaded from centers.csv; longest prefix wins.")
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class Port(models.Model):
    """A port of entry by its Schedule D code (leading zero significant)."""

    code = models.CharField(max_length=4, primary_key=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class PartnerAgency(models.Model):
    """A partner government agency (PGA) that inquiries may be referred to."""

    code = models.CharField(max_length=3, primary_key=True)
    name = models.CharField(max_length=100)
    centers = models.ManyToManyField(
        Center,
        blank=True,
        related_name="partner_agencies",
        help_text=_("Alignment for public pages and defaults only; any Center may refer."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name_plural = _("partner agencies")

    def __str__(self):
        return f"{self.code} – {self.name}"


class CenterStaffQuerySet(models.QuerySet):
    def supervisors(self):
        return self.filter(is_supervisor=True)


class CenterStaff(models.Model):
    """A CBP user's place in one Center, with a functional area (it routes, not restricts)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="center_staff"
    )
    center = models.ForeignKey(Center, on_delete=models.PROTECT, related_name="staff")
    functional_area = models.CharField(max_length=20, choices=FunctionalArea.choices)
    is_supervisor = models.BooleanField(_("supervisor or director"), default=False)

    objects = CenterStaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("Center staff member")
        verbose_name_plural = _("Center staff")

    def __str__(self):
        return f"{self.user} – {self.center_id} ({self.get_functional_area_display()})"


class PgaLiaison(models.Model):
    """A partner agency's staff member who answers inquiries referred to the agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pga_liaison"
    )
    agency = models.ForeignKey(PartnerAgency, on_delete=models.PROTECT, related_name="liaisons")

    class Meta:
        verbose_name = _("PGA liaison")

    def __str__(self):
        return f"{self.user} ({self.agency_id})"


class Publication(models.Model):
    """Informed Compliance Publications, guidance and PGA links shown on a Center page."""

    class Kind(models.TextChoices):
        INFORMED_COMPLIANCE = "icp", _("Informed Compliance Publication")
        GUIDANCE = "guidance", _("Guidance")
        PGA_LINK = "pga_link", _("Partner agency link")

    center = models.ForeignKey(
        Center,
        on_delete=models.CASCADE,
        related_name="publications",
        null=True,
        blank=True,
        help_text=_("Leave empty for a publication of every Center."),
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    summary = models.TextField(blank=True)
    published_on = models.DateField(default=timezone.localdate)

    class Meta:
        ordering = ["-published_on", "title"]

    def __str__(self):
        return self.title


class RulingQuerySet(models.QuerySet):
    def search(self, *, number: str = "", hts: str = "", text: str = ""):
        """Filter by ruling number, HTS prefix and full text (PostgreSQL full-text search)."""
        from django.db import connection

        rulings = self
        if number:
            rulings = rulings.filter(number__icontains=number.replace(" ", ""))
        if hts:
            digits = "".join(ch for ch in hts if ch.isdigit())
            rulings = rulings.filter(hts_text__contains=f" {digits}")
        if text:
            if connection.vendor == "postgresql":
                from django.contrib.postgres.search import SearchQuery, SearchVector

                vector = SearchVector("subject", weight="A") + SearchVector("text", weight="B")
                rulings = rulings.annotate(search=vector).filter(
                    search=SearchQuery(text, search_type="websearch")
                )
            else:  # the embedded SQLite default degrades to a plain substring match
                rulings = rulings.filter(
                    models.Q(subject__icontains=text) | models.Q(text__icontains=text)
                )
        return rulings


class Ruling(models.Model):
    """A binding ruling in the style of CROSS: number, date, HTS numbers, subject and text."""

    number = models.CharField(max_length=10, unique=True)
    ruling_date = models.DateField()
    hts_numbers = models.JSONField(default=list)
    # Space-separated copy of hts_numbers with a leading space: prefix search by LIKE.
    hts_text = models.CharField(max_length=500, editable=False, default="")
    subject = models.CharField(max_length=300)
    text = models.TextField()
    center = models.ForeignKey(
        Center, on_delete=models.SET_NULL, null=True, blank=True, related_name="rulings"
    )

    objects = RulingQuerySet.as_manager()

    class Meta:
        ordering = ["-ruling_date", "number"]

    def __str__(self):
        return f"{self.number}: {self.subject}"

    def clean(self):
        self.hts_text = "".join(f" {number}" for number in self.hts_numbers)


class Event(models.Model):
    """A Center event or webinar; some are aimed at small and mid-size importers."""

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=200, help_text=_("A city, or 'Webinar'."))
    url = models.URLField(blank=True)
    description = models.TextField(blank=True)
    for_small_business = models.BooleanField(
        _("aimed at small and mid-size importers"), default=False
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self):
        return self.title
