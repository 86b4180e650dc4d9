"""The account rows of the trade pages: the accounts list and the dashboard read the same rows.

Each row is an importer the user sees, with what they are to it (member role, broker
delegation, admin) and its IOR number as they may read it.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

import access

from .models import ACT_FOR_IMPORTER, TradeRole


def account_rows(user):
    """The importers the user sees, with their roles and Center, by name."""
    importers = access.importers.visible(user).select_related("center").order_by("name", "pk")
    return access.importers.with_user_roles(user, importers)


def describe_roles(importers, user) -> list:
    """Set `role_label` and `ior_display` on rows of `account_rows` (SSN masked per §2)."""
    for importer in importers:
        importer.role_label = _role_label(importer)
        importer.ior_display = access.importers.ior_number_for(user, importer)
    return importers


def _role_label(importer) -> str:
    role = getattr(importer, "member_role", None)
    if role:
        return TradeRole(role).label
    codename = getattr(importer, "delegation_codename", None)
    if not codename:
        return ""
    kind = TradeRole.FILER if codename == ACT_FOR_IMPORTER else TradeRole.VIEWER
    label = _("Broker (%(role)s)") % {"role": kind.label.lower()}
    expires = importer.delegation_expires_at
    if expires:
        label += " " + _("until %(day)s") % {"day": timezone.localtime(expires).date().isoformat()}
    return label
