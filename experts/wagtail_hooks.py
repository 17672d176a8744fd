"""Advisers make members experts in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.audit import action_register

from .dashboard import OpenRequestsPanel
from .forms import ExpertProfileAdminForm
from .models import ExpertiseTag, ExpertProfile
from .selectors import user_handles_requests


class ExpertProfileViewSet(SnippetViewSet):
    model = ExpertProfile
    icon = "user"
    list_display = ["user", "organisation", "region", "availability"]
    list_filter = ["region", "availability"]
    search_fields = ["organisation", "description"]
    edit_handler = ObjectList(
        ExpertProfile.panels, base_form_class=ExpertProfileAdminForm
    )


class ExpertiseTagViewSet(SnippetViewSet):
    model = ExpertiseTag
    icon = "tag"
    list_display = ["name", "slug"]


class ExpertsViewSetGroup(SnippetViewSetGroup):
    items = (ExpertProfileViewSet, ExpertiseTagViewSet)
    menu_label = _("Expert network")
    menu_icon = "group"
    menu_name = "experts"
    menu_order = 280


register_snippet(ExpertsViewSetGroup)


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    action_register(
        actions,
        action="leerkring.helprequest.assign",
        label=_("Assign experts to a help request"),
        message=_("Experts assigned"),
    )
    action_register(
        actions,
        action="leerkring.helprequest.close",
        label=_("Close help request"),
        message=_("Help request closed; original erased"),
    )
    action_register(
        actions,
        action="leerkring.helprequest.escalate",
        label=_("Escalate an acute help request"),
        message=_("Nobody picked it up in time: mailed to all advisers again"),
    )
    action_register(
        actions,
        action="leerkring.coffee.book",
        label=_("Book a digital cup of coffee"),
        message=_("Digital cup of coffee booked"),
    )
    action_register(
        actions,
        action="leerkring.coffee.cancel",
        label=_("Cancel a digital cup of coffee"),
        message=_("Digital cup of coffee cancelled"),
    )
    action_register(
        actions,
        action="leerkring.coffee.purge",
        label=_("Delete digital cups of coffee that are over"),
        message=_("{count} time slots deleted after the conversation"),
    )


@hooks.register("construct_homepage_panels")
def _open_requests_panel(request, panels: list) -> None:
    if user_handles_requests(request.user):
        panels.append(OpenRequestsPanel())
