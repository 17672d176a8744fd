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
    return [path("vragenlijsten/", include(admin_urls, namespace="survey_results"))]


class SurveyResultsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return SurveyResultsMenuItem(
        _("Survey results"),
        reverse("survey_results:index"),
        icon_name="form",
        order=265,
    )


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    for action, label, message in (
        (
            "survey.evaluation_create",
            _("Make a meeting's evaluation"),
            _("Evaluation made from the default questions"),
        ),
        (
            "survey.export",
            _("Export survey answers"),
            Counted(
                "Survey answers exported ({rows} row)",
                "Survey answers exported ({rows} rows)",
                "rows",
            ),
        ),
        (
            "survey.erase",
            _("Erase survey answers after the retention period"),
            Counted(
                "{count} survey answer erased",
                "{count} survey answers erased",
                "count",
            ),
        ),
        (
            "survey.guard.replace",
            _("Personal data in survey answers replaced"),
            _("Survey answers sent with the personal data replaced"),
        ),
        (
            "survey.guard.keep",
            _("Survey answers sent with the personal data found"),
            _("Survey answers sent with the personal data found"),
        ),
    ):
        action_register(
            actions, action=f"leerkring.{action}", label=label, message=message
        )
