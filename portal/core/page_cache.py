"""Whole pages for anonymous visitors, kept in Django's cache.

Most visitors are not logged in and see exactly the same bytes, so the
second such request for a page is answered from the cache (Redis when
REDIS_URL is set, so every worker shares it) before the session, the user,
the URL resolver, the database or a template is touched: one cache round
trip. ``PageCacheWSGI`` wraps the WSGI application and answers hits before
Django even builds a request (portal/wsgi.py); ``PageCacheMiddleware``
comes first in MIDDLEWARE, stores what may be shared and answers hits
itself where the wrapper is absent (test client, runserver). The headers
the other middleware add (security headers, CSP, Content-Language) are part
of what is stored.

Which requests may be answered from the cache or fill it
--------------------------------------------------------
GET and HEAD (only GET fills it) from a visitor without a session cookie,
a messages cookie or an Authorization header. A session cookie is checked
by name, never loaded: a logged-in member, or anyone whose session holds
something (a password-protected page opened, a half-finished form), always
gets a freshly rendered page; so does whoever has a message waiting, which
the cached page would not show. The key holds scheme, host, language (the
language cookie, as SiteLanguageMiddleware reads it), path and query
string. /admin/ (and so previews), /accounts/, /mijn-account/, /i18n/,
/health/, /documents/ and /_util/ are never cached; static and media files
pass straight through.

Which responses are stored
--------------------------
Only a 200 that is not streamed, sets no cookie, varies on nothing but
Cookie, is not marked private, no-store, no-cache or max-age=0 (never_cache,
members_only, and every page with a view restriction: the serve hook of the
one access decision, portal/accounts/wagtail_hooks.py, marks it so whatever
it answers, so neither this cache nor nginx keeps a page not everyone may
see), holds at most 512 KB and rendered no
CSRF token. That last rule is what keeps the cache safe: a token belongs to
one visitor, and a page holding one cannot be shared by Django nor by the
nginx cache in front. So pages with a POST form for visitors - an event's
registration form, the newsletter form, the login form - are simply not
cached. Rendering them without a token and exempting their views from CSRF
would let another site post them with a logged-in member's session; adding
the token with JavaScript would make the site need JavaScript. The event
page also shows the places left, which every registration changes, so it
gains little from a cache anyway. The only form on every page, the
language switch in the footer, therefore carries no token: its view is
exempt from CSRF (portal/urls.py), as the worst another site can do with it
is switch a visitor's language.

404s are not cached: random URLs would fill the cache, and a 404 costs one
query. Nor are redirects, which are cheap.

Query strings
-------------
Search results and filtered or paged lists are worth keeping, but anyone
can invent query strings, and each would be another entry. So a query
string of more than 200 characters is never cached; entries with a query
string live only PAGE_CACHE_QUERY_SECONDS; and at most
PAGE_CACHE_QUERY_BUDGET of them are stored per such window (one counter in
the cache). Past that, pages with a query string are rendered as usual,
uncached, until the next window. Redis should still run with a maxmemory
and allkeys-lru, like any cache.

Invalidation
------------
Every entry records the generation it was rendered under: a random token
under one cache key, read together with the entry (one get_many, an MGET in
Redis). A saved or deleted instance of a model that can change what an
anonymous visitor is served sets a new token, so every page is rendered
afresh once: pages, images, documents, tags and the site's restrictions, and
each of the site's own models that says ``shown_to_visitors = True`` where it
is defined (advisers, interventions, registrations for the places left,
published cases' platforms...). Telling which pages show which object would
be fragile; such a change is rare next to the reads. The one exception is a
model that names the few addresses it shows on with a ``visitor_paths()``
method: a registration shows only in its event page's places left, so
taking or giving up a place renews that page alone (a key per path, read in
the same round trip as the generation), not every page of the site while
members register. Everything members
write - posts, case drafts, help requests, follows, read marks, coffee
bookings - says False and leaves the cache alone, as does bookkeeping that is
written while pages are rendered (sessions, logs, renditions, embeds, last
login). The token is set at once and again when the transaction commits: a
request reading the old rows between the two stores its page under the
token it read first, which the commit then makes stale. Content that only
changes with time (an event that has passed) is at most the timeout old.

Each worker also keeps copies of the entries it served and, for
PAGE_CACHE_LOCAL_SECONDS (1) after it last read the generation from the
shared cache, serves them without asking Redis: a hit then costs no round
trip at all, which on a busy two-core machine halves its price. A change
made through another worker therefore shows there up to a second later;
through this worker, at once.

With the local-memory cache every worker process has its own cache, and a
change in one worker does not reach the others: fine for the development
server (one process), not for several gunicorn workers. So the page cache
is on by default only with REDIS_URL, and in the dev profile.

Headers
-------
A stored response gets ``Cache-Control: public, max-age=<browser>,
s-maxage=<timeout>`` and ``Vary: Cookie``, so a browser keeps it briefly
and the nginx cache in front (purged on publish) as long as Django does.
Everything answered to a session (a member) gets ``private, no-cache``
unless it already says something stricter, also when the page cache is
off; other uncacheable anonymous answers get the same if they carry no
Cache-Control of their own. ``X-Cache`` says HIT or MISS for a request the
cache could answer; a hit also has ``Age``.

Settings: PAGE_CACHE_SECONDS (0 turns the cache off),
PAGE_CACHE_BROWSER_SECONDS, PAGE_CACHE_LOCAL_SECONDS, PAGE_CACHE_QUERY_SECONDS,
PAGE_CACHE_QUERY_BUDGET.
"""

