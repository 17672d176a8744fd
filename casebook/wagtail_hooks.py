"""The casebook in the Wagtail admin: the advisers' queue under the menu item
"Casuïstiek", and the platforms as a snippet."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import (
    ModelAdminURLFinder,
    register_admin_url_finder,
)
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.core.audit import action_register

from . import admin_urls
from .models import CaseSubmission, Platform
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


class CaseAdminURLFinder(ModelAdminURLFinder):
    """Links a case in the audit log to its review page (which answers 404
    to anyone who does not review cases)."""

    edit_url_name = "casebook_review:review"


register_admin_url_finder(CaseSubmission, CaseAdminURLFinder)


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    for action, label, message in (
        ("edit", _("Edit anonymised case"), _("Anonymised text edited")),
        ("question", _("Ask the submitter"), _("Question sent to the submitter")),
        (
            "schedule",
            _("Schedule case for a learning circle"),
            _("Scheduled for a learning circle"),
        ),
        ("reject", _("Reject case"), _("Case not published")),
        ("publish", _("Publish case"), _("Case published")),
        ("erase_original", _("Erase original of a case"), _("Original erased")),
    ):
        action_register(
            actions, action=f"leerkring.case.{action}", label=label, message=message
        )
