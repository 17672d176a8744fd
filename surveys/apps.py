from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Surveys and the evaluations of meetings, built with Wagtail's form
    builder. Depends on events (the participants a survey is for) and on
    community (the personal-data guard, the charts); nothing depends on it
    except through signals and registries."""

    name = "surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from events.participants_sections import register_participants_section
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        # After events' receiver (INSTALLED_APPS order): the demo evaluation
        # belongs to a demo meeting.
        demo_content_requested.connect(demo_build, dispatch_uid="surveys.demo")

        from . import receivers  # noqa: F401
        from .overview import evaluation_section

        register_participants_section(
            key="evaluation",
            template="surveys/admin/response_rate.html",
            context=evaluation_section,
            order=10,
        )
