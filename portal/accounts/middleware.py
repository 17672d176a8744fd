from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .second_factor import (
    is_adviser_power,
    needs_second_factor_step,
    second_factor_step,
    session_passed_second_factor,
)
from .selectors import user_mark_without_second_factor


def _marked(request: HttpRequest, user):
    if user.is_authenticated and not session_passed_second_factor(request, user):
        user_mark_without_second_factor(user)
    # The account itself, not Django's lazy wrapper around it.
    return getattr(user, "_wrapped", user)


class SecondFactorMiddleware:
    """Adviser powers need a session that passed the second factor.

    Every request of a session without it has its user marked, so that
    ``user_is_adviser`` answers False wherever it is asked; an adviser who
    opens an address of ``second_factor.ADVISER_POWERS`` is sent to the
    second-factor step. Checked per request rather than at login so that an
    account given the adviser role later is covered too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None:
            # Lazily, like Django's own request.user: a request that never asks
            # who is there (a feed, a calendar) loads no session and no user.
            request.user = SimpleLazyObject(lambda: _marked(request, user))
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not is_adviser_power(request.path_info, request.resolver_match):
            return None
        if needs_second_factor_step(request):
            return second_factor_step(request)
        return None
