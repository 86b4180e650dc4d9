from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "cee_portal"
    verbose_name = "CEE Portal"
