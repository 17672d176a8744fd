"""The tool's data in the Wagtail admin, under one menu group
"Interventietool" so advisers find phases, classifications, actors and
interventions together."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Actor, Classification, Intervention, Phase


class InterventionViewSet(SnippetViewSet):
    model = Intervention
    icon = "tasks"
    list_display = ["title", "kind"]
    list_filter = ["kind", "phases", "classifications", "actors"]
    ordering = ["title"]


class _ChoiceViewSet(SnippetViewSet):
    # Advisers drag the rows into the order the tool shows them in.
    sort_order_field = "sort_order"
    list_display = ["name", "slug"]


class PhaseViewSet(_ChoiceViewSet):
    model = Phase
    icon = "list-ol"


class ClassificationViewSet(_ChoiceViewSet):
    model = Classification
    icon = "tag"


class ActorViewSet(_ChoiceViewSet):
    model = Actor
    icon = "group"


class InterventionToolViewSetGroup(SnippetViewSetGroup):
    items = (InterventionViewSet, PhaseViewSet, ClassificationViewSet, ActorViewSet)
    menu_label = _("Intervention tool")
    menu_icon = "crosshairs"
    menu_name = "interventietool"
    menu_order = 250


register_snippet(InterventionToolViewSetGroup)
