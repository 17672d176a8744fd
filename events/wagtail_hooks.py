from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_urls
from .admin_views import PERMISSION
from .models import Audience

register_snippet(Audience)


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [path("deelnemers/", include(admin_urls, namespace="event_participants"))]


class ParticipantsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return ParticipantsMenuItem(
        _("Participants"),
        reverse("event_participants:index"),
        icon_name="group",
        order=260,
    )
