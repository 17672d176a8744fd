from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Discussions of the community of practice and the advisers' meeting
    notes. Depends on events (meetings); nothing depends on it except
    through signals."""

    name = "community"
    label = "community"
    verbose_name = _("Community of practice")

    def ready(self) -> None:
        from portal.core.signals import demo_content_requested

        from . import receivers  # noqa: F401
        from .policybook import receivers as policybook_receivers  # noqa: F401
        from .seed import demo_build

        # After events' receiver (INSTALLED_APPS order): demo threads are
        # tied to the demo community-of-practice meetings.
        demo_content_requested.connect(demo_build, dispatch_uid="community.demo")

        from portal.accounts.links import register_account_link
        from portal.accounts.overview import register_overview_section

        from .overview import overview_items

        register_overview_section(
            key="community",
            title=_("Discussions I follow"),
            template="community/includes/overview_section.html",
            items=overview_items,
            order=40,
        )
        from portal.search.sources import register_search_source

        from .search import post_hits, posts_found

        register_search_source(
            slug="discussies",
            label=_("Discussion"),
            plural_label=_("Discussions"),
            find=posts_found,
            hits=post_hits,
        )
        register_account_link(
            label=_("Recent activity in the discussions"),
            url_name="community:recent",
            order=5,
        )
