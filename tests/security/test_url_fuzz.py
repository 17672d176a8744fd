"""Every address of the site, every parameter and every form field, sent the
hostile values that found the server errors of #12: no answer is a 5xx.

Nothing here is a list someone has to keep up to date:

- the addresses are every URL pattern of the resolver (Wagtail's own admin
  excepted: advisers only, behind its gate, tested by Wagtail) and every page
  of the World, one of each page type, with its RoutablePageMixin sub-routes;
  links and forms on the pages lead to the addresses of real objects;
- path arguments are filled with hostile values too (ids past 2^63, thirty
  digits, non-ASCII digits, NUL, 10,000 characters);
- the GET parameters of an address are the fields of the GET forms on it,
  plus every parameter the code reads (``request.GET.get("…")`` and
  ``params.get("…")``, found in the source); the POST fields are those of the
  forms on the page, each sent to its form's action.

Each request runs as anonymous, a member, and an adviser whose session passed
the second factor, inside a savepoint that is rolled back, so every request
finds the same World. A summary line says how many were sent; floors keep the
run from shrinking unnoticed.
"""

import logging
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from tests.access_fixtures import World
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

HUGE_ID = str(2**63)
LONG_ID = "9" * 30
#: The values that found the bugs: NUL, out-of-range dates and years, ids no
#: database integer holds, digits ``int()`` refuses or reads unexpectedly,
#: and very long text.
VALUES = [
    "a\x00b",
    "9999-12",
    "0000",
    HUGE_ID,
    LONG_ID,
    "²",
    "١٢",
    "x" * 10_000,
]
#: Path arguments: the same kinds, as far as a path can hold them.
INT_ARGUMENTS = [HUGE_ID, LONG_ID]
TEXT_ARGUMENTS = ["%00", "x" * 10_000, "²"]
ROLES = ("anonymous", "member", "adviser")
#: Hostile paths: a visitor and the adviser, who passes every gate.
PATH_ROLES = ("anonymous", "adviser")
APPS = ("portal", "knowledge", "events", "casebook", "community", "experts")
READS = re.compile(r"""(?:GET|params)\.(?:get|getlist)\(\s*["']([\w-]+)["']""")
SKIPPED_PREFIXES = ("/static/", "/media/")


def _read_parameters() -> set[str]:
    """Every query parameter a view or selector reads by name."""
    root = Path(settings.BASE_DIR)
    names = set()
    for app in APPS:
        for path in (root / app).rglob("*.py"):
            names |= set(READS.findall(path.read_text(encoding="utf-8")))
    return names


# --- the addresses ------------------------------------------------------------


