"""Wagtail's user admin, with the platform's forms (see admin_users.py).

Listed in INSTALLED_APPS instead of "wagtail.users"; Wagtail's documented way
to give its user admin other forms."""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "portal.accounts.admin_users.UserViewSet"
