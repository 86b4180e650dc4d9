from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from . import services
from .models import (
    Document,
    Inquiry,
    InquiryEvent,
    Message,
    Notification,
    Referral,
    RoutingRecord,
    SlaBreach,
    StatutoryReminder,
)
from .workflow import Action, Actor


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EventInline(ReadOnlyInline):
    model = InquiryEvent
    fields = ["sequence", "at", "actor", "action", "from_status", "to_status", "reason"]
    readonly_fields = fields


class MessageInline(ReadOnlyInline):
    model = Message
    fields = ["created_at", "author", "internal", "body"]
    readonly_fields = fields


class ReferralInline(ReadOnlyInline):
    model = Referral
    fields = ["target", "agency", "note", "referred_at", "decision", "returned_at"]
    readonly_fields = fields


@admin.register(Inquiry)
class InquiryAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "importer",
        "type",
        "status",
        "center",
        "assignee",
        "due",
        "submitted_at",
    ]
    list_filter = ["status", "type", "center", "service_level", "functional_area"]
    search_fields = ["reference", "subject", "importer__name"]
    list_select_related = ["importer", "center", "assignee"]
    readonly_fields = [
        "reference",
        "importer",
        "type",
        "status",
        "entry",
        "hts",
        "details",
        "center",
        "functional_area",
        "routing_reason",
        "service_level",
        "assignee",
        "filed_by",
        "submitted_at",
        "first_response_at",
        "resolved_at",
        "outcome",
        "first_response_due",
        "resolution_due",
        "reply_due",
        "statutory_deadline",
        "statutory_clock",
        "due",
        "version",
    ]
    fields = ["subject", "description", *readonly_fields]
    inlines = [ReferralInline, MessageInline, EventInline]
    actions = ["close_resolved"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False  # inquiries are filed by importers

    def has_delete_permission(self, request, obj=None):
        return False  # inquiries are never deleted

    @admin.action(description="Close the selected resolved inquiries (31 days after resolution)")
    def close_resolved(self, request, queryset):
        closed = 0
        for inquiry in queryset:
            try:
                # The daily auto-close rule, applied by hand: recorded as this admin.
                services.perform_action(
                    inquiry, Action.CLOSE, by=request.user, roles=frozenset({Actor.SYSTEM})
                )
                closed += 1
            except (services.ActionNotAllowed, ValidationError):
                continue
        self.message_user(request, f"{closed} closed.", messages.INFO)


@admin.register(InquiryEvent)
class InquiryEventAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "sequence", "at", "actor", "action", "from_status", "to_status"]
    list_filter = ["action"]
    search_fields = ["inquiry__reference"]
    list_select_related = ["inquiry", "actor"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "author", "internal", "created_at"]
    list_filter = ["internal"]
    search_fields = ["inquiry__reference", "body"]
    readonly_fields = ["inquiry", "author", "internal", "created_at", "body"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "inquiry", "content_type", "size", "uploaded_by", "uploaded_at"]
    search_fields = ["filename", "inquiry__reference", "sha256"]
    readonly_fields = [
        "inquiry",
        "file",
        "storage_key",
        "filename",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "target", "agency", "referred_at", "returned_at", "recalled"]
    list_filter = ["target", "agency", "recalled"]
    search_fields = ["inquiry__reference"]
    readonly_fields = [
        "inquiry",
        "target",
        "agency",
        "note",
        "referred_by",
        "referred_at",
        "decision",
        "returned_by",
        "returned_at",
        "recalled",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(RoutingRecord)
class RoutingRecordAdmin(admin.ModelAdmin):
    list_display = ["inquiry", "center", "routed_at", "routed_by"]
    list_filter = ["center"]
    search_fields = ["inquiry__reference"]
    readonly_fields = ["inquiry", "center", "reason", "routed_by", "routed_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "recipient", "kind", "created_at", "delivered_at", "read_at"]
    list_filter = ["kind", "send_email"]
    search_fields = ["subject", "recipient__username"]
    readonly_fields = [
        "recipient",
        "inquiry",
        "subject",
        "body",
        "send_email",
        "kind",
        "dedupe_key",
        "created_at",
        "delivered_at",
        "read_at",
    ]


class SweepRecordAdmin(admin.ModelAdmin):
    """Records of what the sweeps sent: read only, they keep each alert or reminder single."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # deleting a record would send its alert or reminder again


@admin.register(SlaBreach)
class SlaBreachAdmin(SweepRecordAdmin):
    list_display = ["inquiry", "clock", "due", "center", "recorded_at"]
    list_filter = ["clock", "center"]
    search_fields = ["inquiry__reference"]


@admin.register(StatutoryReminder)
class StatutoryReminderAdmin(SweepRecordAdmin):
    list_display = ["importer", "kind", "deadline", "threshold", "sent_on"]
    list_filter = ["kind", "threshold"]
    search_fields = ["importer__name", "inquiry__reference", "entry__entry_number"]
