"""Pages of each searchable type, published the way an adviser publishes."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from events.models import EventIndexPage, EventPage
from knowledge.models import DossierPage, NewsIndexPage, NewsPage, ThemePage
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP


def publish(parent: Page, page: Page) -> Page:
    """Add ``page`` as a draft below ``parent`` and publish its revision."""
    page.live = False
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page: Page, kind: str = PageViewRestriction.GROUPS) -> None:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="geheim-123"
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set(
            Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
        )


@pytest.fixture
def dossier(home_page) -> DossierPage:
    return publish(home_page, DossierPage(title="Online aangejaagde ordeverstoringen"))


@pytest.fixture
def news_index(home_page) -> NewsIndexPage:
    return publish(home_page, NewsIndexPage(title="Nieuws", slug="nieuws"))


@pytest.fixture
def event_index(home_page) -> EventIndexPage:
    return publish(
        home_page, EventIndexPage(title="Bijeenkomsten", slug="bijeenkomsten")
    )


@pytest.fixture
def make_theme(dossier):
    def make(title: str, intro: str = "", parent: Page | None = None) -> ThemePage:
        return publish(parent or dossier, ThemePage(title=title, intro=intro))

    return make


@pytest.fixture
def make_news(news_index):
    def make(title: str, teaser: str) -> NewsPage:
        return publish(
            news_index,
            NewsPage(
                title=title, category="policy", date=dt.date(2025, 3, 1), teaser=teaser
            ),
        )

    return make


@pytest.fixture
def make_event(event_index):
    def make(title: str, intro: str) -> EventPage:
        start = timezone.now() + dt.timedelta(days=10)
        return publish(
            event_index,
            EventPage(
                title=title,
                kind="leerkring",
                format="online",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                intro=intro,
            ),
        )

    return make
