"""Publishing purges the page, and the pages that list it, from the nginx
page cache (wagtail.contrib.frontend_cache, deploy/nginx/leerkring.conf)."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.knowledge.factories import NewsIndexPageFactory, NewsPageFactory


class _Recorder(BaseHTTPRequestHandler):
    """Stands in for nginx: answers every PURGE with 200 and notes it."""

    received: list[tuple[str, str, str]]

    def do_PURGE(self) -> None:  # noqa: N802 - the HTTP method's name
        self.received.append((self.command, self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def _recording_server() -> Iterator[tuple[str, list]]:
    """A local HTTP server; yields (location, the requests it received)."""
    received: list[tuple[str, str, str]] = []
    handler = type("Handler", (_Recorder,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def nginx():
    with _recording_server() as server:
        yield server


def _backends(*locations: str) -> dict:
    return {
        f"nginx{n}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
        for n, location in enumerate(locations, start=1)
    }


def test_publishing_purges_the_page_and_the_pages_that_list_it(
    home_page, settings, nginx
):
    location, received = nginx
    news = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=news, slug="bericht")
    settings.WAGTAILFRONTENDCACHE = _backends(location)

    item.save_revision().publish()

    # The Host is the site's, as nginx keys its cache on $host$request_uri.
    assert sorted(received) == [
        ("PURGE", "localhost", "/"),
        ("PURGE", "localhost", "/nieuws/"),
        ("PURGE", "localhost", "/nieuws/bericht/"),
    ]


def test_unpublishing_purges_too(home_page, settings, nginx):
    location, received = nginx
    news = NewsIndexPageFactory(parent=home_page)
    item = NewsPageFactory(parent=news, slug="bericht")
    settings.WAGTAILFRONTENDCACHE = _backends(location)

    item.unpublish()

    assert ("PURGE", "localhost", "/nieuws/bericht/") in received
    assert ("PURGE", "localhost", "/nieuws/") in received


def test_every_nginx_gets_the_purge(home_page, settings, nginx):
    first, received = nginx
    news = NewsIndexPageFactory(parent=home_page)
    with _recording_server() as (second, second_received):
        settings.WAGTAILFRONTENDCACHE = _backends(first, second)
        news.save_revision().publish()

    assert ("PURGE", "localhost", "/nieuws/") in received
    assert ("PURGE", "localhost", "/nieuws/") in second_received


def test_nothing_is_sent_when_no_cache_is_configured(home_page, settings, monkeypatch):
    sent = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.http.urlopen", sent.append
    )
    settings.WAGTAILFRONTENDCACHE = {}
    news = NewsIndexPageFactory(parent=home_page)

    NewsPageFactory(parent=news).save_revision().publish()

    assert sent == []
