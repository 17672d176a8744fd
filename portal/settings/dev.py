"""Local development: `make run` uses this profile."""

import os

os.environ.setdefault(
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production"
)
os.environ.setdefault("DJANGO_DEBUG", "true")

from .base import *  # noqa: E402,F403
from .base import env  # noqa: E402

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the source folders; no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The development server is one process, so its local-memory page cache
# sees every invalidation; LEERKRING_PAGE_CACHE_SECONDS=0 while editing
# templates.
PAGE_CACHE_SECONDS = env.int("LEERKRING_PAGE_CACHE_SECONDS", default=600)
