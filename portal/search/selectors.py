"""The reads of the site search: which pages a person may find, the counts per
type, and one page of results ready to show."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page
from wagtail.search.query import And, Or, PlainText, SearchQuery

from portal.accounts.access import Section, pages_visible_to, restricted_sections
from portal.accounts.models import User

from .analysis import analyse
from .registry import SearchType, search_types
from .summaries import page_excerpt
from .synonyms import synonym_groups, term_alternatives

RESULTS_PER_PAGE = 10


@dataclass
class SearchHit:
    page: Page  # the specific page
    type_label: str
    excerpt: SafeString
    members_only: bool
    where: str = ""  # the page of a file the excerpt comes from


@dataclass
class TypeCount:
    search_type: SearchType
    count: int


@dataclass
class SearchOutcome:
    results: PaginatorPage | None  # its object_list holds SearchHit
    total: int  # of the type filtered on, or of all types
    total_all_types: int
    type_counts: list[TypeCount]
    active_type: str  # the slug filtered on, or "" for all types
    notices: list[str]
    # Set by portal.search.sources: the results are a source's SourceHits,
    # or the first hits of each source beside the page results.
    source_results: bool = False
    previews: list = field(default_factory=list)
    # Set by portal.search.sources when the search found little: the query
    # with its unknown words replaced by the closest words of the site.
    suggestion: str = ""


def _findable_pages(
    user: User | AnonymousUser, sections: list[Section], content_type_ids: list[int]
):
    pages = Page.objects.live().filter(content_type__in=content_type_ids)
    return pages_visible_to(user, pages, sections=sections)


def _page_number(raw: str | None, paginator: Paginator, notices: list[str]) -> int:
    """The page asked for, or the nearest one with a notice; odd values come
    from hand-edited addresses and old links."""
    if not raw or not paginator.count:
        return 1
    try:
        number = int(raw)
    except ValueError:
        number = 0
    if number < 1:
        notices.append(_("That page number does not exist; showing the first page."))
        return 1
    last = paginator.num_pages
    if number > last:
        notices.append(
            ngettext(
                "There is only {n} page of results; showing it.",
                "There are only {n} pages of results; showing the last one.",
                last,
            ).format(n=last)
        )
        return last
    return number


def search_query(terms: list[str]) -> SearchQuery:
    """Every term must match, each in any word of its synonym group; the
    backend stems them (portal.search.backend), so any number of either
    matches too. One query for the groups, none once they are cached."""
    # Stop words are not in the index: a query of 'het gebiedsverbod' asks
    # for 'gebiedsverbod' (a query of stop words only finds nothing).
    terms = [term for term in terms if analyse(term)] or terms
    groups = synonym_groups()
    parts = [
        Or([PlainText(word) for word in words])
        if len(words := term_alternatives(term, groups)) > 1
        else PlainText(term)
        for term in terms
    ]
    return parts[0] if len(parts) == 1 else And(parts)


def matched_words(terms: list[str]) -> list[str]:
    """The terms with their synonyms: what an excerpt marks."""
    groups = synonym_groups()
    found: dict[str, None] = {}
    for term in terms:
        found.update(dict.fromkeys(term_alternatives(term, groups)))
    return list(found)


def _specific(pages: Iterable[Page], models_by_type: dict[int, type]) -> list[Page]:
    """The specific pages, one query per page type on this page of results
    (Page.specific would query once per page), with what a page type names
    in ``search_prefetch`` for its excerpt."""
    by_type: dict[int, list[int]] = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = models_by_type[content_type_id]
        prefetch = getattr(model, "search_prefetch", ())
        found.update(model.objects.prefetch_related(*prefetch).in_bulk(pks))
    return [found[page.pk] for page in pages if page.pk in found]


def _hits(
    pages: list[Page],
    *,
    terms: list[str],
    labels: dict[int, str],
    sections: list[Section],
) -> list[SearchHit]:
    members_sections = [s for s in sections if s.members_only and not s.hidden]
    hits = []
    for page in pages:
        excerpt = page_excerpt(page, terms)
        hits.append(
            SearchHit(
                page=page,
                type_label=labels[page.content_type_id],
                excerpt=excerpt.text,
                members_only=any(s.covers(page) for s in members_sections),
                where=excerpt.where,
            )
        )
    return hits


@dataclass
class _Types:
    """The registered types with their content type ids, for one search."""

    all: list[SearchType]
    ids: dict[str, list[int]]  # slug -> content type ids
    models: dict[int, type[Page]]  # content type id -> page model
    labels: dict[int, str]  # content type id -> label

    @classmethod
    def load(cls) -> "_Types":
        types, ids, models, labels = search_types(), {}, {}, {}
        for search_type in types:
            found = search_type.models_by_content_type()
            ids[search_type.slug] = list(found)
            models.update(found)
            labels.update(dict.fromkeys(found, str(search_type.label)))
        return cls(all=types, ids=ids, models=models, labels=labels)


def site_search(
    *,
    terms: list[str],
    user: User | AnonymousUser,
    type_slug: str,
    page_number: str | None,
    with_results: bool = True,
) -> SearchOutcome:
    """Search the registered page types for ``terms`` (all must match).

    The queries are fixed: view restrictions, counts per type, one page of
    results, and one per page type among those results. Without
    ``with_results`` only the counts (when another list is shown).
    """
    notices: list[str] = []
    types = _Types.load()
    chosen = next((t for t in types.all if t.slug == type_slug), None)
    if type_slug and chosen is None:
        notices.append(_("There is no type of result with that name; showing all."))

    # Who may find what: the one access decision, judged once for this search.
    sections = restricted_sections(user)
    pages = _findable_pages(user, sections, list(types.models))
    query = search_query(terms)
    per_type = pages.search(query).facet("content_type_id")
    type_counts = [
        TypeCount(t, sum(per_type.get(i, 0) for i in types.ids[t.slug]))
        for t in types.all
    ]
    if not with_results:
        return SearchOutcome(
            results=None,
            total=0,
            total_all_types=sum(c.count for c in type_counts),
            type_counts=type_counts,
            active_type="",
            notices=notices,
        )
    if chosen is not None:
        pages = pages.filter(content_type__in=types.ids[chosen.slug])
    paginator = Paginator(pages.search(query), RESULTS_PER_PAGE)
    # The counts per type already say how many there are: spare a COUNT query.
    paginator.count = sum(
        c.count for c in type_counts if chosen is None or c.search_type is chosen
    )
    results = paginator.page(_page_number(page_number, paginator, notices))
    results.object_list = _hits(
        _specific(list(results.object_list), types.models),
        terms=matched_words(terms),
        labels=types.labels,
        sections=sections,
    )
    return SearchOutcome(
        results=results,
        total=paginator.count,
        total_all_types=sum(c.count for c in type_counts),
        type_counts=type_counts,
        active_type=chosen.slug if chosen else "",
        notices=notices,
    )
