"""How often one address on the internet may post the sign-up form.

A fixed window counted in Django's cache: the same cache the rest of the site
uses (Redis in production, so all workers share it). Enough for a small
service; a third-party captcha would send visitors' data elsewhere.
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.http import HttpRequest

SIGNUP_LIMIT = 5
SIGNUP_WINDOW = 3600  # seconds


def signup_allowed(request: HttpRequest) -> bool:
    """Count this attempt; False once the limit for the hour is passed.

    The client address is found as allauth finds it for the login limits,
    so a reverse proxy is configured once (ALLAUTH_TRUSTED_PROXY_COUNT).
    It is hashed: the cache need not hold visitors' addresses.
    """
    ip = get_adapter(request).get_client_ip(request)
    key = "newsletter:signup:" + hashlib.sha256(ip.encode()).hexdigest()[:32]
    cache.add(key, 0, timeout=SIGNUP_WINDOW)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=SIGNUP_WINDOW)
        attempts = 1
    return attempts <= SIGNUP_LIMIT
