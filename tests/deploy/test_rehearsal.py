"""The deployment of docs/deploy.md, rehearsed on this machine with real
processes (deploy/rehearsal.py): two gunicorn app servers, A and B, behind
nginx with its page cache; PostgreSQL; Redis; S3-compatible object storage
(moto's server); an SMTP server; two task workers. Each test proves one
promise of the deployment, through the same doors a visitor, a member and
an adviser use.

It runs once in CI, in the PostgreSQL pass: it makes a database of its own
(``rehearsal_leerkring``, dropped at the end) on the server DATABASE_URL
names there, and the SQLite pass skips it. To run it alone:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/pytest tests/deploy/test_rehearsal.py

Without nginx (with the cache-purge module), redis-server or a PostgreSQL
that answers, it is skipped; CI sets LEERKRING_REQUIRE_NGINX and
LEERKRING_REQUIRE_POSTGRES, so there it fails instead.
"""

import json
import os
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy import local, rehearsal
from deploy.rehearsal import Browser, visitor_address
from tests.system_tools import require


@pytest.fixture(scope="module")
def cluster():
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        pytest.skip(
            "the rehearsal runs in the PostgreSQL pass (DATABASE_URL=postgres://...)"
        )
    require(
        Path(local.NGINX).exists()
        and local.PURGE_MODULE.exists()
        and Path(local.REDIS_SERVER).exists(),
        what="nginx with the cache-purge module, and redis-server",
        install="apt-get install nginx libnginx-mod-http-cache-purge redis-server",
        ci_variable="LEERKRING_REQUIRE_NGINX",
    )
    require(
        local.postgres_answers(server),
        what=f"PostgreSQL answering at {urlsplit(server).hostname}",
        install="a running PostgreSQL server",
        ci_variable="LEERKRING_REQUIRE_POSTGRES",
    )
    with rehearsal.running(postgres=server) as running:
        yield running


def _until(check, *, timeout: float, what: str):
    """The first true answer of ``check()`` within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if answer := check():
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.2)


def _adviser(cluster, server: str) -> Browser:
    return Browser(
        cluster.url(server), cookies={"sessionid": cluster.scenario["adviser_session"]}
    )


def test_a_member_logged_in_on_a_is_logged_in_on_b(cluster):
    member = cluster.scenario["member"]
    on_a = Browser(cluster.url("a"))
    assert on_a.get("/accounts/login/").status_code == 200

    login = on_a.post(
        "/accounts/login/",
        {"login": member["email"], "password": rehearsal.PASSWORD},
    )

    assert login.status_code == 302, login.text[:2000]
    on_b = on_a.on(cluster.url("b"))
    overview = on_b.get("/mijn-account/")
    assert overview.status_code == 200
    assert member["email"] in overview.text
    # ... and without the session B does not know them.
    assert Browser(cluster.url("b")).get("/mijn-account/").status_code == 302


def test_a_document_uploaded_through_a_is_served_through_b(cluster):
    content = b"Draaiboek oefening " + os.urandom(8).hex().encode()
    upload = _adviser(cluster, "a").post(
        "/admin/documents/add/",
        {"title": "Draaiboek oefening", "collection": cluster.scenario["collection"]},
        files={"file": ("draaiboek-oefening.txt", content, "text/plain")},
    )
    assert upload.status_code == 302, upload.text[:2000]
    [(pk, name)] = cluster.query(
        "SELECT id, file FROM wagtaildocs_document WHERE title = %s",
        "Draaiboek oefening",
    )

    served = Browser(cluster.url("b")).get(f"/documents/{pk}/{Path(name).name}")

    assert served.status_code == 200
    assert served.content == content
    # From the object storage both servers share, not from A's disk.
    assert name in cluster.s3_keys()
    assert not any((cluster.folder / "media").rglob("*.txt"))


def test_an_adviser_publishing_on_a_purges_nginx_for_the_next_visitor(cluster):
    news = cluster.scenario["news"]
    visitor = Browser(cluster.url("nginx"), address=visitor_address(1))
    assert news["old"] in visitor.get(news["path"]).text
    kept = visitor.get(news["path"])
    assert kept.headers["X-Cache-Status"] == "HIT"

    published = _adviser(cluster, "a").post(
        f"/admin/bulk/wagtailcore/page/publish/?id={news['id']}&next=/admin/"
    )
    assert published.status_code == 302, published.text[:2000]

    # The worker sends the PURGE; nginx kept its copy for s-maxage (600 s)
    # otherwise, so a new version now can only come from the purge.
    fresh = _until(
        lambda: (page := visitor.get(news["path"])).text.count(news["new"]) and page,
        timeout=20,
        what="the new version through nginx",
    )
    assert fresh.headers["X-Cache-Status"] == "MISS"
    assert news["new"] in Browser(cluster.url("b")).get(news["path"]).text


def test_a_mail_queued_on_a_is_sent_by_a_worker_exactly_once(cluster):
    address = f"gast-{os.urandom(4).hex()}@rehearsal.example"
    registration = Browser(cluster.url("a")).post(
        cluster.scenario["guest_event"]["path"] + "inschrijven/",
        {
            "name": "Gast Oefening",
            "organisation": "Politie Oefenstad",
            "job_title": "Wijkagent",
            "email": address,
        },
    )
    assert registration.status_code == 302

    _until(lambda: cluster.sink.to(address), timeout=20, what="the mail")
    cluster.wait_for_tasks()

    [mail] = cluster.sink.to(address)
    assert mail["Subject"].startswith("[Leerkring]")
    assert cluster.url("nginx") in _text(mail)
    assert cluster.query("SELECT count(*) FROM core_outgoingmail") == [(0,)]


def _text(mail) -> str:
    part = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode(part.get_content_charset())


def test_200_simultaneous_registrations_through_nginx_fill_50_seats(cluster):
    rush = rehearsal.registration_rush(cluster)

    assert Counter(rush.statuses) == {302: rehearsal.RUSH}
    assert rush.counts == {"confirmed": rehearsal.SEATS, "waiting": 150}
    assert rush.per_server["a"] > 0
    assert rush.per_server["b"] > 0
    assert sum(rush.per_server.values()) == rehearsal.RUSH
    # Each member hears once, from whichever worker took the mail.
    cluster.wait_for_tasks(timeout=60)
    received = Counter(cluster.sink.recipients())
    assert {received[m["email"]] for m in cluster.scenario["rush"]} == {1}


def test_nginx_sends_the_traffic_to_b_while_a_is_down_and_to_a_again(cluster):
    result = rehearsal.failover(cluster)

    assert 0 < result.killed_at < len(result.statuses)
    assert result.failed == 0, Counter(result.statuses)
    # failover() returned: A answered through nginx again after its restart.
    assert local.http_get(f"{cluster.url('a')}/health/ready")[0] == 200


def _ready(cluster, server: str) -> tuple[int, dict]:
    status, _headers, body = local.http_get(f"{cluster.url(server)}/health/ready")
    return status, json.loads(body)["checks"]


def test_each_server_is_ready_and_503_without_its_redis(cluster):
    for server in rehearsal.SERVERS:
        assert _ready(cluster, server) == (200, {"database": True, "cache": True})

    cluster.redis_stop()
    try:
        for server in rehearsal.SERVERS:
            assert _ready(cluster, server) == (503, {"database": True, "cache": False})
    finally:
        cluster.redis_start()

    for server in rehearsal.SERVERS:
        _until(
            lambda server=server: _ready(cluster, server)[0] == 200,
            timeout=10,
            what=f"{server} ready again",
        )
