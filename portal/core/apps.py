from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "portal.core"
    label = "core"

    def ready(self) -> None:
        from django.core.checks import register
        from wagtail.signals import page_published, page_unpublished

        from portal.core import page_cache
        from portal.core.checks import shared_state_check
        from portal.core.frontend_cache import page_changed_receiver
        from portal.core.spreadsheets import wagtail_exports_neutralise

        page_published.connect(page_changed_receiver)
        page_unpublished.connect(page_changed_receiver)
        register(shared_state_check, deploy=True)
        page_cache.receivers_connect()
        wagtail_exports_neutralise()
