"""What the site search finds beside the page tree: the members' own areas,
such as the discussions and the expert profiles.

Each app registers a source in its ``AppConfig.ready()``:

    register_search_source(slug="discussies", label=_("Discussion"),
                           plural_label=_("Discussions"),
                           find=posts_matching, hits=post_hits)

``find(terms=..., user=...)`` returns a queryset of what matches every term,
in the order to show; ``hits(objects, terms=...)`` turns one page of it into
``SourceHit`` objects with a fixed number of queries. A source is for
approved members only (``portal.accounts.access.members_area_visible_to``):
for anyone else it is not asked, counted or named; unless it is registered
with ``public=True`` (the interventions of the tool). The page search
(``selectors.site_search``) is left as it is; ``search_with_sources`` puts
the two side by side, so either can change without the other.
"""

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.safestring import SafeString

from portal.accounts.access import members_area_visible_to
from portal.accounts.models import User

from .selectors import (
    RESULTS_PER_PAGE,
    SearchOutcome,
    TypeCount,
    _page_number,
    site_search,
)
from .suggestions import SUGGEST_BELOW, suggestion
from .synonyms import synonym_groups

#: Hits of each source shown among the results of all types.
PREVIEW_HITS = 3


@dataclass(frozen=True)
class SourceHit:
    title: str
    url: str
    type_label: str
    excerpt: SafeString
    meta: str = ""  # where it is and who wrote it, already in words
    date: dt.datetime | None = None
    members_only: bool = True


@dataclass(frozen=True)
class SearchSource:
    slug: str
    label: str | Promise
    plural_label: str | Promise
    find: Callable[..., QuerySet]
    hits: Callable[..., list[SourceHit]]
    public: bool = False


@dataclass
class SourcePreview:
    source: SearchSource
    count: int
    hits: list[SourceHit]


@dataclass
class SourceOutcome:
    type_counts: list[TypeCount] = field(default_factory=list)
    previews: list[SourcePreview] = field(default_factory=list)
    results: PaginatorPage | None = None  # of the source filtered on
    active: SearchSource | None = None
    notices: list[str] = field(default_factory=list)


_sources: dict[str, SearchSource] = {}


def register_search_source(
    *,
    slug: str,
    label: str | Promise,
    plural_label: str | Promise,
    find: Callable[..., QuerySet],
    hits: Callable[..., list[SourceHit]],
    public: bool = False,
) -> None:
    """Registering the same ``slug`` again replaces it (autoreload)."""
    _sources[slug] = SearchSource(
        slug=slug,
        label=label,
        plural_label=plural_label,
        find=find,
        hits=hits,
        public=public,
    )


def search_sources(user: User | AnonymousUser | None = None) -> list[SearchSource]:
    """Every registered source, in the order the apps registered them; with
    ``user``, those that user may search."""
    if user is None or members_area_visible_to(user):
        return list(_sources.values())
    return [source for source in _sources.values() if source.public]


def word_start(term: str) -> str:
    """A regular expression for a word that starts with ``term``, the same
    on SQLite (Python's ``re``) and PostgreSQL (``~*``): 'demonstratie'
    finds 'demonstraties', 'wijk' does not find 'buurtwijk'."""
    return rf"(^|\W){re.escape(term)}"


def source_search(
    *,
    terms: list[str],
    user: User | AnonymousUser,
    type_slug: str,
    page_number: str | None,
    preview: bool,
) -> SourceOutcome:
    """The sources for ``terms``: a count per source, and either a page of
    the source filtered on or, with ``preview``, the first hits of each.
    Per source one count and one page of hits (plus what its ``hits``
    needs), whatever the number of matches; nothing at all for anyone but
    an approved member, the public sources excepted."""
    sources = search_sources(user)
    if not sources:
        return SourceOutcome()
    found = {s.slug: s.find(terms=terms, user=user) for s in sources}
    outcome = SourceOutcome(
        type_counts=[TypeCount(s, found[s.slug].count()) for s in sources],
        active=next((s for s in sources if s.slug == type_slug), None),
    )
    counts = {c.search_type.slug: c.count for c in outcome.type_counts}
    if outcome.active is not None:
        source = outcome.active
        paginator = Paginator(found[source.slug], RESULTS_PER_PAGE)
        paginator.count = counts[source.slug]  # counted above already
        number = _page_number(page_number, paginator, outcome.notices)
        outcome.results = paginator.page(number)
        outcome.results.object_list = source.hits(
            list(outcome.results.object_list), terms=terms
        )
    elif preview:
        outcome.previews = [
            SourcePreview(
                source=s,
                count=counts[s.slug],
                hits=s.hits(list(found[s.slug][:PREVIEW_HITS]), terms=terms),
            )
            for s in sources
            if counts[s.slug]
        ]
    return outcome


def search_with_sources(
    *,
    terms: list[str],
    user: User | AnonymousUser,
    type_slug: str,
    page_number: str | None,
) -> SearchOutcome:
    """The page search and the sources as one outcome: the counts of both
    in the type filter; filtered on a source, its hits are the results;
    unfiltered, the page results as ever with the first hits of each
    source above them (on the first page)."""
    on_source = type_slug in {source.slug for source in search_sources(user)}
    pages = site_search(
        terms=terms,
        user=user,
        type_slug="" if on_source else type_slug,
        page_number=None if on_source else page_number,
        with_results=not on_source,
    )
    found = source_search(
        terms=terms,
        user=user,
        type_slug=type_slug,
        page_number=page_number,
        preview=not pages.active_type and _first_page(pages),
    )
    outcome = _combined(pages, found)
    if outcome.total_all_types < SUGGEST_BELOW:
        outcome.suggestion = suggestion(
            terms, also_known=[w for g in synonym_groups() for w in g]
        )
    return outcome


def _first_page(pages: SearchOutcome) -> bool:
    return pages.results is None or pages.results.number == 1


def _combined(pages: SearchOutcome, found: SourceOutcome) -> SearchOutcome:
    source_total = sum(c.count for c in found.type_counts)
    pages.type_counts = pages.type_counts + found.type_counts
    pages.total_all_types += source_total
    pages.notices.extend(found.notices)
    if found.active is not None:
        pages.results = found.results
        pages.total = found.results.paginator.count
        pages.active_type = found.active.slug
        pages.source_results = True
    elif not pages.active_type:
        pages.total += source_total
        pages.previews = found.previews
    return pages
