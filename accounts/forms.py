"""Forms of the account pages: members and broker delegations, kept by importer admins."""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import access

from .models import TradeRole

# A longer grant is "until revoked" in all but name (and far dates overflow the clock).
LONGEST_DELEGATION = timedelta(days=3653)

MEMBER_ROLE_HELP = _(
    "Viewers read the account's entries and inquiries. Filers also file inquiries, answer "
    "requests and upload documents. Admins also manage members, brokers and engagement plans."
)
DELEGATION_ROLES = [
    (TradeRole.FILER, TradeRole.FILER.label),
    (TradeRole.VIEWER, TradeRole.VIEWER.label),
]


def find_person(value: str):
    """The trade user with this username or e-mail address, or a ValidationError.

    Unknown people and people who are not trade users (CBP, partner agencies, service
    accounts) get the same answer, so the form reveals nothing about who else has an account.
    """
    value = (value or "").strip()
    users = access.roles.trade_users(get_user_model().objects.all())
    if "@" in value:
        matches = list(users.filter(email__iexact=value)[:2])
        if len(matches) > 1:
            raise ValidationError(
                _("More than one person uses %(email)s: give their username instead.")
                % {"email": value},
                code="ambiguous",
            )
    else:
        matches = list(users.filter(username__iexact=value)[:1])
    if not matches:
        raise ValidationError(
            _(
                "No trade user with the username or e-mail address “%(value)s” uses the portal. "
                "Ask them to get a portal account first."
            )
            % {"value": value},
            code="unknown",
        )
    return matches[0]


class PersonField(forms.CharField):
    """A username or an e-mail address, cleaned to the active user it names."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return find_person(value) if value else value


class AddMemberForm(forms.Form):
    person = PersonField(
        label=_("Username or e-mail address"),
        help_text=_("The person must already have a portal account."),
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=TradeRole.choices,
        initial=TradeRole.VIEWER,
        help_text=MEMBER_ROLE_HELP,
    )


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=TradeRole.choices)


class DelegationForm(forms.Form):
    person = PersonField(
        label=_("Broker's username or e-mail address"),
        help_text=_("A customs broker's staff member with a portal account."),
    )
    role = forms.ChoiceField(
        label=_("Access"),
        choices=DELEGATION_ROLES,
        initial=TradeRole.FILER,
        help_text=_("Filer: may file and answer inquiries for this account. Viewer: reads only."),
    )
    expires_on = forms.DateField(
        label=_("Last day of access"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_(
            "Optional. Access ends at the end of this day, Eastern Time. Leave empty "
            "for access until you revoke it."
        ),
    )

    def clean_expires_on(self):
        day = self.cleaned_data.get("expires_on")
        today = timezone.localdate()
        if day is not None and day < today:
            raise ValidationError(_("The last day of access cannot be in the past."), code="past")
        if day is not None and day > today + LONGEST_DELEGATION:
            raise ValidationError(
                _(
                    "The last day of access can be at most ten years ahead; leave it empty for "
                    "access until you revoke it."
                ),
                code="too_far",
            )
        return day

    def expires_at(self):
        """The moment access ends: midnight after the last day, in the portal zone."""
        day = self.cleaned_data.get("expires_on")
        if day is None:
            return None
        return datetime.combine(
            day + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone()
        )