def _patterns(resolver=None, prefix="") -> Iterator[tuple[str, URLPattern]]:
    """(route, pattern) of every URL pattern, named or not."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern


def _wagtail_admin(route: str, pattern: URLPattern) -> bool:
    module = getattr(pattern.callback, "__module__", "")
    return route.startswith("admin/") and module.startswith("wagtail.")


NAMED_GROUP = re.compile(r"\(\?P<\w+>(?:[^()]|\([^()]*\))*\)")


def _fill(route: str, converters: dict, value_for) -> str | None:
    """The route with each ``<converter:name>`` or named group replaced; None
    for a regular expression with more in it (Wagtail's page serving: its
    pages are covered one by one)."""
    if "(?P" in route or "^" in route:
        route = NAMED_GROUP.sub(lambda m: value_for("regex"), route)
        route = route.replace("^", "").replace("$", "")
        if re.search(r"[\\()\[\]*+?|]", route):
            return None
    return "/" + re.sub(
        r"<(?:(\w+):)?(\w+)>",
        lambda m: value_for(type(converters[m.group(2)]).__name__),
        route,
    )


def _hostile_paths(route: str, pattern: URLPattern) -> list[str]:
    converters = getattr(pattern.pattern, "converters", {})
    if not converters and "(?P" not in route:
        return []
    paths = []
    for index in range(max(len(INT_ARGUMENTS), len(TEXT_ARGUMENTS))):

        def value_for(kind: str, index=index) -> str:
            values = INT_ARGUMENTS if kind == "IntConverter" else TEXT_ARGUMENTS
            return values[index % len(values)]

        if (path := _fill(route, converters, value_for)) is not None:
            paths.append(path)
    return paths


def _page_addresses(world: World) -> tuple[list[str], list[str], set[str]]:
    """One live page of each type (real addresses), its routable sub-routes
    filled with hostile values, and the types covered."""
    real, hostile, types = [], [], set()
    for page in Page.objects.live().specific().exclude(depth=1):
        kind = type(page).__name__
        if kind in types:
            continue
        types.add(kind)
        real.append(page.url)
        hostile += [page.url + "%00/", page.url + "x" * 10_000 + "/"]
        if isinstance(page, RoutablePageMixin):
            for sub in page.get_subpage_urls():
                for value in INT_ARGUMENTS + TEXT_ARGUMENTS:
                    route = re.sub(r"<(?:\w+:)?\w+>", value, str(sub.pattern))
                    hostile.append(page.url + route)
                    real.append(page.url + re.sub(r"<[^>]+>", "1", str(sub.pattern)))
    return real, hostile, types


# --- forms and links on a page ----------------------------------------------


class _Page(HTMLParser):
    """The local links of a page and its forms: (method, action, fields)."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.links: set[str] = set()
        self.forms: list[tuple[str, str, set[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(urljoin(self.url, attrs["href"]))
        elif tag == "form":
            action = urljoin(self.url, attrs.get("action") or self.url)
            method = (attrs.get("method") or "get").upper()
            self.forms.append((method, action, set()))
        elif tag in ("input", "select", "textarea", "button") and self.forms:
            if attrs.get("name") and attrs["name"] != "csrfmiddlewaretoken":
                self.forms[-1][2].add(attrs["name"])


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path


def _site_address(path: str) -> bool:
    """Not Wagtail's own admin: the fuzz covers the site's addresses."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    module = getattr(match.func, "__module__", "")
    return not (path.startswith("/admin/") and module.startswith("wagtail."))


def _shape(path: str) -> str:
    """One address per shape: ids and tokens vary, the view does not."""
    return re.sub(r"\d+", "#", path)


class Fuzz:
    """The clients of the three roles and what was sent and what failed."""

    def __init__(self, world: World):
        self.clients = {role: Client() for role in ROLES}
        self.clients["member"].force_login(world.member)
        login_with_second_factor(self.clients["adviser"], world.accounts["adviser"])
        self.sessions = {
            role: dict(client.cookies.items()) for role, client in self.clients.items()
        }
        self.sent = {"GET": 0, "POST": 0, "path": 0}
        self.addresses: set[str] = set()
        self.failures: list[str] = []

    def ask(self, role: str, method: str, path: str, data=None, kind=None):
        """One request, undone afterwards; a 5xx or an exception is noted."""
        client = self.clients[role]
        client.cookies.clear()
        for name, morsel in self.sessions[role].items():
            client.cookies[name] = morsel.value
        self.sent[kind or method] += 1
        with transaction.atomic():
            cache.clear()  # rate limits and the page cache start afresh
            try:
                if method == "GET":
                    response = client.get(path, data)
                else:
                    body = urlencode(data or {}, doseq=True)
                    response = client.post(
                        path, body, content_type="application/x-www-form-urlencoded"
                    )
            except Exception as exc:  # noqa: BLE001 - reported below, all at once
                self.failures.append(f"{role} {method} {path[:120]} {exc!r:.300}")
                response = None
            transaction.set_rollback(True)
        if response is not None and response.status_code >= 500:
            self.failures.append(f"{role} {method} {path[:120]} {data!r:.200}")
        return response


def _crawl(fuzz: Fuzz, role: str, start: list[str]) -> dict[str, _Page]:
    """The pages ``role`` reaches from ``start`` by links, one per shape."""
    seen: dict[str, _Page] = {}
    shapes: set[str] = set()
    queue = list(start)
    while queue:
        path = queue.pop(0)
        if _shape(path) in shapes or not _site_address(path):
            continue
        shapes.add(_shape(path))
        response = fuzz.ask(role, "GET", path)
        if response is None or "html" not in response.get("Content-Type", ""):
            continue
        page = _Page(path)
        page.feed(response.content.decode("utf-8", "replace"))
        seen[path] = page
        queue += [p for link in page.links if (p := _local(link))]
    return seen


def _fuzz_page(
    fuzz: Fuzz, role: str, path: str, page: _Page, read: set[str], done: set[str]
):
    fuzz.addresses.add(path)
    get_names = set(read)
    for method, action, fields in page.forms:
        if method == "GET" and _local(action) == path:
            get_names |= fields
    for value in VALUES:
        fuzz.ask(role, "GET", path, dict.fromkeys(sorted(get_names), value))
    for method, action, fields in page.forms:
        target = _local(action)
        if method != "POST" or not target or not _site_address(target):
            continue
        if "POST " + _shape(target) in done:
            continue
        done.add("POST " + _shape(target))
        fuzz.addresses.add(target)
        for value in VALUES:
            fuzz.ask(role, "POST", target, dict.fromkeys(sorted(fields), value))


def _world(home_page) -> World:
    """The World with every object made, so its pages and links exist."""
    world = World(home_page)
    for name in dir(World):
        if isinstance(getattr(World, name), property) or name.startswith("_"):
            continue
        if not callable(getattr(World, name)):
            getattr(world, name)  # a cached_property: make the object
    return world


@pytest.fixture
def _quiet():
    """Thousands of refusals are logged as warnings; errors still show."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def test_no_input_gets_a_server_error(home_page, settings, _quiet):
    settings.ZEAL_RAISE = False  # query patterns have tests of their own
    started = time.monotonic()
    world = _world(home_page)
    fuzz = Fuzz(world)
    read = _read_parameters()
    real_pages, hostile_pages, page_types = _page_addresses(world)
    patterns = [(r, p) for r, p in _patterns() if not _wagtail_admin(r, p)]
    start = [
        path
        for route, _pattern in patterns
        if "<" not in route and (path := _fill(route, {}, str))
    ] + real_pages

    # Each page once, as the first role that sees it: the parameters are read
    # alike for everyone who gets that far.
    fuzzed: set[str] = set()
    for role in ROLES:
        for path, page in _crawl(fuzz, role, start).items():
            if _shape(path) not in fuzzed:
                fuzzed.add(_shape(path))
                _fuzz_page(fuzz, role, path, page, read, fuzzed)
    for role in PATH_ROLES:
        for route, pattern in patterns:
            for path in _hostile_paths(route, pattern):
                fuzz.addresses.add(route)
                fuzz.ask(role, "GET", path, kind="path")
                if role == "adviser":
                    fuzz.ask(role, "POST", path, {"x": "1"}, kind="path")
        for path in hostile_pages:
            fuzz.ask(role, "GET", path, kind="path")

    total = sum(fuzz.sent.values())
    print(
        f"\nURL fuzz: {len(fuzz.addresses)} addresses x {len(VALUES)} values, "
        f"{total} requests (GET {fuzz.sent['GET']}, POST {fuzz.sent['POST']}, "
        f"hostile paths {fuzz.sent['path']}) as {', '.join(ROLES)}; "
        f"{len(read)} parameters read in the code; {len(page_types)} page types; "
        f"{time.monotonic() - started:.0f} s"
    )
    assert fuzz.failures == [], "\n".join(fuzz.failures[:50])
    page_models = {m.__name__ for m in get_page_models() if m is not Page}
    assert page_models <= page_types, page_models - page_types
    # Measured: 132 addresses, 1,529 requests. Room for a form that moves, no
    # room for a crawl that silently stops halfway.
    assert len(fuzz.addresses) >= 120
    assert total >= 1400
