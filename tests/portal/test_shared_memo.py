"""The site and the main menu come from memory until what visitors see
changes (portal.core.shared_memo)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from knowledge.models import DossierPage
from portal.core.page_cache import page_cache_invalidate
from portal.core.shared_memo import shared_memo, shared_memo_clear
from tests.knowledge.factories import DossierPageFactory

pytestmark = pytest.mark.django_db


def test_a_value_is_built_once_per_generation():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert shared_memo("k", build) == 1
    assert shared_memo("k", build) == 1
    page_cache_invalidate()
    assert shared_memo("k", build) == 2


def test_a_change_while_building_leaves_the_value_stale():
    """Stored under the generation read before building: a change made
    meanwhile is seen by the next request."""

    def build_during_a_change():
        page_cache_invalidate()
        return "old"

    assert shared_memo("k", build_during_a_change) == "old"
    assert shared_memo("k", lambda: "new") == "new"


def test_pages_ask_no_query_for_the_site_or_the_menu(client, home_page):
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    sources = [q["sql"].split(" FROM ", 1)[-1] for q in captured]
    assert not [s for s in sources if s.startswith('"wagtailcore_site"')]
    # The menu's query is the only one that asks which pages show in menus.
    conditions = [s.split(" WHERE ", 1)[-1] for s in sources if " WHERE " in s]
    assert not [c for c in conditions if "show_in_menus" in c]


def test_a_new_menu_item_shows_on_the_next_page(client, home_page):
    assert "Webdossier" not in client.get("/").content.decode()
    DossierPageFactory(parent=home_page, title="Webdossier", show_in_menus=True)
    assert "Webdossier" in client.get("/").content.decode()


def test_a_changed_site_is_found_at_once(client, home_page):
    client.get("/")
    site = Site.objects.get(is_default_site=True)
    other_root = DossierPageFactory(parent=home_page, title="Andere start")
    site.root_page = other_root
    site.save()
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["page"].pk == other_root.pk
    shared_memo_clear()
    assert isinstance(DossierPage.objects.get(pk=other_root.pk), DossierPage)


def test_without_the_cache_pages_are_still_served(client, home_page, monkeypatch):
    """The generation cannot be read (Redis gone): the site and the menu are
    looked up as if there were no memo, and nothing is kept. The readiness
    check answers for itself (tests/deploy/test_rehearsal.py stops Redis)."""
    from portal.core import shared_memo as memo

    def down():
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(memo, "generation_current", down)
    shared_memo_clear()
    assert client.get("/").status_code == 200
    assert client.get("/health/live").status_code == 200
    assert all(len(store) == 0 for store in memo._stores)