import hashlib
import math
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.cookie import parse_cookie
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.core.ratelimit import window_count

GENERATION_KEY = "pagecache:generation"
ENTRY_KEY_PREFIX = "pagecache:page:"
PATH_KEY_PREFIX = "pagecache:path:"
QUERY_BUDGET_SCOPE = "pagecache:query-budget"
STATUS_HEADER = "X-Cache"
MAX_QUERY_LENGTH = 200
MAX_BODY_BYTES = 512 * 1024
NEVER_CACHED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/mijn-account/",
    "/i18n/",
    "/health/",
    "/documents/",
    "/_util/",
)
# Django's cookie message storage (the first place messages go).
MESSAGES_COOKIE = "messages"
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")

# Models of the libraries that show on what a visitor sees: pages, the site
# and its restrictions, images, documents, tags and redirects. The site's own
# models say it themselves, where they are defined, with a class attribute
# ``shown_to_visitors`` (True or False); tests/portal/test_page_cache_scope.py
# holds every one of them to saying it.
LIBRARY_MODELS_SHOWN = frozenset(
    {
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailcore.collection",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.collectionviewrestriction",
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailredirects.redirect",
        "wagtailsearchpromotions.query",
        "wagtailsearchpromotions.searchpromotion",
        "taggit.tag",
        "taggit.taggeditem",
    }
)


# A new tag is on no page until a page's own tag row names it (and those
# rows say so themselves): members' case drafts and posts create tags all day.
CREATED_UNSEEN = frozenset({"taggit.tag"})


def shown_to_visitors(model: type) -> bool:
    """Whether a change to an instance of ``model`` can change a page an
    anonymous visitor is served: only such a change empties the cache."""
    if issubclass(model, Page):
        return True
    declared = model.__dict__.get("shown_to_visitors")
    if declared is not None:
        return bool(declared)
    return model._meta.label_lower in LIBRARY_MODELS_SHOWN


# generation, the path's own token ("" when none), time stored, time it
# expires, status, headers, body
Entry = tuple[str, str, float, float, int, list[tuple[str, str]], bytes]
ENTRY_LENGTH = 7
# What an entry must have been rendered under to be served: the generation
# and the path's token.
Version = tuple[str, str]
# Copies of hot entries each process keeps, at most this many bytes of body.
LOCAL_MAX_BYTES = 32 * 1024 * 1024
# Where PageCacheWSGI leaves the key and generation it found no hit for.
LOOKUP_ENVIRON_KEY = "leerkring.page_cache"


