"""Test profile: fast hashing, mail kept in memory, plain static files."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-insecure-key")

from .base import *  # noqa: E402,F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off: tests expect each request to be rendered. tests/portal/test_page_cache.py
# turns it on.
PAGE_CACHE_SECONDS = 0
ACCOUNTS_AUTO_APPROVE_DOMAINS = ["politie.example"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders; no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
