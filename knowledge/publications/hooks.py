"""Wagtail hooks of the publications library; imported by
``knowledge.wagtail_hooks`` so Wagtail finds them."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers
from wagtail import hooks

from portal.accounts.access import pages_refusal
from portal.accounts.refusals import page_refused_response
from portal.accounts.second_factor import needs_second_factor_step, second_factor_step
from portal.accounts.selectors import user_is_adviser

from .selectors import publications_with_file


@hooks.register("before_serve_document")
def _publication_file_access(document, request: HttpRequest) -> HttpResponse | None:
    """A file of a publication is served to whom may see the publication
    (portal.accounts.access, as the page itself): a members-only
    publication's file sends a visitor to log in and tells an account that
    is not approved it is for members. The collection's own restriction
    was asked first (portal.accounts.wagtail_hooks)."""
    publications = publications_with_file(document)
    if not publications or user_is_adviser(request.user):
        return None
    live = [page for page in publications if page.live]
    if not live:
        # Only in drafts: as unpublished as they are, an adviser power.
        if needs_second_factor_step(request):
            return second_factor_step(request)
        raise Http404
    found = pages_refusal(request, live)
    if found is None:
        return None  # /documents/ is never kept in the page cache
    page, refused = found
    response = page_refused_response(request, page, refused)
    add_never_cache_headers(response)
    return response
