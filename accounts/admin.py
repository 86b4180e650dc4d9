from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from . import services
from .models import (
    AccountExecutiveAssignment,
    EngagementPlan,
    Importer,
    ImporterDelegation,
    Membership,
    PlanEvent,
    PlanReview,
    PlanVersion,
    User,
)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = [
        "username",
        "email",
        "first_name",
        "last_name",
        "is_active",
        "is_account_executive",
        "is_hq_reviewer",
        "is_service_account",
    ]
    list_filter = [
        "is_active",
        "is_staff",
        "is_account_executive",
        "is_hq_reviewer",
        "is_service_account",
    ]
    fieldsets = BaseUserAdmin.fieldsets + (
        ("CBP roles", {"fields": ["is_account_executive", "is_hq_reviewer", "is_service_account"]}),
    )

    def has_delete_permission(self, request, obj=None):
        return False  # users are deactivated, never deleted


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


class DelegationInline(admin.TabularInline):
    model = ImporterDelegation
    extra = 0
    fields = ["user", "permission", "expires_at", "granted_by", "granted_at"]
    readonly_fields = ["granted_at"]
    autocomplete_fields = ["user"]


class AEAssignmentInline(admin.TabularInline):
    model = AccountExecutiveAssignment
    fk_name = "importer"
    extra = 0
    fields = ["ae", "started_at", "ended_at", "assigned_by"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False  # through the "assign AE" form, which checks eligibility


@admin.register(Importer)
class ImporterAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "masked_ior_number",
        "size",
        "center",
        "center_pinned",
        "ctpat_tier",
        "isa_member",
        "service_level",
        "trusted_trader",
        "trusted_partner",
    ]
    list_filter = [
        "size",
        "center",
        "center_pinned",
        "ctpat_tier",
        "isa_member",
        "financially_compliant",
        "participating",
    ]
    search_fields = ["name", "ior_number"]
    readonly_fields = [
        "service_level",
        "trusted_trader",
        "trusted_partner",
        "trusted_partner_failures",
        "created_at",
    ]
    inlines = [MembershipInline, DelegationInline, AEAssignmentInline]

    @admin.display(description="Service level")
    def service_level(self, obj):
        return obj.service_level.label

    @admin.display(boolean=True)
    def trusted_trader(self, obj):
        return obj.trusted_trader

    @admin.display(boolean=True)
    def trusted_partner(self, obj):
        return obj.trusted_partner


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "importer", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "importer__name"]
    autocomplete_fields = ["user", "importer"]


@admin.register(ImporterDelegation)
class ImporterDelegationAdmin(admin.ModelAdmin):
    list_display = ["user", "content_object", "permission", "expires_at", "granted_at"]
    list_filter = ["permission"]
    search_fields = ["user__username", "content_object__name"]
    autocomplete_fields = ["user", "content_object"]


class AccountExecutiveAssignmentForm(forms.ModelForm):
    """The assignment's eligibility rules, shown on the form before anything is saved."""

    class Meta:
        model = AccountExecutiveAssignment
        fields = ["importer", "ae"]

    def clean(self):
        cleaned = super().clean()
        importer, ae = cleaned.get("importer"), cleaned.get("ae")
        if importer is not None and ae is not None:
            services.check_account_executive_assignment(importer, ae=ae)
        return cleaned


@admin.register(AccountExecutiveAssignment)
class AccountExecutiveAssignmentAdmin(admin.ModelAdmin):
    form = AccountExecutiveAssignmentForm
    list_display = ["importer", "ae", "started_at", "ended_at", "assigned_by"]
    list_filter = ["ended_at"]
    search_fields = ["importer__name", "ae__username"]
    autocomplete_fields = ["importer", "ae"]
    readonly_fields = ["ended_at", "assigned_by"]

    def has_change_permission(self, request, obj=None):
        return obj is None  # history is not edited; a new assignment ends the old one

    def save_model(self, request, obj, form, change):
        # The form has checked eligibility; the service ends the previous assignment.
        assignment = services.assign_account_executive(obj.importer, ae=obj.ae, by=request.user)
        obj.pk = assignment.pk


class ReadOnlyAdminMixin:
    """Rows that are history: shown in the admin, never added, changed or deleted there."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PlanVersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ["number", "submitted_by", "submitted_at"]
    readonly_fields = fields


class PlanEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PlanEvent
    extra = 0
    fields = ["at", "actor", "action", "from_status", "to_status", "comment"]
    readonly_fields = fields


class PlanReviewInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = PlanReview
    extra = 0
    fields = ["reviewed_on", "reviewed_by", "touch_points_used", "touch_points_planned"]
    readonly_fields = fields


@admin.register(EngagementPlan)
class EngagementPlanAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Plans change only through their workflow (pages and API), so the admin shows them."""

    list_display = [
        "id",
        "importer",
        "ae",
        "status",
        "version",
        "period_start",
        "period_end",
        "review_cadence",
    ]
    list_filter = ["status", "review_cadence"]
    search_fields = ["importer__name", "ae__username"]
    list_select_related = ["importer", "ae"]
    readonly_fields = [
        "importer",
        "ae",
        "status",
        "version",
        "period_start",
        "period_end",
        "review_cadence",
        "goals",
        "touch_points",
        "benefits",
        "created_by",
        "created_at",
        "updated_at",
        "activated_at",
        "closed_at",
    ]
    inlines = [PlanVersionInline, PlanEventInline, PlanReviewInline]


@admin.register(PlanVersion)
class PlanVersionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["plan", "number", "submitted_by", "submitted_at"]
    search_fields = ["plan__importer__name"]
    list_select_related = ["plan__importer", "submitted_by"]
    readonly_fields = ["plan", "number", "snapshot", "submitted_by", "submitted_at"]


@admin.register(PlanEvent)
class PlanEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["plan", "at", "actor", "action", "from_status", "to_status"]
    list_filter = ["action", "to_status"]
    search_fields = ["plan__importer__name", "actor__username", "comment"]
    list_select_related = ["plan__importer", "actor"]
    readonly_fields = ["plan", "at", "actor", "action", "from_status", "to_status", "comment"]


@admin.register(PlanReview)
class PlanReviewAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = [
        "plan",
        "reviewed_on",
        "reviewed_by",
        "touch_points_used",
        "touch_points_planned",
    ]
    search_fields = ["plan__importer__name"]
    list_select_related = ["plan__importer", "reviewed_by"]
    readonly_fields = [
        "plan",
        "reviewed_on",
        "reviewed_by",
        "progress",
        "touch_points_used",
        "touch_points_planned",
        "notes",
        "created_at",
    ]
