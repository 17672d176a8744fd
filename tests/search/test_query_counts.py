"""The results page costs the same number of queries for 3 matching pages as
for 30: restrictions, counts per type, one page of results and one query
per page type on it, whatever the number of results."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EventPage
from knowledge.models import NewsPage, ThemePage

pytestmark = pytest.mark.django_db

TEXT = "Tekst over de wijk."


@pytest.fixture
def add(dossier, news_index, event_index):
    # Plain add_child (live, indexed on save): quicker than publishing
    # revisions, and the same rows for the search.
    start = timezone.now() + dt.timedelta(days=3)

    def add(n: int, *, title: str = "Over") -> None:
        for i in range(n):
            dossier.add_child(
                instance=ThemePage(title=f"{title} thema {i}", intro=TEXT)
            )
            news_index.add_child(
                instance=NewsPage(
                    title=f"{title} bericht {i}",
                    category="policy",
                    date=dt.date(2025, 1, 1),
                    teaser=TEXT,
                )
            )
            event_index.add_child(
                instance=EventPage(
                    title=f"{title} leerkring {i}",
                    kind="leerkring",
                    format="online",
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=1),
                    intro=TEXT,
                )
            )

    return add


def _queries(client, url: str) -> int:
    client.get(url)  # warm the caches of content types and site roots
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/zoeken/?q=wijk", "/zoeken/?q=wijk&type=nieuws"])
def test_same_queries_for_3_and_30_results(
    client, member, add, url, django_assert_num_queries
):
    # These three rank first (the word in the title too), so the first page
    # shows the same three page types at both sizes.
    add(1, title="Wijk")
    few = _queries(client, url)
    add(9)
    assert "30 resultaten" in client.get("/zoeken/?q=wijk").content.decode()
    client.get(url)
    with django_assert_num_queries(few):
        client.get(url)
    client.force_login(member)
    with_member = _queries(client, url)
    add(1)
    assert _queries(client, url) == with_member


def test_query_count_is_small(client, add):
    add(2)
    # restrictions, facets, results, three page types, the count of the
    # interventions, and the page's frame (site, navigation) as on every
    # other page; the synonym groups come from the cache
    assert _queries(client, "/zoeken/?q=wijk") <= 10
