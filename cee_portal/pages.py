"""Role pages: who may open a page is decided here, from the access policy.

A signed-in user whose roles do not include the page's role gets 404, as for an object they
may not see (DESIGN.md §1), so the page's existence is not revealed; anonymous users are sent
to sign in.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404

from . import access


def for_users(predicate: Callable) -> Callable:
    """Decorate a view so that only signed-in users with predicate(user) true reach it."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise Http404
            return view(request, *args, **kwargs)

        wrapped.page_predicate = predicate  # read by the access-matrix test
        return login_required(wrapped)

    return decorator


def is_person(user) -> bool:
    """Any signed-in person; service accounts (the ACE feed) never use pages."""
    return user.is_active and not user.is_service_account


trade_page = for_users(access.is_trade_user)
staff_page = for_users(lambda user: access.center_staff(user) is not None)
ae_page = for_users(lambda user: bool(user.is_account_executive))
referrals_page = for_users(
    lambda user: bool(user.is_hq_reviewer) or access.pga_liaison(user) is not None
)
reports_page = for_users(lambda user: user.is_superuser or access.is_cbp(user))
person_page = for_users(is_person)
