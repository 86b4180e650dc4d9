"""Back office for report runs: read only; running a date again goes through the service."""

from django.contrib import admin, messages

from .models import ReportRun
from .tasks import run_report_task


@admin.register(ReportRun)
class ReportRunAdmin(admin.ModelAdmin):
    list_display = ["kind", "date", "status", "started_at", "finished_at", "rows", "attempts"]
    list_filter = ["kind", "status"]
    date_hierarchy = "date"
    readonly_fields = [
        "kind",
        "date",
        "parameters",
        "status",
        "started_at",
        "finished_at",
        "succeeded_at",
        "rows",
        "attempts",
        "error",
    ]
    actions = ["run_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Run the selected reports again (replaces their results)")
    def run_again(self, request, queryset):
        for run in queryset:
            run_report_task.delay(run.kind, run.date.isoformat(), run.parameters)
        self.message_user(request, f"{queryset.count()} run(s) enqueued.", messages.SUCCESS)
