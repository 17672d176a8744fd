"""The deployment of docs/deploy.md rehearsed on one machine, as real processes.

tests/deploy/test_rehearsal.py is its executable description, and
bench/rehearsal.py prints its figures. The parts are started by
deploy/local.py; what the database holds is made by
deploy/rehearsal_scenario.py. The site itself never imports this module.

``running(postgres=...)`` starts, in a temporary folder, and stops again
whatever happens:

- a PostgreSQL database of its own (``rehearsal_leerkring``, made on the
  given server and dropped at the end);
- a Redis of its own (redis-server on a free port, saving nothing): the
  cache of both app servers, as production shares one; it can be stopped to
  watch them report it;
- an S3-compatible server (moto's server mode): the object storage of both;
- an SMTP sink in this process (aiosmtpd), the mail server;
- two gunicorn app servers, A and B (deploy/gunicorn.conf.py,
  portal.settings.production), each with its own environment;
- nginx with the page cache of deploy/nginx/, balancing between them;
- two task workers (``manage.py db_worker``), one beside each app server.

Visitors' addresses: the rehearsal plays a load balancer in front of nginx,
as in the diagram of docs/deploy.md. Each simulated visitor sends its own
address in X-Forwarded-For, nginx appends its client's, and the app servers
believe the entry two from the end (``DJANGO_TRUSTED_PROXY_COUNT=2``, as
the docs say for a balancer that appends). So the rate limits (login,
guest registrations, password forms) count per visitor, as in production,
and stay on: nothing is switched off for the rehearsal. Members'
registrations, what the rush does, have no rate limit of their own.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

from deploy.local import (
    ROOT,
    MailSink,
    Processes,
    SetupError,
    database_create,
    database_drop,
    free_port,
    gunicorn_start,
    manage_command,
    nginx_command,
    nginx_conf,
    production_env,
    redis_start,
    wait_for_port,
    wait_until_up,
)

DATABASE = "rehearsal_leerkring"
BUCKET = "leerkring-media"
SERVERS = ("a", "b")
SEATS, RUSH = 50, 200
# The member who logs in with the form (deploy/rehearsal_scenario.py).
PASSWORD = "een-goed-wachtwoord-42"  # noqa: S105 - a made-up member's


@dataclass
class Cluster:
    """The running deployment: addresses, and what the scenario made."""

    folder: Path
    processes: Processes
    server: str
    database_url: str
    envs: dict[str, dict[str, str]]
    ports: dict[str, int]
    sink: MailSink
    redis_port: int = 0
    s3_endpoint: str = ""
    scenario: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def url(self, name: str) -> str:
        """``a``, ``b`` (an app server itself) or ``nginx``."""
        return f"http://127.0.0.1:{self.ports[name]}"

    def log(self, name: str) -> str:
        return self.processes.logs[name].read_text(errors="replace")

    def query(self, sql: str, *params) -> list[tuple]:
        import psycopg

        with psycopg.connect(self.database_url, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    def server_start(self, name: str) -> None:
        """(Again) start app server ``name`` and wait until it answers."""
        gunicorn_start(
            self.processes,
            name,
            self.envs[name],
            port=self.ports[name],
            log=self.folder / f"{name}.log",
        )
        wait_until_up(f"{self.url(name)}/health/live", self.processes)

    def redis_stop(self) -> None:
        self.processes.kill("redis", signal.SIGKILL)

    def redis_start(self) -> None:
        redis_start(self.processes, self.folder, port=self.redis_port)

    def s3_keys(self) -> set[str]:
        listing = _s3_client(self.s3_endpoint).list_objects_v2(Bucket=BUCKET)
        return {item["Key"] for item in listing.get("Contents", [])}

    def tasks_pending(self) -> int:
        rows = self.query(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE status IN ('READY', 'RUNNING')"
        )
        return rows[0][0]

    def wait_for_tasks(self, timeout: float = 30) -> None:
        """Until the workers have run every queued task."""
        deadline = time.monotonic() + timeout
        while self.tasks_pending():
            if time.monotonic() > deadline:
                raise AssertionError(f"tasks still queued after {timeout:.0f} s")
            time.sleep(0.2)


@contextlib.contextmanager
def running(*, postgres: str, web_workers: int = 2) -> Iterator[Cluster]:
    """The whole deployment, started; stopped, its database dropped and its
    folder removed at the end, whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="leerkring-rehearsal-"))
    folder.chmod(0o755)
    processes = Processes()
    sink = MailSink()
    try:
        cluster = _start(folder, processes, sink, postgres, web_workers)
        yield cluster
    finally:
        # Nothing to keep: a quick end is all that counts.
        processes.stop_all(grace=1)
        sink.stop()
        with contextlib.suppress(Exception):
            database_drop(postgres, DATABASE)
        shutil.rmtree(folder, ignore_errors=True)


