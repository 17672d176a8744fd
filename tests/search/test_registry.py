"""Apps register their page types; the registry keeps one slug per model."""

import pytest

from events.models import EventPage
from knowledge.models import MeetingReportPage, NewsPage
from portal.search import registry


@pytest.fixture
def empty(monkeypatch):
    monkeypatch.setattr(registry, "_types", {})


def test_registering_again_is_harmless(empty):
    for _ in range(2):
        registry.register_search_type(
            NewsPage, slug="nieuws", label="News", plural_label="News"
        )
    assert registry.search_type("nieuws").models == [NewsPage]


def test_one_slug_may_cover_several_models(empty):
    registry.register_search_type(NewsPage, slug="a", label="A", plural_label="As")
    registry.register_search_type(EventPage, slug="a", label="A", plural_label="As")
    assert registry.search_type("a").models == [NewsPage, EventPage]


def test_a_model_has_one_slug(empty):
    registry.register_search_type(NewsPage, slug="a", label="A", plural_label="As")
    with pytest.raises(ValueError, match="NewsPage"):
        registry.register_search_type(NewsPage, slug="b", label="B", plural_label="Bs")


def test_the_apps_registered_their_types():
    slugs = {t.slug: t.models for t in registry.search_types()}
    assert slugs["verslag"] == [MeetingReportPage]
    assert slugs["bijeenkomst"] == [EventPage]
    assert {"webdossier", "handreiking", "nieuws"} <= set(slugs)
