from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.core.audit import Counted, action_register

from . import admin_urls
from .admin_views import PERMISSION


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [path("nieuwsbrief/", include(admin_urls, namespace="newsletter_admin"))]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"),
        reverse("newsletter_admin:index"),
        icon_name="mail",
        order=270,
    )


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    action_register(
        actions,
        action="leerkring.newsletter.export",
        label=_("Export newsletter subscribers"),
        message=Counted(
            "Subscriber list exported ({rows} row)",
            "Subscriber list exported ({rows} rows)",
            "rows",
        ),
    )
