"""The nginx page cache of deploy/nginx/: what it keeps, whom it serves from
the cache, and that Wagtail's purge reaches the key it keeps a page under.

nginx runs with the production snippets (deploy/nginx/local.conf.template,
filled in by deploy/local.py) in front of a small HTTP server that
answers like Django would. tests/deploy/test_rehearsal.py puts the real app
servers behind it.
"""

import itertools
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from wagtail.contrib.frontend_cache.backends import HTTPBackend

from deploy.local import NGINX, PURGE_MODULE, free_port, nginx_command, nginx_conf
from tests.system_tools import require


@pytest.fixture(autouse=True, scope="module")
def _nginx_installed():
    require(
        Path(NGINX).exists() and PURGE_MODULE.exists(),
        what="nginx with the cache-purge module",
        install="apt-get install nginx libnginx-mod-http-cache-purge",
        ci_variable="LEERKRING_REQUIRE_NGINX",
    )


PUBLIC = "public, max-age=60, s-maxage=600"
# path -> headers the stand-in for Django answers with
ANSWERS = {
    "/public/": {"Cache-Control": PUBLIC, "Vary": "Cookie"},
    "/with-cookie/": {"Cache-Control": PUBLIC, "Set-Cookie": "csrftoken=abc; Path=/"},
    "/member/": {"Cache-Control": "private, no-cache"},
    "/no-header/": {},
}


class _Django(BaseHTTPRequestHandler):
    """Answers every request with a new number, so a cached copy shows."""

    protocol_version = "HTTP/1.1"
    counter = itertools.count(1)

    def do_GET(self) -> None:  # noqa: N802 - the HTTP method's name
        body = str(next(self.counter)).encode()
        self.send_response(200)
        for name, value in ANSWERS.get(urlsplit(self.path).path, {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """(address of nginx, address of its purge listener)."""
    prefix = tmp_path_factory.mktemp("nginx")
    prefix.chmod(0o755)
    app = ThreadingHTTPServer(("127.0.0.1", 0), _Django)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    port, purge_port = free_port(), free_port()
    conf = nginx_conf(
        prefix,
        app_ports=[app.server_port],
        port=port,
        purge_port=purge_port,
        static_root=prefix / "www",
    )
    process = subprocess.Popen(  # noqa: S603
        nginx_command(prefix, conf),
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        _wait_for(port, process)
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{purge_port}"
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=10)
        app.shutdown()
        app.server_close()


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {process.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not start")


def _get(url: str, cookie: str = "") -> tuple[str, str]:
    """(X-Cache-Status, body)."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.headers.get("X-Cache-Status", ""), response.read().decode()


def test_a_public_page_is_kept(nginx):
    site, _purge = nginx
    status, first = _get(site + "/public/?kept")
    assert status == "MISS"
    assert _get(site + "/public/?kept") == ("HIT", first)


@pytest.mark.parametrize(
    "cookie", ["sessionid=abc", "messages=abc", "django_language=en"]
)
def test_members_messages_and_english_go_to_django(nginx, cookie):
    site, _purge = nginx
    url = site + "/public/?" + cookie
    _get(url)
    status, first = _get(url, cookie)
    assert status == "BYPASS"
    # ... and what Django answered them was not stored for others.
    assert _get(url, cookie)[1] != first


@pytest.mark.parametrize("cookie", ["django_language=nl", "csrftoken=abc"])
def test_other_cookies_get_the_same_copy(nginx, cookie):
    """Dutch chosen explicitly, or a cookie that does not change the page:
    one copy for all, the one Wagtail purges (Vary: Cookie is not used)."""
    site, _purge = nginx
    url = site + "/public/?" + cookie
    _status, first = _get(url)
    assert _get(url, cookie) == ("HIT", first)


@pytest.mark.parametrize("path", ["/with-cookie/", "/member/", "/no-header/"])
def test_what_django_does_not_mark_public_is_never_kept(nginx, path):
    site, _purge = nginx
    _status, first = _get(site + path)
    status, second = _get(site + path)
    assert status != "HIT"
    assert second != first


def test_wagtails_purge_removes_the_page(nginx):
    site, purge = nginx
    _get(site + "/public/?purged")
    assert _get(site + "/public/?purged")[0] == "HIT"

    # As wagtail.contrib.frontend_cache sends it: the page's URL on the
    # site's host, to the purge listener.
    HTTPBackend({"LOCATION": purge}).purge(site + "/public/?purged")

    assert _get(site + "/public/?purged")[0] == "MISS"


def test_purge_on_the_public_port_does_nothing(nginx):
    site, _purge = nginx
    _get(site + "/public/?public-port")
    HTTPBackend({"LOCATION": site}).purge(site + "/public/?public-port")
    assert _get(site + "/public/?public-port")[0] == "HIT"
