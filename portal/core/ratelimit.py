"""How often one address on the internet may post a form strangers can use.

A fixed window counted in Django's cache: the same cache the rest of the site
uses (Redis in production, so all workers share it). Enough for a small
service; a third-party captcha would send visitors' data elsewhere.
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.http import HttpRequest


def attempt_allowed(
    request: HttpRequest, *, scope: str, limit: int, window: int
) -> bool:
    """Count this attempt; False once ``limit`` attempts were made in the
    ``window`` (seconds) from this client's address for this ``scope``.

    The client address is found as allauth finds it for the login limits,
    so a reverse proxy is configured once (ALLAUTH_TRUSTED_PROXY_COUNT).
    It is hashed: the cache need not hold visitors' addresses.
    """
    return window_count(client_key(request, scope), window=window) <= limit


def client_key(request: HttpRequest, scope: str) -> str:
    """The cache key that counts this client's attempts for ``scope``."""
    ip = get_adapter(request).get_client_ip(request)
    return f"ratelimit:{scope}:" + hashlib.sha256(ip.encode()).hexdigest()[:32]


def window_count(key: str, *, window: int) -> int:
    """Count one more under ``key`` and return the count so far, in a window
    of ``window`` seconds that starts with the first count."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def window_uncount(key: str) -> None:
    """Take back one count under ``key``: the attempt turned out not to be
    one the limit is about (a right password). Gone already: nothing to do."""
    try:
        cache.decr(key)
    except ValueError:
        pass
