"""Advisers make members experts in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ExpertiseTag, ExpertProfile


class ExpertProfileViewSet(SnippetViewSet):
    model = ExpertProfile
    icon = "user"
    list_display = ["user", "organisation", "region", "availability"]
    list_filter = ["region", "availability"]
    search_fields = ["organisation", "description"]


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
