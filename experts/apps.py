from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    """The expert network ("vliegende brigade") and members' requests for
    help. Depends on casebook (anonymisation, draft cases) and below; nothing
    depends on it."""

    name = "experts"
    label = "experts"
    verbose_name = _("Expert network")

    def ready(self) -> None:
        from portal.accounts.links import register_account_link
        from portal.accounts.overview import register_overview_section
        from portal.core.signals import demo_content_requested

        from . import receivers  # noqa: F401
        from .coffee.overview import overview_items as coffee_items
        from .overview import overview_items
        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="experts.demo")
        register_account_link(
            label=_("My requests for help"), url_name="experts:requests", order=20
        )
        register_account_link(
            label=_("My expert profile"), url_name="experts:my_profile", order=30
        )
        from portal.search.sources import register_search_source

        from .search import expert_hits, experts_found

        register_search_source(
            slug="experts",
            label=_("Expert"),
            plural_label=_("Experts"),
            find=experts_found,
            hits=expert_hits,
        )
        register_overview_section(
            key="experts",
            title=_("My requests for help"),
            template="experts/includes/overview_section.html",
            items=overview_items,
            order=30,
        )
        register_overview_section(
            key="coffee",
            title=_("My digital cups of coffee"),
            template="experts/includes/coffee_overview_section.html",
            items=coffee_items,
            order=35,
        )