def _start(
    folder: Path, processes: Processes, sink: MailSink, server: str, workers: int
) -> Cluster:
    began = time.monotonic()
    ports = {name: free_port() for name in (*SERVERS, "nginx", "purge", "s3")}
    cluster = Cluster(
        folder=folder,
        processes=processes,
        server=server,
        database_url=database_create(server, DATABASE),
        envs={},
        ports=ports,
        sink=sink,
    )
    sink.start()
    redis_url = redis_start(processes, folder)
    cluster.redis_port = urlsplit(redis_url).port
    cluster.s3_endpoint = _s3_start(processes, folder, ports["s3"])
    env = _rehearsal_env(cluster, redis_url, workers)
    # Two environments, as two machines would have: the same settings, each
    # its own copy (its own bind address is added by gunicorn_start).
    cluster.envs = {name: dict(env) for name in SERVERS}
    _prepare(cluster, env)
    for name in SERVERS:
        wait_until_up(f"{cluster.url(name)}/health/live", processes)
    _nginx_start(cluster)
    cluster.timings["start"] = time.monotonic() - began
    return cluster


def _rehearsal_env(cluster: Cluster, redis_url: str, workers: int) -> dict:
    nginx = cluster.url("nginx")
    env = production_env(cluster.folder, cluster.database_url)
    env.update(
        WEB_CONCURRENCY=str(workers),
        REDIS_URL=redis_url,
        WAGTAILADMIN_BASE_URL=nginx,
        FRONTEND_CACHE_PURGE_URLS=cluster.url("purge"),
        # A load balancer in front of nginx (see the module's docstring).
        DJANGO_TRUSTED_PROXY_COUNT="2",
        LEERKRING_TASKS_BACKEND="database",
        LEERKRING_S3_BUCKET=BUCKET,
        AWS_S3_ENDPOINT_URL=cluster.s3_endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="rehearsal",
        AWS_SECRET_ACCESS_KEY="rehearsal",  # noqa: S106 - moto takes any
        EMAIL_URL=f"smtp://127.0.0.1:{cluster.sink.port}",
        DEFAULT_FROM_EMAIL="Leerkring <noreply@rehearsal.example>",
        # gunicorn's access log on stdout, as in production: it shows which
        # app server answered.
        GUNICORN_ACCESS_LOG="-",
    )
    return env


def _s3_start(processes: Processes, folder: Path, port: int) -> str:
    args = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    processes.start("s3", args, {**os.environ}, folder / "s3.log")
    wait_for_port(port, processes)
    endpoint = f"http://127.0.0.1:{port}"
    _s3_client(endpoint).create_bucket(Bucket=BUCKET)
    return endpoint


def _s3_client(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="rehearsal",
        aws_secret_access_key="rehearsal",  # noqa: S106 - moto takes any
    )


