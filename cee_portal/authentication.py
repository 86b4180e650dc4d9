"""API token authentication that loads, in its one query, what the access policy asks next."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token authentication, with the user's Center staff and PGA liaison rows joined.

    The access policy reads both on nearly every API request (`access.roles.center_staff`,
    `access.roles.pga_liaison`); joined here they cost no query of their own. A user without
    such a row gets it cached as absent, as a separate look-up would find it.
    """

    def authenticate_credentials(self, key):
        model = self.get_model()
        joined = model.objects.select_related("user", "user__center_staff", "user__pga_liaison")
        try:
            token = joined.get(key=key)
        except model.DoesNotExist:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return (token.user, token)
