"""A news article's page."""

import datetime as dt

import pytest

from knowledge.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_a_news_article_leads_back_to_the_news(client, home_page):
    """The breadcrumb names the news index and links to it (#15)."""
    index = home_page.add_child(instance=NewsIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(
        instance=NewsPage(
            title="Roadshow Utrecht",
            category="events",
            date=dt.date(2026, 6, 1),
            teaser="Een middag over online aangejaagde ordeverstoringen.",
        )
    )
    body = client.get(page.url).content.decode()
    crumb = body.split('class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="{index.url}">Nieuws</a>' in crumb
