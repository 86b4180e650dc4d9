"""Users, importer accounts, memberships, broker delegations and Account Executives."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase

from . import trust
from .ior import is_ssn, mask_ior_number, normalize_ior_number
from .trust import CtpatTier


class User(AbstractUser):
    """A person (or the ACE feed service account). Users are deactivated, never deleted."""

    is_account_executive = models.BooleanField(
        _("Account Executive"),
        default=False,
        help_text=_("CBP staff who may be assigned to trusted-partner accounts."),
    )
    is_hq_reviewer = models.BooleanField(
        _("HQ reviewer"),
        default=False,
        help_text=_("CBP Headquarters (Regulations & Rulings): HQ referrals and triage."),
    )
    is_service_account = models.BooleanField(
        _("ACE feed service account"),
        default=False,
        help_text=_("Signs in only through the token endpoint and imports entry batches."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class TradeRole(models.TextChoices):
    ADMIN = "admin", _("Admin")
    FILER = "filer", _("Filer")
    VIEWER = "viewer", _("Viewer")


class ImporterQuerySet(models.QuerySet):
    def visible_to(self, user):
        from cee_portal import access

        return access.importers_visible_to(user, self)


class Importer(models.Model):
    """An importer account: the unit of account-based processing."""

    class Size(models.TextChoices):
        SME = "sme", _("Small or mid-size")
        LARGE = "large", _("Large")

    name = models.CharField(_("legal name"), max_length=200)
    ior_number = models.CharField(
        _("importer-of-record number"),
        max_length=12,
        unique=True,
        help_text=_("IRS number, CBP-assigned number or Social Security number, with dashes."),
    )
    size = models.CharField(max_length=5, choices=Size.choices, default=Size.SME)
    center = models.ForeignKey(
        "centers.Center",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="importers",
        help_text=_("Computed nightly from entered value unless pinned."),
    )
    center_pinned = models.BooleanField(
        _("Center pinned"),
        default=False,
        help_text=_("An admin's manual assignment: the nightly recomputation leaves it alone."),
    )
    ctpat_tier = models.CharField(
        _("C-TPAT status"), max_length=5, choices=CtpatTier.choices, default=CtpatTier.NONE
    )
    ctpat_certified_on = models.DateField(_("C-TPAT certification date"), null=True, blank=True)
    isa_member = models.BooleanField(_("ISA / CTPAT Trade Compliance"), default=False)
    isa_approved_on = models.DateField(_("ISA approval date"), null=True, blank=True)
    financially_compliant = models.BooleanField(
        _("financially compliant"), default=True, help_text=_("No past-due bills.")
    )
    participating = models.BooleanField(
        _("participating account"), default=False, help_text=_("Enrolled in a Center test.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ImporterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(isa_member=True) & Q(ctpat_tier=CtpatTier.NONE)),
                name="isa_requires_ctpat",
                violation_error_message=_("ISA membership requires C-TPAT importer membership."),
            ),
        ]
        permissions = [("act_for_importer", "Take trade actions for the importer")]

    def __str__(self):
        return f"{self.name} ({self.masked_ior_number})"

    def clean(self):
        if self.ior_number:
            self.ior_number = normalize_ior_number(self.ior_number)

    @property
    def masked_ior_number(self) -> str:
        return mask_ior_number(self.ior_number)

    @property
    def ior_is_ssn(self) -> bool:
        return is_ssn(self.ior_number)

    @property
    def service_level(self) -> trust.ServiceLevel:
        return trust.service_level(
            ctpat_tier=self.ctpat_tier, isa_member=self.isa_member, participating=self.participating
        )

    @property
    def trusted_trader(self) -> bool:
        return trust.is_trusted_trader(ctpat_tier=self.ctpat_tier, isa_member=self.isa_member)

    @property
    def trusted_partner_failures(self) -> list[str]:
        return trust.trusted_partner_failures(
            ctpat_tier=self.ctpat_tier,
            isa_member=self.isa_member,
            financially_compliant=self.financially_compliant,
        )

    @property
    def trusted_partner(self) -> bool:
        return not self.trusted_partner_failures


class Membership(models.Model):
    """A trade user's place in an importer account, with a role."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    importer = models.ForeignKey(Importer, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=6, choices=TradeRole.choices, default=TradeRole.VIEWER)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "importer"], name="one_membership_per_importer")
        ]

    def __str__(self):
        return f"{self.user} – {self.importer.name} ({self.get_role_display()})"


class ImporterDelegation(UserObjectPermissionBase):
    """A broker user's grant on a whole importer (guardian direct foreign key), maybe expiring.

    The permission is ``accounts.act_for_importer`` for a filer delegate and
    ``accounts.view_importer`` for a viewer. Guardian's shortcuts ignore ``expires_at``:
    the access policy filters it, and an hourly task deletes expired grants.
    """

    content_object = models.ForeignKey(
        Importer, on_delete=models.CASCADE, related_name="delegations"
    )
    expires_at = models.DateTimeField(null=True, blank=True, db_index=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta(UserObjectPermissionBase.Meta):
        verbose_name = _("importer delegation")

    def __str__(self):
        return f"{self.user} → {self.content_object.name} ({self.role})"

    @property
    def role(self) -> str:
        if self.permission.codename == "act_for_importer":
            return TradeRole.FILER
        return TradeRole.VIEWER


class AccountExecutiveAssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class AccountExecutiveAssignment(models.Model):
    """Which AE serves a trusted-partner importer, and since when; ended rows are history."""

    importer = models.ForeignKey(
        Importer, on_delete=models.PROTECT, related_name="ae_assignments"
    )
    ae = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="ae_assignments",
        verbose_name=_("Account Executive"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = AccountExecutiveAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["importer"],
                condition=Q(ended_at__isnull=True),
                name="one_active_ae_per_importer",
            )
        ]

    def __str__(self):
        return f"{self.ae} for {self.importer.name}"