def page_cache_invalidate() -> None:
    """Every cached page is stale from now on, and again once the current
    transaction (if any) commits; see the module docstring."""
    _generation_renew()
    transaction.on_commit(_generation_renew, robust=True)


def _generation_renew() -> None:
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, timeout=None)
    _local.generation_seen(generation)


def page_cache_invalidate_path(path: str) -> None:
    """The page at ``path`` (in every language, on every host, with any
    query string) is stale from now on, and again once the current
    transaction commits; every other page stays."""
    _path_renew(path)
    transaction.on_commit(lambda: _path_renew(path), robust=True)


def _path_key(path: str) -> str:
    raw = path.encode("utf-8", "backslashreplace")
    return PATH_KEY_PREFIX + hashlib.blake2b(raw, digest_size=16).hexdigest()


def _path_renew(path: str) -> None:
    cache.set(_path_key(path), uuid.uuid4().hex, timeout=None)
    # This process's copies are not keyed by path: all go, and come back
    # from the shared cache on the next request.
    _local.copies_drop()


def generation_current() -> str:
    """The page cache's current generation: from this process's memory for
    PAGE_CACHE_LOCAL_SECONDS after it was last read, else from the shared
    cache. Anything derived from what visitors see may be kept as long as
    this stays the same (portal.core.shared_memo)."""
    fresh = time.monotonic() - _local.checked_at < settings.PAGE_CACHE_LOCAL_SECONDS
    if fresh and _local.generation is not None:
        return _local.generation
    generation = _generation_or_new(cache.get(GENERATION_KEY))
    _local.generation_seen(generation)
    return generation


def _generation_or_new(generation: str | None) -> str:
    """``generation`` as read from the shared cache, or, on the first
    request or after the key was evicted, the one every process agrees on
    (``add`` lets only the first writer set it)."""
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


class _LocalCopies:
    """This process's copies of entries it served, and the generation it
    last read from the shared cache. For PAGE_CACHE_LOCAL_SECONDS after that
    read a copy is served without asking the shared cache at all: a hit
    costs no network round trip, and a change made through another worker
    shows here at most that long later. First in, first out, up to
    LOCAL_MAX_BYTES of bodies."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clear()

    def clear(self) -> None:
        with self.lock:
            self.entries: OrderedDict[str, Entry] = OrderedDict()
            self.size = 0
            self.generation: str | None = None
            self.checked_at = -math.inf

    def generation_seen(self, generation: str) -> None:
        if generation != self.generation:  # the copies are all stale
            self.copies_drop()
        self.generation, self.checked_at = generation, time.monotonic()

    def copies_drop(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def get(self, key: str) -> Entry | None:
        fresh = time.monotonic() - self.checked_at < settings.PAGE_CACHE_LOCAL_SECONDS
        entry = self.entries.get(key) if fresh else None
        if entry is None or entry[0] != self.generation or entry[3] < time.time():
            return None
        return entry

    def put(self, key: str, entry: Entry) -> None:
        with self.lock:
            old = self.entries.pop(key, None)
            self.size -= len(old[-1]) if old else 0
            self.entries[key] = entry
            self.size += len(entry[-1])
            while self.size > LOCAL_MAX_BYTES:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[-1])


_local = _LocalCopies()


def local_copies_clear() -> None:
    """For tests: forget this process's copies and generation."""
    _local.clear()


def content_changed_receiver(sender: type, **kwargs) -> None:
    """post_save, post_delete and m2m_changed of any model: a new generation
    when the model shows on what a visitor sees, unless the instance says
    this one does not (an optional ``seen_by_visitors()`` method beside the
    model's ``shown_to_visitors``), and only the pages at its
    ``visitor_paths()`` when it names them. For m2m_changed the sender
    is the through table; what changed is the instance's model."""
    action = kwargs.get("action")
    if action is not None:
        if action.startswith("pre_"):
            return
        sender = type(kwargs["instance"])
    if not shown_to_visitors(sender):
        return
    seen = getattr(kwargs.get("instance"), "seen_by_visitors", None)
    if callable(seen) and not seen():
        return
    if kwargs.get("created") and sender._meta.label_lower in CREATED_UNSEEN:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= {"last_login"}:
        return
    paths = getattr(kwargs.get("instance"), "visitor_paths", None)
    if callable(paths):
        for path in paths():
            page_cache_invalidate_path(path)
        return
    page_cache_invalidate()


