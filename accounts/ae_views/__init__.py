"""Account Executive dashboard and engagement-plan pages (DESIGN.md §6, §8).

Thin views: every read goes through the access policy's `visible` querysets, every
change through `accounts.plan_services`; the workflow table says which actions to offer.
"""

from .dashboard import dashboard
from .drafting import plan_create, plan_edit
from .plan_pages import plan_action, plan_detail, plan_list, plan_review
from .versions import plan_compare, plan_diff

__all__ = [
    "dashboard",
    "plan_action",
    "plan_compare",
    "plan_create",
    "plan_detail",
    "plan_diff",
    "plan_edit",
    "plan_list",
    "plan_review",
]
