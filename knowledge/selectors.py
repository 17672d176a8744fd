from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from .models import Adviser, NewsCategory, NewsPage, ThemePage

NEWS_PER_PAGE = 10


def news_latest(*, limit: int) -> QuerySet[NewsPage]:
    return (
        NewsPage.objects.live()
        .public()
        .order_by("-date", "-pk")
        .prefetch_related("tags")[:limit]
    )


@dataclass(frozen=True)
class ThemeCard:
    page: ThemePage
    members_only: bool


def themes_of(*, dossier: Page) -> list[ThemeCard]:
    """The dossier's guidance pages; members-only ones are listed too, marked,
    so visitors learn they exist and why an account is worth requesting."""
    themes = list(ThemePage.objects.child_of(dossier).live())
    restricted = set(
        PageViewRestriction.objects.filter(page__in=themes).values_list(
            "page_id", flat=True
        )
    )
    return [ThemeCard(page=t, members_only=t.pk in restricted) for t in themes]


def news_index_context(*, index: Page, params: Mapping[str, str]) -> dict[str, Any]:
    """The news list of ``index``, filtered by category, tag and year, and
    paginated.

    Unknown values and page numbers come from URLs people edit by hand; they
    get a message and a sensible page, never an error.
    """
    all_items = NewsPage.objects.child_of(index).live().public()
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
    if year.isdigit() and len(year) == 4:
        items, filters["jaar"] = items.filter(date__year=int(year)), year
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


def adviser_named(name: str) -> Adviser | None:
    return Adviser.objects.filter(name=name).first()


def news_for_feed(*, limit: int) -> QuerySet[NewsPage]:
    return (
        NewsPage.objects.live()
        .public()
        .order_by("-date", "-pk")
        .prefetch_related("tags")[:limit]
    )
