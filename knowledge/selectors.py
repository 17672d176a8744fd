import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from portal.accounts.access import pages_public
from portal.core.params import parse_year

from .models import (
    Adviser,
    InformationPage,
    MeetingReportPage,
    NewsCategory,
    NewsPage,
    ThemePage,
)

NEWS_PER_PAGE = 10


def news_latest(*, limit: int) -> QuerySet[NewsPage]:
    """The newest public news: the home page's list and the RSS/Atom feeds."""
    return (
        pages_public(NewsPage.objects.live())
        .order_by("-date", "-pk")
        .prefetch_related("tags")[:limit]
    )


@dataclass(frozen=True)
class ThemeCard:
    page: ThemePage | MeetingReportPage
    members_only: bool


def themes_of(*, dossier: Page) -> list[ThemeCard]:
    """The dossier's guidance pages and meeting reports; members-only ones are
    listed too, marked, so visitors learn they exist and why an account is
    worth requesting."""
    children = list(
        Page.objects.child_of(dossier)
        .live()
        .type(ThemePage, MeetingReportPage)
        .specific()
    )
    restricted = set(
        PageViewRestriction.objects.filter(page__in=children).values_list(
            "page_id", flat=True
        )
    )
    return [ThemeCard(page=p, members_only=p.pk in restricted) for p in children]


def news_index_context(*, index: Page, params: Mapping[str, str]) -> dict[str, Any]:
    """The news list of ``index``, filtered by category, tag and year, and
    paginated.

    Unknown values and page numbers come from URLs people edit by hand; they
    get a message and a sensible page, never an error.
    """
    all_items = pages_public(NewsPage.objects.child_of(index).live())
    items = all_items.order_by("-date", "-pk")
    notices: list[str] = []
    filters: dict[str, str] = {}
    category = params.get("categorie", "")
    if category in NewsCategory.values:
        items, filters["categorie"] = items.filter(category=category), category
    elif category:
        notices.append(_("There is no category with that name; showing all news."))
    tag = params.get("tag", "")
    if tag and items.filter(tags__slug=tag).exists():
        items, filters["tag"] = items.filter(tags__slug=tag), tag
    elif tag:
        notices.append(_("No news has that tag; the tag filter was left out."))
    year = params.get("jaar", "")
    if (year_number := parse_year(year)) is not None:
        items, filters["jaar"] = items.filter(date__year=year_number), year
    elif year:
        notices.append(_("Give the year as four digits, for example 2024."))
    page = Paginator(items.prefetch_related("tags"), NEWS_PER_PAGE).get_page(
        params.get("pagina")
    )
    return {
        "news_items": page,
        "categories": NewsCategory.choices,
        "active_category": filters.get("categorie", ""),
        "active_tag": filters.get("tag", ""),
        "active_year": filters.get("jaar", ""),
        "years": sorted(
            {d.year for d in all_items.dates("date", "year")}, reverse=True
        ),
        "query_prefix": urlencode(filters),
        "notices": notices,
    }


FOOTER_CACHE_KEY = "knowledge:footer-pages"


@dataclass(frozen=True)
class FooterLink:
    title: str
    url: str


def footer_links() -> list[FooterLink]:
    """The statements the footer links to on every page. Cached, because
    every page would otherwise pay a query for them; the cache is emptied
    when such a page is published, unpublished, moved or deleted."""
    links = cache.get(FOOTER_CACHE_KEY)
    if links is None:
        links = [
            FooterLink(title=page.title, url=page.get_url())
            for page in pages_public(InformationPage.objects.live())
            .filter(show_in_footer=True)
            .order_by("path")
        ]
        cache.set(FOOTER_CACHE_KEY, links, timeout=None)
    return links


def footer_links_forget() -> None:
    cache.delete(FOOTER_CACHE_KEY)


def adviser_named(name: str) -> Adviser | None:
    return Adviser.objects.filter(name=name).first()


def news_published_between(
    *, since: dt.datetime, until: dt.datetime
) -> QuerySet[NewsPage]:
    """Public news first published in ``(since, until]``, newest first: what
    the newsletter digest reports. ``first_published_at`` rather than the
    editorial date, so an item dated last month but published today still
    counts as new, and republishing an edit does not send it again."""
    return (
        pages_public(NewsPage.objects.live())
        .filter(first_published_at__gt=since, first_published_at__lte=until)
        .order_by("-date", "-first_published_at", "-pk")
    )
