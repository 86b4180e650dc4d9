from django.contrib import admin

from .models import Center, CenterStaff, Event, PartnerAgency, PgaLiaison, Port, Publication, Ruling


@admin.register(Center)
class CenterAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "office_city", "host_port", "director"]
    search_fields = ["code", "name"]
    readonly_fields = ["code", "hts_prefixes"]
    fields = ["code", "name", "office_city", "host_port", "director", "description", "hts_prefixes"]


@admin.register(Port)
class PortAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(PartnerAgency)
class PartnerAgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    filter_horizontal = ["centers"]


@admin.register(CenterStaff)
class CenterStaffAdmin(admin.ModelAdmin):
    list_display = ["user", "center", "functional_area", "is_supervisor"]
    list_filter = ["center", "functional_area", "is_supervisor"]
    search_fields = ["user__username", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(PgaLiaison)
class PgaLiaisonAdmin(admin.ModelAdmin):
    list_display = ["user", "agency"]
    list_filter = ["agency"]
    autocomplete_fields = ["user"]


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "center", "published_on"]
    list_filter = ["kind", "center"]
    search_fields = ["title", "summary"]


@admin.register(Ruling)
class RulingAdmin(admin.ModelAdmin):
    list_display = ["number", "ruling_date", "subject", "center"]
    list_filter = ["center"]
    search_fields = ["number", "subject", "hts_text"]
    date_hierarchy = "ruling_date"

    def save_model(self, request, obj, form, change):
        obj.clean()
        super().save_model(request, obj, form, change)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "center", "starts_at", "location", "for_small_business"]
    list_filter = ["center", "for_small_business"]
    search_fields = ["title"]
