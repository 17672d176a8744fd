"""The Content-Security-Policy header, with the Wagtail admin's own policy
(why it differs: see ADMIN_CONTENT_SECURITY_POLICY in the settings)."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


def _in_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(settings.ADMIN_CSP_PREFIX)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, giving paths under ``ADMIN_CSP_PREFIX`` the
    policy ``ADMIN_CONTENT_SECURITY_POLICY`` instead of the site's."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if _in_admin(request) and HEADER in response:
            # Wagtail renders a page preview by sending a request for the
            # public page through the whole middleware chain, which gives it
            # the site's policy (frame-ancestors 'none'); the admin frames the
            # preview, so the admin's policy must govern it.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        # A view's own @csp decorator (parts.config) still wins.
        if _in_admin(request) and not report_only and parts.config is None:
            parts.config = default_config(
                settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        return parts
