from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterventionsConfig(AppConfig):
    """The intervention tool (interventietool): phases, classifications,
    actors and interventions as data advisers edit, and the tool that picks
    the interventions that fit a situation."""

    name = "knowledge.interventions"
    label = "interventions"
    verbose_name = _("Intervention tool")
