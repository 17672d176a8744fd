"""How often one address on the internet may post the sign-up form."""

from django.http import HttpRequest

from portal.core.ratelimit import attempt_allowed

SIGNUP_LIMIT = 5
SIGNUP_WINDOW = 3600  # seconds


def signup_allowed(request: HttpRequest) -> bool:
    """Count this attempt; False once the limit for the hour is passed."""
    return attempt_allowed(
        request, scope="newsletter:signup", limit=SIGNUP_LIMIT, window=SIGNUP_WINDOW
    )
