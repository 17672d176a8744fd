"""Public pages cost the same number of queries however much content exists."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventIndexPage, EventPage
from knowledge.models import DossierPage, NewsIndexPage, NewsPage, ThemePage

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm Wagtail's site-root cache, as in production
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _add_content(home_page, n: int) -> dict:
    news = NewsIndexPage.objects.first() or home_page.add_child(
        instance=NewsIndexPage(title="Nieuws", slug="nieuws", show_in_menus=True)
    )
    events = EventIndexPage.objects.first() or home_page.add_child(
        instance=EventIndexPage(title="Bijeenkomsten", show_in_menus=True)
    )
    dossier = DossierPage.objects.first() or home_page.add_child(
        instance=DossierPage(title="Webdossier", show_in_menus=True)
    )
    start = timezone.now() + dt.timedelta(days=5)
    for i in range(n):
        news.add_child(
            instance=NewsPage(
                title=f"Bericht {i}",
                category="policy",
                date=dt.date(2024, 1, 1),
                teaser="Tekst",
            )
        )
        events.add_child(
            instance=EventPage(
                title=f"Leerkring {i}",
                kind="leerkring",
                format="online",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                intro="Tekst",
            )
        )
        dossier.add_child(instance=ThemePage(title=f"Thema {i}", intro="Tekst"))
    return {"news": news.url, "events": events.url, "dossier": dossier.url}


@pytest.mark.parametrize("which", ["home", "news", "events", "dossier"])
def test_query_count_does_not_grow_with_content(client, home_page, which):
    urls = _add_content(home_page, 2)
    urls["home"] = "/"
    few = _queries(client, urls[which])
    _add_content(home_page, 8)
    assert _queries(client, urls[which]) == few
