from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """Newsletter subscriptions with double opt-in and the periodic digest of
    news and events."""

    name = "knowledge.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        from . import receivers  # noqa: F401
