"""Presentation the portal's pages share (`{% load portal %}`): breadcrumbs, days left, HTS
numbers."""

from datetime import date

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from entries.formats import display_hts

register = template.Library()


@register.inclusion_tag("components/usa_breadcrumb.html")
def breadcrumbs(trail) -> dict:
    """`{% breadcrumbs crumbs %}`: the trail to this page, as (label, url) pairs or
    {"label", "url"} dicts; the last one is the page itself."""
    return {
        "crumbs": [
            crumb if isinstance(crumb, dict) else {"label": crumb[0], "url": crumb[1]}
            for crumb in trail or ()
        ]
    }


def days_phrase(days: int | None) -> str:
    """Days until a date in words: "12 days left", "due today", "overdue by 3 days"."""
    if days is None:
        return ""
    if days < 0:
        return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -days) % {
            "days": -days
        }
    if days == 0:
        return _("due today")
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}


def _days_until(day: date | None) -> int | None:
    return (day - timezone.localdate()).days if day else None


@register.filter
def days_left(day: date | None) -> str:
    """`{{ entry.psc|days_left }}`: the days from today to `day` in words (days_phrase)."""
    return days_phrase(_days_until(day))


@register.inclusion_tag("portal/_due.html")
def due(day: date | None) -> dict:
    """`{% due inquiry.due %}`: a date cell, the date then its days left or an overdue tag."""
    days = _days_until(day)
    return {"day": day, "overdue": days is not None and days < 0, "days_text": days_phrase(days)}


@register.filter
def hts(numbers):
    """`{{ line.hts|hts }}`: an HTS number (or each of a list) with its usual dots."""
    if isinstance(numbers, str):
        return display_hts(numbers)
    return [display_hts(number) for number in numbers or ()]
