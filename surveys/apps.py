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

        from . import receivers  # noqa: F401
        from .overview import evaluation_section

        register_participants_section(
            key="evaluation",
            template="surveys/admin/response_rate.html",
            context=evaluation_section,
            order=10,
        )
