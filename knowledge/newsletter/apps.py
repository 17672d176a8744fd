from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """Newsletter subscriptions with double opt-in and the periodic digest of
    news and events."""

    name = "knowledge.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from portal.accounts.overview import register_overview_section

        from . import receivers  # noqa: F401
        from .overview import overview_items

        register_overview_section(
            key="newsletter",
            title=_("Newsletter"),
            template="newsletter/includes/overview_section.html",
            items=overview_items,
            order=50,
        )
