"""Purge the pages that list a page when it is published or unpublished.

wagtail.contrib.frontend_cache purges the published page's own URL from the
nginx page cache (deploy/nginx/leerkring.conf). Its ancestors list it - the
home page its news and events, an index page its items, a dossier its
themes - so without this they would show the old title until their cache
expires.
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page


def page_ancestors_purge(*, page: Page) -> None:
    """Send PURGE for the live ancestors of ``page`` (not the tree's root)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    ancestors = page.get_ancestors().filter(depth__gt=1).live().specific()
    batch = PurgeBatch()
    batch.add_pages(ancestors)
    batch.purge()


def page_changed_receiver(sender: type[Page], instance: Page, **kwargs) -> None:
    page_ancestors_purge(page=instance)
