"""The community in the Wagtail admin: themes, meeting notes and the log of
moderation actions as snippets under one menu group, and the advisers'
page for merging and splitting tags."""

from django.http import HttpRequest
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.accounts.selectors import user_is_adviser
from portal.core.audit import action_register

from . import admin_urls
from .models import MeetingNote, ModerationAction, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    # Advisers drag the themes into the order the community pages show.
    sort_order_field = "order"
    list_display = ["name", "slug"]


class MeetingNoteViewSet(SnippetViewSet):
    model = MeetingNote
    icon = "doc-full"
    list_display = ["agenda_item", "theme", "meeting_date"]
    list_filter = ["theme"]
    ordering = ["-meeting_date", "pk"]

    def get_queryset(self, request):
        return MeetingNote.objects.select_related("theme")


class ModerationActionViewSet(SnippetViewSet):
    model = ModerationAction
    icon = "history"
    list_display = ["created_at", "actor", "action", "summary", "reason"]
    list_filter = ["action"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return ModerationAction.objects.select_related("actor")


class CommunityViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, MeetingNoteViewSet, ModerationActionViewSet)
    menu_label = _("Community of practice")
    menu_icon = "group"
    menu_name = "community"
    menu_order = 270


register_snippet(CommunityViewSetGroup)


@hooks.register("register_admin_urls")
def _register_admin_urls():
    return [path("discussielabels/", include(admin_urls, namespace="community_tags"))]


class TagsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_is_adviser(request.user)


@hooks.register("register_admin_menu_item")
def _register_menu_item():
    return TagsMenuItem(
        _("Discussion tags"),
        reverse("community_tags:index"),
        icon_name="tag",
        order=275,
    )


# The policy book's admin pages, dashboard panel and publish hook.
from .policybook import hooks as _policy_book_hooks  # noqa: E402, F401


@hooks.register("register_log_actions")
def _register_log_actions(actions) -> None:
    action_register(
        actions,
        action="leerkring.post_guard.replace",
        label=_("Personal data in a message replaced by placeholders"),
        message=_("Personal data in a message replaced by placeholders"),
    )
    action_register(
        actions,
        action="leerkring.post_guard.keep",
        label=_("Message posted with the personal data found"),
        message=_("Message posted with the personal data found"),
    )
    action_register(
        actions,
        action="leerkring.topic_wish.propose",
        label=_("Topic proposed for a meeting"),
        message=_("Topic proposed for a meeting"),
    )
    action_register(
        actions,
        action="leerkring.topic_wish.choose",
        label=_("Topic put on a meeting's agenda"),
        message=_("Topic put on a meeting's agenda"),
    )
    for action, label in ModerationAction.Action.choices:
        action_register(
            actions,
            action=f"leerkring.community.{action}",
            label=label,
            message=label,
        )
