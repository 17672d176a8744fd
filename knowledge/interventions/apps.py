from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterventionsConfig(AppConfig):
    """The intervention tool (interventietool): phases, classifications,
    actors and interventions as data advisers edit, and the tool that picks
    the interventions that fit a situation."""

    name = "knowledge.interventions"
    label = "interventions"
    verbose_name = _("Intervention tool")

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        # Connected after knowledge's receiver (INSTALLED_APPS order), so the
        # theme pages the demo interventions link to exist by then.
        demo_content_requested.connect(
            demo_build, dispatch_uid="knowledge.interventions.demo"
        )
        from portal.search.sources import register_search_source

        from .search import intervention_hits, interventions_found

        register_search_source(
            slug="interventie",
            label=_("Intervention"),
            plural_label=_("Interventions"),
            find=interventions_found,
            hits=intervention_hits,
            public=True,
        )
