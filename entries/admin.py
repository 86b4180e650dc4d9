from django.contrib import admin

from .models import Entry, EntryLine


class EntryLineInline(admin.TabularInline):
    model = EntryLine
    extra = 0
    readonly_fields = ["center"]


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = [
        "display_number",
        "importer",
        "entry_type",
        "port",
        "entry_date",
        "liquidation_status",
        "liquidation_date",
        "total_value",
    ]
    list_filter = ["liquidation_status", "entry_type", "port"]
    search_fields = ["entry_number", "importer__name"]
    date_hierarchy = "entry_date"
    list_select_related = ["importer", "port"]
    readonly_fields = [
        "entry_number",
        "importer",
        "principal_hts",
        "principal_center",
        "imported_at",
        "updated_at",
    ]
    inlines = [EntryLineInline]
    show_full_result_count = False

    @admin.display(description="Entry number", ordering="entry_number")
    def display_number(self, obj):
        return obj.display_number

    def has_add_permission(self, request):
        return False  # entries arrive in batches (import_entries or the batch API)


@admin.register(EntryLine)
class EntryLineAdmin(admin.ModelAdmin):
    list_display = ["entry", "line_number", "hts", "country_of_origin", "value", "duty", "center"]
    list_filter = ["center"]
    search_fields = ["entry__entry_number", "hts"]
    list_select_related = ["entry"]
    show_full_result_count = False
