"""The production settings with Django's own per-site cache instead of the
platform's page cache (portal.core.page_cache), for
``bench/load.py --page-cache django``: the measurement issue #16 asks for,
whether Django's middleware, with nginx in front, serves visitors as fast.

Django's middleware keeps whole pages under the URL and the headers they
vary on, for CACHE_MIDDLEWARE_SECONDS, and nothing renews them when content
changes: it is measured here for speed only. The platform's page cache is
switched off (PAGE_CACHE_SECONDS 0 also makes its WSGI wrapper pass every
request through).
"""

from portal.settings.production import *  # noqa: F403
from portal.settings.production import MIDDLEWARE

PAGE_CACHE_SECONDS = 0
CACHE_MIDDLEWARE_SECONDS = 600
CACHE_MIDDLEWARE_KEY_PREFIX = "django-page"
MIDDLEWARE = [
    "django.middleware.cache.UpdateCacheMiddleware",
    *[
        name
        for name in MIDDLEWARE
        if name != "portal.core.page_cache.PageCacheMiddleware"
    ],
    "bench.django_cache_hits.FetchFromCacheMarkingHits",
]
