"""The casebook in the Wagtail admin: the advisers' queue under the menu item
"Casuïstiek", and the platforms as a snippet."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_urls
from .models import Platform
from .selectors import user_reviews_cases


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "globe"
    # Advisers drag the rows into the order the form shows them in.
    sort_order_field = "sort_order"
    list_display = ["name", "slug"]
    menu_label = _("Platforms")
    add_to_settings_menu = False


register_snippet(PlatformViewSet)


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [path("casuistiek/", include(admin_urls, namespace="casebook_review"))]


class CasesMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_reviews_cases(request.user)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return CasesMenuItem(
        _("Case studies"),
        reverse("casebook_review:queue"),
        icon_name="doc-full",
        order=270,
    )
