import datetime as dt

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))

    def add(n: int):
        page = NewsPage(
            title=f"Roadshow <b>{n}</b>",
            category="events",
            date=dt.date(2024, 6, 1) + dt.timedelta(days=n),
            teaser="Over online aangejaagde ordeverstoringen & meer.",
        )
        page.tags.set(["oaov", "roadshow"])
        index.add_child(instance=page)
        return page

    return add


@pytest.mark.parametrize(
    ("url", "version"), [("rss.xml", "rss20"), ("atom.xml", "atom10")]
)
def test_feed_is_valid_and_complete(client, news, url, version):
    pages = [news(n) for n in range(3)]
    response = client.get(f"/nieuws/{url}")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == version
    assert parsed.feed.title == "Nieuws van Leerkring"
    assert [e.title for e in parsed.entries] == [p.title for p in reversed(pages)]
    entry = parsed.entries[0]
    assert entry.link == "http://testserver" + pages[-1].url
    assert {t.term for t in entry.tags} == {
        "Bijeenkomsten en evenementen",
        "oaov",
        "roadshow",
    }


def test_feed_queries_do_not_grow(client, news):
    news(0)
    client.get("/nieuws/rss.xml")
    with CaptureQueriesContext(connection) as few:
        client.get("/nieuws/rss.xml")
    for n in range(1, 10):
        news(n)
    client.get("/nieuws/rss.xml")  # new pages: the site is looked up again
    with CaptureQueriesContext(connection) as many:
        client.get("/nieuws/rss.xml")
    assert len(many) == len(few)


def test_unpublished_news_stays_out(client, news):
    news(0).unpublish()
    assert feedparser.parse(client.get("/nieuws/rss.xml").content).entries == []


@pytest.mark.parametrize("url", ["rss.xml", "atom.xml"])
def test_items_carry_the_articles_own_date(client, news, url):
    """Not the day the pages were loaded: every item would read as new."""
    news(0)
    news(9)
    entries = feedparser.parse(client.get(f"/nieuws/{url}").content).entries
    assert [e.published_parsed[:3] for e in entries] == [(2024, 6, 10), (2024, 6, 1)]
    assert [e.updated_parsed[:3] for e in entries] == [(2024, 6, 10), (2024, 6, 1)]
