from collections.abc import Callable

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


class AdminRequiresMFAMiddleware:
    """Anyone who can open the Wagtail admin (advisers) must have two-factor
    authentication; until they set it up, the admin sends them to set it up.

    Checked per request rather than at login so that an account given the
    adviser role later is covered too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
            and not is_mfa_enabled(user)
        ):
            messages.warning(
                request,
                _(
                    "Advisers must use two-factor authentication. Set up an "
                    "authenticator app before you open the management environment."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