def page_cache_invalidate_receiver(sender: type, **kwargs) -> None:
    page_cache_invalidate()


def receivers_connect() -> None:
    """Called from CoreConfig.ready(). Page moves and (descendants')
    unpublishing are partly done with queryset updates, which send no
    post_save: Wagtail's own signals cover them."""
    receivers = [
        (post_save, content_changed_receiver),
        (post_delete, content_changed_receiver),
        (m2m_changed, content_changed_receiver),
        (page_published, page_cache_invalidate_receiver),
        (page_unpublished, page_cache_invalidate_receiver),
        (post_page_move, page_cache_invalidate_receiver),
    ]
    for number, (signal, receiver) in enumerate(receivers):
        signal.connect(receiver, dispatch_uid=f"page_cache.{number}")


class PageCacheWSGI:
    """Answers hits before Django builds a request: no request object, no
    request signals, no middleware. Wraps the WSGI application
    (portal/wsgi.py); everything else, storing included, is
    PageCacheMiddleware's, which also answers hits on its own where this
    wrapper is absent (the test client, runserver)."""

    def __init__(self, application: Callable) -> None:
        self.application = application
        self.pass_through = _pass_through_prefixes()

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "")
        if (
            not settings.PAGE_CACHE_SECONDS
            or path.startswith(self.pass_through)
            or not _may_use_cache(method, path, environ)
        ):
            return self.application(environ, start_response)
        cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
        if _is_personal(cookies, environ):
            return self.application(environ, start_response)
        key = entry_key(environ, cookies)
        version, entry = _lookup(key, path)
        if entry is not None:
            _generation, _token, stored_at, _expires, status, headers, content = entry
            start_response(
                f"{status} {HTTPStatus(status).phrase}",
                [*headers, *_hit_headers(stored_at)],
            )
            return [b""] if method == "HEAD" else [content]
        environ[LOOKUP_ENVIRON_KEY] = (key, version)
        return self.application(environ, start_response)


class PageCacheMiddleware:
    """Answers anonymous GETs from the cache and stores what may be shared."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response
        self.pass_through = _pass_through_prefixes()

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path.startswith(self.pass_through):
            return self.get_response(request)
        if _is_personal(request.COOKIES, request.META):
            response = self.get_response(request)
            _mark_private(response)
            return response
        if not settings.PAGE_CACHE_SECONDS or not _may_use_cache(
            request.method, request.path, request.META
        ):
            return self.get_response(request)
        # The WSGI wrapper looked it up already and found no hit.
        looked_up = request.META.get(LOOKUP_ENVIRON_KEY)
        if looked_up is not None:
            key, version = looked_up
        else:
            key = entry_key(request.META, request.COOKIES)
            version, entry = _lookup(key, request.path)
            if entry is not None:
                return _hit_response(entry)
        response = self.get_response(request)
        stored = request.method == "GET" and _store(key, version, request, response)
        if not stored and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        response[STATUS_HEADER] = "MISS"
        return response


def _pass_through_prefixes() -> tuple[str, ...]:
    """Static and media files: whitenoise or the web server serve them."""
    return tuple(
        prefix
        for prefix in (settings.STATIC_URL, settings.MEDIA_URL)
        if prefix and prefix.startswith("/")
    )


def entry_key(meta: Mapping[str, Any], cookies: Mapping[str, str]) -> str:
    """Scheme, host, language, path and query string, hashed: paths may be
    long and hold tokens the cache need not show. From the raw WSGI environ
    (request.META is that environ), so both layers find the same key."""
    language = cookies.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = settings.LANGUAGE_CODE
    parts = (
        _scheme(meta),
        meta.get("HTTP_HOST", ""),
        language,
        meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
    )
    raw = "\n".join(parts).encode("utf-8", "backslashreplace")
    return ENTRY_KEY_PREFIX + hashlib.blake2b(raw, digest_size=16).hexdigest()


def _scheme(meta: Mapping[str, Any]) -> str:
    """As HttpRequest.scheme decides it (SECURE_PROXY_SSL_HEADER)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return meta.get("wsgi.url_scheme", "http")


