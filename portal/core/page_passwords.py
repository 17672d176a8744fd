"""Wagtail's password forms for a restricted page or document collection,
limited like the login: a client gets a few wrong passwords per restriction
and a few more across all of them, then the 429 page, even for the right
password, until the window has passed. Without it a script tried 60
passwords in 13 seconds.

Each attempt is counted before the password is checked, so simultaneous
attempts cannot slip past the limit; an attempt that succeeds is taken back.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .ratelimit import client_key, window_count, window_uncount

#: Wrong passwords per client for one restriction, and the window (seconds).
PER_RESTRICTION = (5, 300)
#: Wrong passwords per client over all restrictions, and the window.
PER_CLIENT = (10, 60)


def password_attempts_limited(
    view: Callable[..., HttpResponse], *, restriction_kwarg: str
) -> Callable[..., HttpResponse]:
    """``view`` (one of Wagtail's authenticate_with_password views), with
    its POSTs limited per client; ``restriction_kwarg`` names the URL
    argument that holds the restriction's id."""

    @wraps(view)
    def limited(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "POST":
            return view(request, *args, **kwargs)
        limits = {
            client_key(
                request, f"page-password:{kwargs[restriction_kwarg]}"
            ): PER_RESTRICTION,
            client_key(request, "page-password"): PER_CLIENT,
        }
        counts = {key: window_count(key, window=w) for key, (_, w) in limits.items()}
        if any(counts[key] > limit for key, (limit, _) in limits.items()):
            return render(request, "429.html", status=429)
        response = view(request, *args, **kwargs)
        # Wagtail shows its form again (200) for a wrong password and
        # redirects for the right one.
        if response.status_code != 200:
            for key in limits:
                window_uncount(key)
        return response

    return limited
