from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Knowledge")

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from .seed import demo_build

        demo_content_requested.connect(demo_build, dispatch_uid="knowledge.demo")

        from portal.search.registry import register_search_type

        from . import receivers  # noqa: F401
        from .models import (
            AccessibilityStatementPage,
            DossierPage,
            InformationPage,
            MeetingReportPage,
            NewsPage,
            PublicationPage,
            ThemePage,
        )
        from .publications import receivers as _publication_receivers  # noqa: F401

        register_search_type(
            DossierPage,
            slug="webdossier",
            label=_("Web dossier"),
            plural_label=_("Web dossiers"),
        )
        register_search_type(
            ThemePage,
            slug="handreiking",
            label=_("Guidance page"),
            plural_label=_("Guidance pages"),
        )
        register_search_type(
            MeetingReportPage,
            slug="verslag",
            label=_("Meeting report"),
            plural_label=_("Meeting reports"),
        )
        register_search_type(
            InformationPage,
            slug="informatie",
            label=_("About this site"),
            plural_label=_("About this site"),
        )
        # Only exact types count: the statement is an information page too.
        register_search_type(
            AccessibilityStatementPage,
            slug="informatie",
            label=_("About this site"),
            plural_label=_("About this site"),
        )
        register_search_type(
            NewsPage, slug="nieuws", label=_("News"), plural_label=_("News")
        )
        register_search_type(
            PublicationPage,
            slug="publicatie",
            label=_("Publication"),
            plural_label=_("Publications"),
        )
