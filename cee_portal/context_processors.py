"""Navigation by role for base.html."""

from django.urls import reverse

import access


def _items(user):
    items = [("Centers", "centers:list"), ("Rulings", "centers:rulings")]
    if not user.is_authenticated or user.is_service_account:
        return items
    if access.roles.is_trade_user(user):
        items = [
            ("Dashboard", "portal:dashboard"),
            ("File an inquiry", "portal:file"),
            ("Entries", "entries:list"),
            ("Accounts", "accounts:list"),
            ("Engagement plans", "ae:plans"),
        ] + items
    if access.roles.center_staff(user) is not None:
        items = [
            ("Queue", "staff:queue"),
            ("My work", "staff:my_work"),
            ("Center dashboard", "reports:center_dashboard"),
        ] + items
    if user.is_account_executive:
        items = [("AE dashboard", "ae:dashboard"), ("Engagement plans", "ae:plans")] + items
    if user.is_hq_reviewer or access.roles.pga_liaison(user) is not None:
        items = [("Referrals", "staff:referrals")] + items
    if access.roles.reads_as_cbp(user):
        items.insert(-2, ("Reports", "reports:index"))
    items.insert(-2, ("Inbox", "portal:inbox"))  # everyone signed in gets notifications
    return items


def portal(request):
    """Give base.html the navigation links of the signed-in user's roles."""
    nav_items = []
    for label, name in _items(request.user):
        url = reverse(name)
        nav_items.append(
            {
                "label": label,
                "url": url,
                "current": request.path == url or (url != "/" and request.path.startswith(url)),
            }
        )
    return {"nav_items": nav_items}
