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
# Every request reads the generation from the cache, so what a test measures
# (query budgets) does not depend on how long the previous request took.
# tests/portal/test_page_cache.py sets it for its own tests.
PAGE_CACHE_LOCAL_SECONDS = 0
ACCOUNTS_AUTO_APPROVE_DOMAINS = ["politie.example"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files straight from the source folders; no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# django-zeal raises on every N+1 query the suite meets: around each test
# (tests/conftest.py) and in each request, the live server's thread included,
# through the outermost middleware (tests/nplusone.py).
INSTALLED_APPS = [*INSTALLED_APPS, "zeal"]  # noqa: F405
MIDDLEWARE = ["tests.nplusone.request_middleware", *MIDDLEWARE]  # noqa: F405
ZEAL_RAISE = True
# Third-party code that gets one row a few times in one request, bounded by
# something other than the amount of content:
ZEAL_ALLOWLIST = [
    # Django's sessions: logging in loads the session, then deletes it by key.
    {"model": "sessions.Session", "field": "get()"},
    # Wagtail routes a URL one get per path segment; adding, saving and
    # publishing a page get it and its parent by id (the caller zeal sees is
    # Wagtail's atomic decorator, so every page operation looks alike). A
    # listing that calls .specific per page is caught by the query budgets
    # (tests/portal/test_query_counts.py) instead.
    {"model": "*Page", "field": "get()"},
    # Wagtail's redirect middleware looks a 404's path up with and without
    # its query string.
    {"model": "wagtailredirects.Redirect", "field": "get()"},
    # allauth confirming an address gets the primary address more than once.
    {"model": "account.EmailAddress", "field": "get()"},
    # Wagtail gets the default locale for each new page.
    {"model": "wagtailcore.Locale", "field": "get()"},
    # Publishing from the admin: modelcluster rebuilds the page from the
    # revision and gets each object a foreign key of the page points to.
    {"model": "contenttypes.ContentType", "field": "get()"},
    {"model": "wagtaildocs.Document", "field": "get()"},
    # taggit's tags.set() runs get_or_create per new tag name, on the tag and
    # on the through model (forms allow a few tags); the tag-merge form's two
    # choice fields get one tag each.
    {"model": "*Tag", "field": "get()"},
    # Saving a page's child rows makes Wagtail queue a reference-index task
    # per row, which gets that row by id (the immediate task backend runs
    # them in the request): bounded by the files or links one page has.
    {"model": "knowledge.PublicationFile", "field": "get()"},
    {"model": "knowledge.NewsPublicationLink", "field": "get()"},
    # Wagtail's settings edit view gets its one row by id in setup() and
    # again in get() and post().
    {"model": "community.PublicationSettings", "field": "get()"},
]
