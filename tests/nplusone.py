"""N+1 detection for the whole test suite with django-zeal.

tests/conftest.py runs every test inside a zeal context that raises on an N+1
from a relation (``thread.author`` in a loop) but lets a test call a service
twice: outside a request, two ``.get()`` of one model from one line are a test
doing something twice, not a loop. Each request, through the test client or
the live server's thread, gets a context of its own in which repeated
``.get()`` calls count too.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.http import HttpRequest, HttpResponse
from zeal import setup, teardown, zeal_context, zeal_ignore

# Outside a request only: tests and their set-up call one service for several
# objects, each call reading its object once.
TEST_ALLOWLIST = [
    {"model": "*", "field": "get()"},
    # services check the acting user's role, and the export reads the
    # user's addresses: tests act as and export several users
    {"model": "accounts.User", "field": "groups"},
    {"model": "accounts.User", "field": "emailaddress_set"},
    {"model": "accounts.User", "field": "authenticator_set"},
    # m2m set() reads the current rows of each new object once
    {"model": "casebook.CaseSubmission", "field": "platforms"},
    {"model": "wagtailcore.PageViewRestriction", "field": "groups"},
]


@contextmanager
def suite_context() -> Iterator[None]:
    with zeal_context(), zeal_ignore(TEST_ALLOWLIST):
        yield


def request_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        # zeal's own middleware would inherit the test's allowlist; so drop it
        # for the request (teardown without a token leaves a blank context)
        # and put the test's context back afterwards through setup's token.
        outer = setup()
        teardown()
        try:
            with zeal_context():
                return get_response(request)
        finally:
            teardown(outer)

    return middleware
