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
        from portal.core.signals import demo_content_requested

        from . import receivers  # noqa: F401
        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="experts.demo")
