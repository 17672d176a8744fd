from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="events.demo")

        from portal.accounts.overview import register_overview_section

        from .overview import overview_items, topic_overview_items

        register_overview_section(
            key="events",
            title=_("My meetings"),
            template="events/includes/overview_section.html",
            items=overview_items,
            order=10,
        )
        register_overview_section(
            key="topics",
            title=_("Kinds of meeting I follow"),
            template="events/includes/topic_overview_section.html",
            items=topic_overview_items,
            order=12,
        )

        from knowledge.newsletter.signals import digest_sections_requested

        from .digest import digest_section

        digest_sections_requested.connect(digest_section, dispatch_uid="events.digest")

        from portal.search.registry import register_search_type

        from . import receivers  # noqa: F401
        from .models import EventPage

        register_search_type(
            EventPage, slug="bijeenkomst", label=_("Event"), plural_label=_("Events")
        )
