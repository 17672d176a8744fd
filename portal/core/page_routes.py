"""Where a path leads, without a query per path segment.

Wagtail finds the page for a path by asking the database for each segment
in turn, and then once more for each page's own type: four queries for a
theme page two levels down, on every request a member makes. Where a path
leads changes only when pages change, and any change to a page starts a
new page-cache generation, so this keeps, per generation, which page (type
and id) a path ends at. A later request loads that page with one query and
lets the page route what is left of the path itself (an event's
registration, for instance), so the page still decides whether it is live
and what its sub-pages are.

Wagtail looks for a route kept on the request first
(``request._wagtail_route_for_request``, see ``Page.route_for_request``);
this puts it there before Wagtail's own serve view runs.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .shared_memo import MISSING, MemoStore

# Paths that lead to a page: as many as the site has pages (and their
# routes). Paths that lead nowhere are not kept, so a scan of made-up
# addresses cannot fill this.
routes = MemoStore("page routes", max_entries=4096)


def _components(path: str) -> tuple[str, ...]:
    return tuple(component for component in path.split("/") if component)


def _route_remembered(
    request: HttpRequest,
    components: tuple[str, ...],
    found: tuple[type[Page], int, int],
) -> RouteResult | None:
    model, pk, depth_below_root = found
    try:
        page = model.objects.get(pk=pk)
        return page.route(request, list(components[depth_below_root:]))
    except (model.DoesNotExist, Http404):
        return None


def route_prefill(request: HttpRequest, path: str) -> None:
    """Put the route for ``path`` on ``request`` where Wagtail will find it:
    from memory when a request of this generation found it before, else
    found by Wagtail and kept."""
    site = Site.find_for_request(request)
    if site is None:
        return
    components = _components(path)
    key = (site.pk, components)
    generation, found = routes.get(key)
    if found is not MISSING:
        request._wagtail_route_for_request = _route_remembered(
            request, components, found
        )
        return
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page = result.page
    root_depth = site.root_page.depth
    routes.put(key, generation, (type(page), page.pk, page.depth - root_depth))


class PageRouteMiddleware:
    """Before Wagtail's serve view: the route from memory (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and view_args:
            route_prefill(request, view_args[0])
        return None
