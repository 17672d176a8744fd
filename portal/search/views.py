from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .sources import search_with_sources
from .text import MAX_QUERY_LENGTH, query_clean, query_terms


def search(request: HttpRequest) -> HttpResponse:
    """One search over every registered page type; odd input gets a notice
    and an ordinary page (see sources.search_with_sources for the queries)."""
    query, shortened = query_clean(request.GET.get("q", ""))
    type_slug, _shortened = query_clean(request.GET.get("type", ""))
    notices = []
    if shortened:
        notices.append(
            _("Your search was shortened to {n} characters.").format(n=MAX_QUERY_LENGTH)
        )
    terms = query_terms(query)
    outcome = None
    if terms:
        outcome = search_with_sources(
            terms=terms,
            user=request.user,
            type_slug=type_slug,
            page_number=request.GET.get("pagina"),
        )
        notices.extend(outcome.notices)
    elif query:
        notices.append(_("Type one or more words to search for."))
    active_type = outcome.active_type if outcome else ""
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "outcome": outcome,
            "notices": notices,
            "active_type": active_type,
            "query_prefix": urlencode({"q": query}),
            "page_prefix": urlencode(
                {"q": query, **({"type": active_type} if active_type else {})}
            ),
            "max_length": MAX_QUERY_LENGTH,
            "suggestion_query": urlencode({"q": outcome.suggestion})
            if outcome and outcome.suggestion
            else "",
        },
    )
