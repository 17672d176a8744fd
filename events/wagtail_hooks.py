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

from portal.core.audit import Counted, action_register

from . import admin_urls
from .admin_views import PERMISSION
from .models import Audience, Registration

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


class RegistrationAdminURLFinder(ModelAdminURLFinder):
    """Links a registration in the audit log to its event's participants."""

    def construct_edit_url(self, instance: Registration) -> str:
        return reverse("event_participants:participants", args=[instance.event_id])


register_admin_url_finder(Registration, RegistrationAdminURLFinder)


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    for action, label, message in (
        ("registration.approve", _("Approve registration"), _("Registration approved")),
        ("registration.decline", _("Decline registration"), _("Registration declined")),
        (
            "registration.add",
            _("Add a participant"),
            _("Participant added by an adviser"),
        ),
        (
            "registration.promote",
            _("Promote from the waiting list"),
            _("Place given from the waiting list"),
        ),
        (
            "event.attendance",
            _("Record attendance"),
            Counted(
                "Attendance recorded: {present} present",
                "Attendance recorded: {present} present",
                "present",
            ),
        ),
        (
            "event.message",
            _("Message the participants"),
            Counted(
                "Message sent to {recipients} participant",
                "Message sent to {recipients} participants",
                "recipients",
            ),
        ),
        (
            "event.export",
            _("Export participant list"),
            Counted(
                "Participant list exported ({rows} row)",
                "Participant list exported ({rows} rows)",
                "rows",
            ),
        ),
        (
            "event.announce",
            _("Announce a meeting to its followers"),
            Counted(
                "Meeting announced to {recipients} follower",
                "Meeting announced to {recipients} followers",
                "recipients",
            ),
        ),
        ("topic.follow", _("Follow a kind of meeting"), _("Kind of meeting followed")),
        (
            "topic.change",
            _("Change a followed kind of meeting"),
            _("Region setting of a followed kind of meeting changed"),
        ),
        (
            "topic.unfollow",
            _("Stop following a kind of meeting"),
            _("Kind of meeting no longer followed"),
        ),
        (
            "topic.unfollow_by_link",
            _("Stop following a kind of meeting by the mail's link"),
            _("Kind of meeting no longer followed (link in the mail)"),
        ),
        (
            "event.anonymise",
            _("Erase participants' data after the retention period"),
            Counted(
                "Personal data of {count} registration erased",
                "Personal data of {count} registrations erased",
                "count",
            ),
        ),
    ):
        action_register(
            actions, action=f"leerkring.{action}", label=label, message=message
        )
