"""Refuse input no person can type, for every address at once.

A NUL byte or another control character in an address or a form field can
only come from a hand-made request. Passed on, it breaks in far-away places:
PostgreSQL refuses NUL in any string of a query, a tag lookup or a log line
raises, and each view would need its own check. Here the request is refused
before any view runs, with a page that says why (400), and nothing changes.

Path arguments are checked too: an ``<int:pk>`` past what a database integer
holds (2^63) raised OverflowError on SQLite; such an id matches no object,
so the answer is the one for any unknown id, 404.
"""

import re
from collections.abc import Callable, Iterable

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from .params import ID_RANGE

# C0 control characters and DEL, except tab, line feed and carriage return,
# which a text area sends.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _texts(data: QueryDict) -> Iterable[str]:
    for key, values in data.lists():
        yield key
        yield from (value for value in values if isinstance(value, str))


def has_control_characters(request: HttpRequest) -> bool:
    """Whether the path, the query string or a form field of ``request``
    holds a control character."""
    if CONTROL.search(request.path_info):
        return True
    if any(CONTROL.search(text) for text in _texts(request.GET)):
        return True
    if request.method == "POST" and request.content_type in FORM_TYPES:
        return any(CONTROL.search(text) for text in _texts(request.POST))
    return False


class RefuseControlCharactersMiddleware:
    """The 400 page for control characters; 404 for ids past 2^63."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request):
            return render(request, "400.html", status=400)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs) -> None:
        for value in (*view_args, *view_kwargs.values()):
            if isinstance(value, int) and value not in ID_RANGE:
                raise Http404
