"""The news feeds and lists ask the one access decision
(portal.accounts.access): news restricted to logged-in users is in none of
them, whoever asks."""

import datetime as dt

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from knowledge.models import NewsIndexPage, NewsPage
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    for title in ("Openbaar bericht", "Besloten bericht"):
        index.add_child(
            instance=NewsPage(
                title=title, category="events", date=dt.date(2024, 6, 1), teaser="Tekst"
            )
        )
    restricted = NewsPage.objects.get(title="Besloten bericht")
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.LOGIN
    )
    return index


@pytest.mark.parametrize("url", ["/nieuws/rss.xml", "/nieuws/atom.xml"])
def test_feeds_hold_only_news_everyone_may_see(client, news, url):
    parsed = feedparser.parse(client.get(url).content)
    assert [entry.title for entry in parsed.entries] == ["Openbaar bericht"]


def test_pending_account_does_not_see_restricted_news_listed(client, news):
    client.force_login(UserFactory(approval_status="pending"))
    body = client.get(news.url).content.decode()
    assert "Openbaar bericht" in body
    assert "Besloten bericht" not in body
