"""The reads of the site search: which pages a person may find, the counts per
type, and one page of results ready to show."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page, PageViewRestriction
from wagtail.search.query import And, Or, PlainText, SearchQuery

from portal.accounts.models import User
from portal.accounts.selectors import user_is_member

from .registry import SearchType, search_types
from .summaries import page_texts
from .text import highlight, term_variants

RESULTS_PER_PAGE = 10


@dataclass
class SearchHit:
    page: Page  # the specific page
    type_label: str
    excerpt: SafeString
    members_only: bool


@dataclass
class TypeCount:
    search_type: SearchType
    count: int


@dataclass
class SearchOutcome:
    results: PaginatorPage  # its object_list holds SearchHit
    total: int  # of the type filtered on, or of all types
    total_all_types: int
    type_counts: list[TypeCount]
    active_type: str  # the slug filtered on, or "" for all types
    notices: list[str]


@dataclass
class _Restriction:
    path: str
    depth: int
    hides: bool  # the page and those below it are left out for this person
    members_only: bool  # shown with a 'members only' label when not hidden


def _restrictions(user: User | AnonymousUser) -> list[_Restriction]:
    """Every view restriction, in one query, judged for ``user``. Password
    pages are never searchable; members see the sections for members (login
    or one of their groups); visitors and unapproved accounts see none."""
    member = user_is_member(user)
    rows = PageViewRestriction.objects.values(
        "restriction_type", "page__path", "page__depth"
    )
    if member and not user.is_superuser:
        rows = rows.annotate(
            in_group=Exists(
                PageViewRestriction.groups.through.objects.filter(
                    pageviewrestriction=OuterRef("pk"), group__user=user
                )
            )
        )
    restrictions = []
    for row in rows:
        kind = row["restriction_type"]
        if kind == PageViewRestriction.PASSWORD or not member:
            hides = True
        elif kind == PageViewRestriction.GROUPS:
            hides = not (user.is_superuser or row["in_group"])
        else:
            hides = False
        restrictions.append(
            _Restriction(
                path=row["page__path"],
                depth=row["page__depth"],
                hides=hides,
                members_only=kind != PageViewRestriction.PASSWORD,
            )
        )
    return restrictions


def _below(restriction: _Restriction) -> Q:
    return Q(path__startswith=restriction.path, depth__gte=restriction.depth)


def _findable_pages(restrictions: list[_Restriction], content_type_ids: list[int]):
    pages = Page.objects.live().filter(content_type__in=content_type_ids)
    hidden = Q()
    for restriction in restrictions:
        if restriction.hides:
            hidden |= _below(restriction)
    return pages.exclude(hidden) if hidden else pages


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


def _search_query(terms: list[str]) -> SearchQuery:
    """Every term must match, each in either of its forms."""
    parts = [
        Or([PlainText(variant) for variant in variants])
        if len(variants := term_variants(term)) > 1
        else PlainText(term)
        for term in terms
    ]
    return parts[0] if len(parts) == 1 else And(parts)


def _specific(pages: Iterable[Page], models_by_type: dict[int, type]) -> list[Page]:
    """The specific pages, one query per page type on this page of results
    (Page.specific would query once per page)."""
    by_type: dict[int, list[int]] = defaultdict(list)
    for page in pages:
        by_type[page.content_type_id].append(page.pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = models_by_type[content_type_id]
        found.update(model.objects.in_bulk(pks))
    return [found[page.pk] for page in pages if page.pk in found]


def _hits(
    pages: list[Page],
    *,
    terms: list[str],
    labels: dict[int, str],
    restrictions: list[_Restriction],
) -> list[SearchHit]:
    members_sections = [r for r in restrictions if r.members_only and not r.hides]
    return [
        SearchHit(
            page=page,
            type_label=labels[page.content_type_id],
            excerpt=highlight(page_texts(page), terms),
            members_only=any(
                page.path.startswith(r.path) and page.depth >= r.depth
                for r in members_sections
            ),
        )
        for page in pages
    ]


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
) -> SearchOutcome:
    """Search the registered page types for ``terms`` (all must match).

    The queries are fixed: view restrictions, counts per type, one page of
    results, and one per page type among those results.
    """
    notices: list[str] = []
    types = _Types.load()
    chosen = next((t for t in types.all if t.slug == type_slug), None)
    if type_slug and chosen is None:
        notices.append(_("There is no type of result with that name; showing all."))

    restrictions = _restrictions(user)
    pages = _findable_pages(restrictions, list(types.models))
    query = _search_query(terms)
    per_type = pages.search(query).facet("content_type_id")
    type_counts = [
        TypeCount(t, sum(per_type.get(i, 0) for i in types.ids[t.slug]))
        for t in types.all
    ]
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
        terms=terms,
        labels=types.labels,
        restrictions=restrictions,
    )
    return SearchOutcome(
        results=results,
        total=paginator.count,
        total_all_types=sum(c.count for c in type_counts),
        type_counts=type_counts,
        active_type=chosen.slug if chosen else "",
        notices=notices,
    )
