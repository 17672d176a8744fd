from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="knowledge.demo")