def _is_personal(cookies: Mapping[str, str], meta: Mapping[str, Any]) -> bool:
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or MESSAGES_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in meta
    )


def _may_use_cache(method: str, path: str, meta: Mapping[str, Any]) -> bool:
    return (
        method in ("GET", "HEAD")
        and not path.startswith(NEVER_CACHED_PREFIXES)
        and len(meta.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _lookup(key: str, path: str) -> tuple[Version, Entry | None]:
    """The current generation with the token of ``path``, and the entry
    under ``key`` (None if there is none, or it is stale): this process's
    copy while it may trust it, else one get_many from the shared cache."""
    entry = _local.get(key)
    if entry is not None:
        return (entry[0], entry[1]), entry
    path_key = _path_key(path)
    found = cache.get_many([GENERATION_KEY, key, path_key])
    generation = _generation_or_new(found.get(GENERATION_KEY))
    _local.generation_seen(generation)
    version = (generation, found.get(path_key) or "")
    entry = found.get(key)
    if entry is None or len(entry) != ENTRY_LENGTH or (entry[0], entry[1]) != version:
        return version, None
    if settings.PAGE_CACHE_LOCAL_SECONDS:
        _local.put(key, entry)
    return version, entry


def _hit_headers(stored_at: float) -> list[tuple[str, str]]:
    age = max(0, int(time.time() - stored_at))
    return [("Age", str(age)), (STATUS_HEADER, "HIT")]


def _hit_response(entry: Entry) -> HttpResponse:
    _generation, _token, stored_at, _expires, status, headers, content = entry
    response = HttpResponse(content, status=status, headers=headers)
    for name, value in _hit_headers(stored_at):
        response[name] = value
    return response


def _store(
    key: str, version: Version, request: HttpRequest, response: HttpResponseBase
) -> bool:
    """Store ``response`` if every visitor may see it; True if stored."""
    if not _shareable(request, response):
        return False
    timeout = settings.PAGE_CACHE_SECONDS
    if request.META.get("QUERY_STRING"):
        timeout = min(timeout, settings.PAGE_CACHE_QUERY_SECONDS)
        if not _query_budget_allows():
            return False
    patch_cache_control(
        response,
        public=True,
        max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, timeout),
        s_maxage=timeout,
    )
    patch_vary_headers(response, ("Cookie",))
    now = time.time()
    generation, token = version
    entry: Entry = (
        generation,
        token,
        now,
        now + timeout,
        response.status_code,
        list(response.headers.items()),
        response.content,
    )
    cache.set(key, entry, timeout=timeout)
    return True


def _shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or "Set-Cookie" in response:
        return False
    # get_token() marks the request: the page holds this visitor's token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = response.get("Cache-Control", "").lower()
    if any(word in directives for word in UNCACHEABLE_DIRECTIVES):
        return False
    vary = {h.strip().lower() for h in response.get("Vary", "").split(",")}
    if vary - {"", "cookie"}:
        return False
    return len(response.content) <= MAX_BODY_BYTES


def _query_budget_allows() -> bool:
    window = settings.PAGE_CACHE_QUERY_SECONDS
    used = window_count(QUERY_BUDGET_SCOPE, window=window)
    return used <= settings.PAGE_CACHE_QUERY_BUDGET


def _mark_private(response: HttpResponseBase) -> None:
    """A member's page stays in their browser only, and is checked first;
    a stricter header (no-store) is left as it is."""
    directives = response.get("Cache-Control", "").lower()
    if "private" in directives or "no-store" in directives:
        return
    patch_cache_control(response, private=True, no_cache=True)
