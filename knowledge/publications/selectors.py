"""The reads of the publications library: the filtered list, a publication's
files, and the publications a theme page or a news item shows. Each is
filtered by the one access decision (portal.accounts.access): a visitor
never learns that a members-only publication exists."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from portal.accounts.access import (
    AnyUser,
    Section,
    pages_visible_to,
    restricted_sections,
)
from portal.core.params import parse_year

from .models import PublicationFile, PublicationKind, PublicationPage

PUBLICATIONS_PER_PAGE = 10
# A theme page or news item lists this many; the library has the rest.
RELATED_LIMIT = 5


def _visible(
    user: AnyUser, publications: QuerySet, sections: list[Section] | None = None
) -> QuerySet:
    """Live publications ``user`` may see, marked ``members_only`` when a
    restriction on the page itself keeps them from visitors, and
    ``theme_shown`` when ``user`` may see the theme page they belong to (a
    public publication may belong to a members-only theme, whose title is
    not for visitors)."""
    if sections is None:
        sections = restricted_sections(user)
    restricted = PageViewRestriction.objects.filter(page=OuterRef("pk"))
    themes = _visible_pages(user, sections).filter(pk=OuterRef("theme_id"))
    return pages_visible_to(user, publications.live(), sections=sections).annotate(
        members_only=Exists(restricted), theme_shown=Exists(themes)
    )


def _visible_pages(user: AnyUser, sections: list[Section]) -> QuerySet:
    return pages_visible_to(user, Page.objects.live(), sections=sections)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def _choice(
    params: Mapping[str, str],
    key: str,
    choices: list[Choice],
    notices: list[str],
    message: str,
) -> str:
    """The chosen value of filter ``key``, or "" with ``message`` when it is
    not one of ``choices`` (a hand-edited or outdated address)."""
    value = params.get(key, "")
    if value and value not in {choice.value for choice in choices}:
        notices.append(message)
        return ""
    return value


def _filter_choices(
    user: AnyUser, visible: QuerySet, sections: list[Section]
) -> dict[str, list[Choice]]:
    """What the filters offer: only values some visible publication has, so
    no filter leads to an empty list (three queries). A theme is offered
    only when ``user`` may see its page too: a members-only theme's title is
    not for visitors, even when a public publication belongs to it."""
    themes = (
        visible.filter(theme_shown=True)
        .order_by("theme__title")
        .values_list("theme__slug", "theme__title")
        .distinct()
    )
    publishers = visible.order_by("publisher").values_list("publisher", flat=True)
    years = visible.dates("date", "year", order="DESC")
    return {
        "soort": [Choice(v, str(label)) for v, label in PublicationKind.choices],
        "thema": [Choice(slug, title) for slug, title in dict(themes).items()],
        "uitgever": [Choice(p, p) for p in dict.fromkeys(publishers)],
        "jaar": [Choice(str(d.year), str(d.year)) for d in years],
    }


def _messages(params: Mapping[str, str]) -> dict[str, str]:
    return {
        "soort": _("There is no kind of publication with that name; showing all."),
        "thema": _("No publication belongs to that theme; the filter was left out."),
        "uitgever": _("No publication is by that publisher; the filter was left out."),
        # A well-formed year without publications is not a typing error.
        "jaar": _("No publication appeared in that year; showing all years.")
        if parse_year(params.get("jaar"))
        else _("Give the year as four digits, for example 2024."),
    }


def publication_index_context(
    *, index: Page, params: Mapping[str, str], user: AnyUser
) -> dict[str, Any]:
    """The publications below ``index`` that ``user`` may see, filtered by
    kind, theme, publisher and year, and paginated; a fixed number of
    queries however many there are.

    Unknown values and page numbers come from addresses people edit by
    hand; they get a message and the filter is left out, never an error.
    """
    sections = restricted_sections(user)
    visible = _visible(user, PublicationPage.objects.child_of(index), sections)
    choices = _filter_choices(user, visible, sections)
    notices: list[str] = []
    messages = _messages(params)
    active = {
        key: _choice(params, key, options, notices, messages[key])
        for key, options in choices.items()
    }
    publications = visible
    if active["soort"]:
        publications = publications.filter(kind=active["soort"])
    if active["thema"]:
        publications = publications.filter(theme__slug=active["thema"])
    if active["uitgever"]:
        publications = publications.filter(publisher=active["uitgever"])
    if active["jaar"]:
        publications = publications.filter(date__year=int(active["jaar"]))
    publications = (
        publications.select_related("theme")
        .prefetch_related("tags")
        .order_by("-date", "-pk")
    )
    page = Paginator(publications, PUBLICATIONS_PER_PAGE).get_page(params.get("pagina"))
    active = {key: value for key, value in active.items() if value}
    return {
        "publications": page,
        "choices": choices,
        "active": active,
        "query_prefix": urlencode(active),
        "notices": notices,
    }


def publication_context(*, page: PublicationPage, user: AnyUser) -> dict[str, Any]:
    """The files of ``page`` with their documents, in their order, and its
    theme page when ``user`` may see that page."""
    files = PublicationFile.objects.filter(page=page).select_related("document")
    theme = None
    if page.theme_id is not None:
        visible = _visible_pages(user, restricted_sections(user))
        theme = visible.filter(pk=page.theme_id).first()
    return {
        "files": [row.document for row in files.order_by("sort_order")],
        "theme": theme,
    }


def publications_of_theme(*, theme: Page, user: AnyUser) -> QuerySet[PublicationPage]:
    """The newest publications that belong with the guidance page ``theme``;
    not yet asked, so that a page whose part showing them was rendered
    before (portal.core.fragments) asks nothing."""
    found = _visible(user, PublicationPage.objects.filter(theme=theme))
    return found.order_by("-date", "-pk")[:RELATED_LIMIT]


def publications_of_news(*, news: Page, user: AnyUser) -> list[PublicationPage]:
    """The publications the news item ``news`` links to, in its order."""
    found = _visible(user, PublicationPage.objects.filter(news_links__news=news))
    return list(found.order_by("news_links__sort_order", "pk"))


def publications_with_file(document) -> list[PublicationPage]:
    """The publications ``document`` is a file of, live or not."""
    return list(PublicationPage.objects.filter(files__document=document).distinct())
