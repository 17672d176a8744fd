from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasebookConfig(AppConfig):
    name = "casebook"
    verbose_name = _("Casebook")

    def ready(self) -> None:
        from portal.accounts.links import register_account_link
        from portal.accounts.overview import register_overview_section
        from portal.core.signals import demo_content_requested
        from portal.search.registry import register_search_type

        from . import receivers  # noqa: F401
        from .models import CasePage
        from .nearby import nearby_items
        from .overview import overview_items
        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="casebook.demo")
        register_account_link(label=_("My cases"), url_name="casebook:mine", order=10)
        register_overview_section(
            key="casebook",
            title=_("My cases"),
            template="casebook/includes/overview_section.html",
            items=overview_items,
            order=20,
        )
        register_overview_section(
            key="nearby",
            title=_("Near you"),
            template="casebook/includes/nearby_section.html",
            items=nearby_items,
            order=5,
        )
        register_search_type(
            CasePage, slug="casus", label=_("Case"), plural_label=_("Cases")
        )