def _prepare(cluster: Cluster, env: dict) -> None:
    """migrate (and the scenario after it, in the same process) beside
    collectstatic; the app servers start as soon as the static files are
    there (they read the manifest), the workers once the tables are."""
    processes, folder = cluster.processes, cluster.folder
    began = time.monotonic()
    scenario = (
        "from django.core.management import call_command as c; "
        "c('migrate', interactive=False, verbosity=0); "
        "from deploy.rehearsal_scenario import scenario_build as b; "
        f"b(nginx_port={cluster.ports['nginx']}, members={RUSH}, seats={SEATS})"
    )
    command = manage_command("shell", "-v0", "-c", scenario)
    processes.start("migrate", command, env, folder / "migrate.log")
    collect = subprocess.run(  # noqa: S603
        manage_command("collectstatic", "--noinput", "-v0"),
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if collect.returncode:
        raise SetupError(f"collectstatic failed:\n{collect.stderr[-3000:]}")
    cluster.timings["collectstatic"] = time.monotonic() - began
    for name in SERVERS:
        log = folder / f"{name}.log"
        gunicorn_start(
            processes, name, cluster.envs[name], port=cluster.ports[name], log=log
        )
    failed = processes.started.pop("migrate").wait()
    output = (folder / "migrate.log").read_text()
    if failed:
        raise SetupError(f"migrate or the scenario failed:\n{output[-3000:]}")
    cluster.timings["migrate and scenario"] = time.monotonic() - began
    # The scenario's one line of JSON, whatever warnings came before.
    [line] = [line for line in output.splitlines() if line.startswith("{")]
    cluster.scenario = json.loads(line)
    for name in SERVERS:
        processes.start(
            f"worker-{name}",
            manage_command("db_worker", "--queue-name=*"),
            cluster.envs[name],
            folder / f"worker-{name}.log",
        )


def _nginx_start(cluster: Cluster) -> None:
    prefix = cluster.folder / "nginx"
    conf = nginx_conf(
        prefix,
        app_ports=[cluster.ports[name] for name in SERVERS],
        port=cluster.ports["nginx"],
        purge_port=cluster.ports["purge"],
        static_root=cluster.folder / "static",
    )
    cluster.processes.start(
        "nginx", nginx_command(prefix, conf), {}, cluster.folder / "nginx.log"
    )
    wait_for_port(cluster.ports["nginx"], cluster.processes)


class Browser:
    """One visitor: its cookies and, through nginx, its own address as the
    load balancer in front reports it.

    Cookies are sent over plain http whatever their Secure flag: the app
    servers mark them secure for the https that ends before nginx in
    production. The CSRF cookie is one the browser already holds, as after
    any earlier page of the site; a login replaces it, as Django does.
    """

    def __init__(
        self, base: str, *, address: str = "", cookies: dict | None = None
    ) -> None:
        self.base = base
        self.address = address
        self.cookies = cookies if cookies is not None else {}
        self.cookies.setdefault("csrftoken", secrets.token_hex(16))

    def on(self, base: str, *, address: str = "") -> Browser:
        """The same visitor (the same cookies) at another address."""
        return Browser(base, address=address, cookies=self.cookies)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self._send("GET", path, **kwargs)

    def post(self, path: str, data: dict | None = None, **kwargs) -> requests.Response:
        data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **(data or {})}
        return self._send("POST", path, data=data, **kwargs)

    def _send(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"X-Forwarded-For": self.address} if self.address else {}
        response = requests.request(
            method,
            self.base + path,
            headers=headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response


def visitor_address(number: int) -> str:
    """A different internet address for each simulated visitor."""
    return f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"


@dataclass
class Rush:
    statuses: list[int]
    seconds: float
    counts: dict[str, int]
    per_server: dict[str, int]


def registration_rush(cluster: Cluster) -> Rush:
    """Every member of the scenario registers for the event at the same
    moment, each from its own address, through nginx."""
    event = cluster.scenario["event"]
    path = event["path"] + "inschrijven/"
    browsers = [
        Browser(
            cluster.url("nginx"),
            address=visitor_address(number + 1000),
            cookies={"sessionid": member["session"]},
        )
        for number, member in enumerate(cluster.scenario["rush"])
    ]
    before = {name: cluster.log(name).count(f"POST {path}") for name in SERVERS}
    start = threading.Barrier(len(browsers) + 1)

    def register(browser: Browser) -> int:
        start.wait()
        try:
            return browser.post(path).status_code
        except OSError:
            return 0

    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        results = [pool.submit(register, browser) for browser in browsers]
        start.wait()
        began = time.monotonic()
        statuses = [result.result() for result in results]
        seconds = time.monotonic() - began
    counts = dict(
        cluster.query(
            "SELECT status, count(*) FROM events_registration "
            "WHERE event_id = %s GROUP BY status",
            event["id"],
        )
    )
    per_server = {
        name: cluster.log(name).count(f"POST {path}") - before[name] for name in SERVERS
    }
    return Rush(statuses, seconds, counts, per_server)


@dataclass
class Failover:
    statuses: list[int]
    failed: int
    killed_at: int
    back_after: float = 0.0


def failover(cluster: Cluster, *, clients: int = 6) -> Failover:
    """Members read pages through nginx (never from its cache) while app
    server A is killed: a few pages each before, more after, so that some
    are under way at A when it goes. Then A is started again and asked,
    through nginx, until it answers once more."""
    path = cluster.scenario["news"]["path"]
    members = cluster.scenario["rush"][:clients]
    statuses: list[int] = []
    lock = threading.Lock()
    done = threading.Event()

    def read(number: int) -> None:
        browser = Browser(
            cluster.url("nginx"),
            address=visitor_address(number + 2000),
            cookies={"sessionid": members[number]["session"]},
        )
        while not done.is_set():
            try:
                status = browser.get(path).status_code
            except OSError:
                status = 0
            with lock:
                statuses.append(status)

    def until(count: int) -> None:
        deadline = time.monotonic() + 60
        while len(statuses) < count and time.monotonic() < deadline:
            time.sleep(0.05)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        for number in range(clients):
            pool.submit(read, number)
        until(2 * clients)
        cluster.processes.kill("a")
        killed_at = len(statuses)
        until(killed_at + 4 * clients)
        done.set()
    result = Failover(statuses, sum(s != 200 for s in statuses), killed_at)
    began = time.monotonic()
    cluster.server_start("a")
    _until_server_answers_through_nginx(cluster, "a", path)
    result.back_after = time.monotonic() - began
    return result


def _until_server_answers_through_nginx(
    cluster: Cluster, name: str, path: str, timeout: float = 30
) -> None:
    """nginx tries a server it marked as failed again after fail_timeout."""
    deadline = time.monotonic() + timeout
    browser = Browser(
        cluster.url("nginx"),
        address=visitor_address(3000),
        cookies={"sessionid": cluster.scenario["rush"][0]["session"]},
    )
    number = 0
    while time.monotonic() < deadline:
        number += 1
        marker = f"{path}?back={number}"
        browser.get(marker)
        if f"GET {marker} " in cluster.log(name):
            return
        time.sleep(0.2)
    raise AssertionError(f"{name} did not serve through nginx within {timeout:.0f} s")
