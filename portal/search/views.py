from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.accounts.selectors import user_is_member

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            _("Your search was shortened to {n} characters.").format(n=MAX_QUERY_LENGTH)
        )
    pages = Page.objects.live()
    if not user_is_member(request.user):
        pages = pages.public()
    results = pages.search(query) if query else Page.objects.none()
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page,
            "notices": notices,
            "query_prefix": urlencode({"q": query}),
        },
    )
