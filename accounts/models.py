"""Users, importer accounts, memberships, broker delegations, Account Executives, plans."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Max, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import UserObjectPermissionBase

from . import plans, trust
from .ior import mask_ior_number, normalize_ior_number
from .plans import PlanAction, PlanStatus, ReviewCadence
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
        return display_name_of(self.username, self.first_name, self.last_name)


def display_name_of(username: str, first_name: str, last_name: str) -> str:
    """A person's name as the portal shows it: the full name, else the username (lists
    read the three columns as values and call this without a User)."""
    return f"{first_name} {last_name}".strip() or username


class TradeRole(models.TextChoices):
    ADMIN = "admin", _("Admin")
    FILER = "filer", _("Filer")
    VIEWER = "viewer", _("Viewer")


# Codenames of the importer delegation permissions (guardian): a filer delegate acts for the
# importer, a viewer delegate reads it. The access policy (access.roles) reads them from here.
ACT_FOR_IMPORTER = "act_for_importer"
VIEW_IMPORTER = "view_importer"


class RiskSegment(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


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
    # Copied from the latest successful account risk report run (DESIGN.md §7) so that queue
    # pages filter and badge by segment without a join to the report; null before the first.
    risk_score = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    risk_previous_score = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    risk_segment = models.CharField(
        max_length=6, choices=RiskSegment.choices, blank=True, editable=False, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~(Q(isa_member=True) & Q(ctpat_tier=CtpatTier.NONE)),
                name="isa_requires_ctpat",
                violation_error_message=_("ISA membership requires C-TPAT importer membership."),
            ),
        ]
        permissions = [(ACT_FOR_IMPORTER, "Take trade actions for the importer")]

    def __str__(self):
        return f"{self.name} ({self.masked_ior_number})"

    def clean(self):
        if self.ior_number:
            self.ior_number = normalize_ior_number(self.ior_number)

    @property
    def masked_ior_number(self) -> str:
        return mask_ior_number(self.ior_number)

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
        return trust.is_trusted_partner(
            ctpat_tier=self.ctpat_tier,
            isa_member=self.isa_member,
            financially_compliant=self.financially_compliant,
        )


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
        if self.permission.codename == ACT_FOR_IMPORTER:
            return TradeRole.FILER
        return TradeRole.VIEWER


class AccountExecutiveAssignmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(ended_at__isnull=True)


class AccountExecutiveAssignment(models.Model):
    """Which AE serves a trusted-partner importer, and since when; ended rows are history."""

    importer = models.ForeignKey(Importer, on_delete=models.PROTECT, related_name="ae_assignments")
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


# Engagement plans (DESIGN.md §6) ---------------------------------------------------------


class EngagementPlanQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=PlanStatus.ACTIVE)

    def awaiting_approval(self):
        return self.filter(status=PlanStatus.SUBMITTED)

    def with_last_review(self):
        return self.annotate(last_reviewed_on=Max("reviews__reviewed_on"))

    def with_comments(self):
        """Prefetch the commented events, with their authors, as `plan.comment_events`."""
        commented = PlanEvent.objects.exclude(comment="").select_related("actor")
        return self.prefetch_related(
            Prefetch("events", queryset=commented, to_attr="comment_events")
        )


class EngagementPlan(models.Model):
    """A trusted partner's engagement plan with its Account Executive."""

    Status = PlanStatus

    importer = models.ForeignKey(
        Importer, on_delete=models.PROTECT, related_name="engagement_plans"
    )
    ae = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="engagement_plans",
        verbose_name=_("Account Executive"),
        help_text=_("The importer's Account Executive when the plan was drawn up."),
    )
    status = models.CharField(
        max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT, editable=False
    )
    version = models.PositiveIntegerField(
        default=0, editable=False, help_text=_("Number of the last submitted version.")
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    review_cadence = models.CharField(
        max_length=10, choices=ReviewCadence.choices, default=ReviewCadence.QUARTERLY
    )
    goals = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    touch_points = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    benefits = models.JSONField(default=list, blank=True, encoder=DjangoJSONEncoder)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    activated_at = models.DateTimeField(null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EngagementPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["importer"],
                condition=Q(status=PlanStatus.ACTIVE),
                name="one_active_plan_per_importer",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="plan_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(status__in=PlanStatus.values), name="plan_status_known"
            ),
        ]
        indexes = [models.Index(fields=["importer", "status"], name="plan_importer_status")]

    def __str__(self):
        return f"Plan {self.pk} for {self.importer.name} ({self.get_status_display()})"

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period must not end before it starts.")})

    @property
    def user_roles(self) -> frozenset[str]:
        """Acting roles of the user the plan was fetched for (`access.plans.with_roles`)."""
        return plans.roles_from(
            is_importer_admin=self.user_is_importer_admin, is_ae=self.user_is_ae
        )

    @property
    def user_allowed_actions(self) -> list[str]:
        return plans.allowed_actions(self.status, self.user_roles)

    @property
    def activated_on(self):
        return timezone.localdate(self.activated_at) if self.activated_at else None

    def editable_fields(self) -> dict:
        return {name: getattr(self, name) for name in plans.EDITABLE_FIELDS}

    def transition(self, action: str, *, by, comment: str = "") -> "PlanEvent":
        """Move the plan by `action` of the workflow table and record the event."""
        step = plans.TRANSITIONS[action]
        if self.status not in step.sources:
            raise plans.PlanConflict(
                _("A %(status)s plan cannot be moved by %(action)s.")
                % {"status": self.get_status_display().lower(), "action": action},
                status=self.status,
                allowed_actions=[],
            )
        from_status, now = self.status, timezone.now()
        self.status = step.target
        if step.target == PlanStatus.ACTIVE:
            self.activated_at = now
        if step.target == PlanStatus.CLOSED:
            self.closed_at = now
        self.save(update_fields=["status", "activated_at", "closed_at", "updated_at"])
        return PlanEvent.objects.create(
            plan=self,
            actor=by,
            action=action,
            from_status=from_status,
            to_status=step.target,
            at=now,
            comment=comment,
        )


class PlanVersion(models.Model):
    """The immutable snapshot of a plan as it was submitted."""

    plan = models.ForeignKey(EngagementPlan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    snapshot = models.JSONField(encoder=DjangoJSONEncoder)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="one_plan_version_number")
        ]

    def __str__(self):
        return f"Plan {self.plan_id} version {self.number}"


class PlanEvent(models.Model):
    """One step of a plan's workflow: append-only audit."""

    plan = models.ForeignKey(EngagementPlan, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(max_length=20, choices=PlanAction.choices)
    from_status = models.CharField(max_length=20, choices=PlanStatus.choices)
    to_status = models.CharField(max_length=20, choices=PlanStatus.choices)
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self):
        return f"Plan {self.plan_id}: {self.action} ({self.from_status} → {self.to_status})"


class PlanReview(models.Model):
    """A periodic review of an active plan: progress per goal and touch points used."""

    plan = models.ForeignKey(EngagementPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    progress = models.JSONField(
        default=list,
        encoder=DjangoJSONEncoder,
        help_text=_("Per goal: the goal as planned (with its target) and the actual value."),
    )
    touch_points_used = models.PositiveIntegerField()
    touch_points_planned = models.PositiveIntegerField()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        indexes = [models.Index(fields=["plan", "reviewed_on"], name="plan_review_date")]

    def __str__(self):
        return f"Review of plan {self.plan_id} on {self.reviewed_on}"
