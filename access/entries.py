"""Who sees which entries, and who may file an inquiry on one (DESIGN.md §1, §4)."""

from django.db.models import Q, QuerySet

from entries.models import Entry

from . import inquiries, roles
from .conditions import any_of


def visible(user, entries: QuerySet | None = None) -> QuerySet:
    """The entries of `entries` (all by default) the user may see: of visible accounts, or
    named in a visible inquiry."""
    entries = Entry.objects.all() if entries is None else entries
    if roles.sees_nothing(user):
        return entries.none()
    if user.is_superuser:
        return entries
    if roles.is_trade_user(user):
        # A trade user sees inquiries of their importers, whose entries are their importers'
        # (an inquiry names only its importer's entries), and inquiries delegated to them.
        return any_of(
            entries, roles.trade_rules(user, "importer_id", "pk", "content_object__entry_id")
        )
    rules = []
    if user.is_account_executive:
        rules.append(roles.account_executive_q(user, "importer_id"))
    staff = roles.center_staff(user)
    if staff is not None:
        rules.append(Q(importer__center_id=staff.center_id))
    rules.append(inquiries.linked_q(user, "pk", "entry"))
    return any_of(entries, rules)


def sees_by_account(user) -> bool:
    """Who lists entries by account (the entry list): trade users, Center staff, AEs and
    administrators; others reach an entry only through their inquiries."""
    return bool(
        user.is_superuser
        or user.is_account_executive
        or roles.is_trade_user(user)
        or roles.center_staff(user) is not None
    )


def may_import_batches(user) -> bool:
    """The ACE feed service account (and superusers) import entry batches."""
    return bool(user.is_authenticated and (user.is_service_account or user.is_superuser))


def may_file_on(user, entry) -> bool:
    """Whether the user may file an inquiry about the entry: a trade filer of its importer."""
    return roles.is_trade_user(user) and roles.files_for(user, entry.importer_id)
