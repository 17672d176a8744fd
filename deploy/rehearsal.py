"""The deployment of docs/deploy.md rehearsed on one machine, as real processes.

tests/deploy/test_rehearsal.py is its executable description, and
bench/rehearsal.py prints its figures; bench/load.py and
tests/deploy/test_nginx.py use the start-up helpers of the first part. The
site itself never imports this module.

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
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "local.conf.template"
SNIPPETS = ROOT / "deploy" / "nginx" / "snippets"
# What deploy/nginx/leerkring.conf gives each app server in its upstream.
UPSTREAM_SERVER = "server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;"


class SetupError(Exception):
    """Something the rehearsal needs did not start."""


# -- Processes -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Processes:
    """The servers a run started, by name; all stopped at the end, whatever
    happens. Each runs in a session of its own, so that stopping one stops
    its children too (gunicorn's workers)."""

    def __init__(self) -> None:
        self.started: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}

    def start(self, name: str, args: list[str], env: dict, log: Path) -> None:
        # Appended to: a server started again keeps its earlier lines.
        with log.open("ab") as out:
            process = subprocess.Popen(  # noqa: S603
                args,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started[name] = process
        self.logs[name] = log

    def kill(self, name: str, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to the process group and wait for it to end."""
        process = self.started[name]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self, grace: float = 10) -> None:
        """SIGINT to each, SIGKILL to what still runs ``grace`` seconds later.

        SIGINT is a quick shutdown for gunicorn, nginx, redis and the task
        worker (SIGTERM would let gunicorn's workers finish for up to 30 s).
        A gunicorn worker still takes seconds to exit after that: the
        interpreter frees the anonymiser's lookup data object by object.
        """
        for process in reversed(self.started.values()):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGINT)
        deadline = time.monotonic() + grace
        for process in self.started.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.started.clear()

    def check_running(self) -> None:
        for name, process in self.started.items():
            if process.poll() is not None:
                log = self.logs[name]
                raise SetupError(
                    f"{name} stopped; see {log}:\n{log.read_text()[-2000:]}"
                )


def http_get(url: str, timeout: float = 30) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def wait_until_up(url: str, processes: Processes, timeout: float = 90) -> None:
    """Until ``url`` answers at all; fails early when a server stopped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        processes.check_running()
        with contextlib.suppress(OSError):
            http_get(url, timeout=5)
            return
        time.sleep(0.2)
    raise SetupError(f"{url} did not answer within {timeout:.0f} s")


def wait_for_port(port: int, processes: Processes, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        processes.check_running()
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", port), timeout=1),
        ):
            return
        time.sleep(0.1)
    raise SetupError(f"nothing listens on port {port} after {timeout:.0f} s")


# -- The parts of docs/deploy.md ---------------------------------------------


def production_env(folder: Path, database_url: str) -> dict[str, str]:
    """The environment of an app server (portal.settings.production) on this
    machine: plain http behind nginx, files in ``folder``."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_", "FRONTEND_CACHE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="rehearsal-not-secret-" + "x" * 40,
        DATABASE_URL=database_url,
        DJANGO_CONN_MAX_AGE="60",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_STATIC_ROOT=str(folder / "static"),
        DJANGO_MEDIA_ROOT=str(folder / "media"),
        DJANGO_LOG_LEVEL="WARNING",
        EMAIL_URL="consolemail://",
        GUNICORN_ACCESS_LOG="",
    )
    return env


def manage_command(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(  # noqa: S603
        manage_command(*args), cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SetupError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def database_create(server: str, name: str) -> str:
    """A new, empty database ``name`` on the PostgreSQL of ``server`` (a URL);
    its URL."""
    import psycopg

    with psycopg.connect(_maintenance(server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(urlsplit(server)._replace(path="/" + name))


def database_drop(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_maintenance(server), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _maintenance(server: str) -> str:
    """The server's own database: the one in ``server`` need not exist."""
    return urlunsplit(urlsplit(server)._replace(path="/postgres"))


def postgres_answers(server: str) -> bool:
    try:
        import psycopg

        with psycopg.connect(_maintenance(server), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means: not there
        return False
    return True


def redis_start(
    processes: Processes, folder: Path, *, name: str = "redis", port: int = 0
) -> str:
    """A Redis of this run's own, saving nothing; its URL."""
    port = port or free_port()
    args = [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1"]
    args += ["--save", "", "--appendonly", "no", "--dir", str(folder)]
    processes.start(name, args, {}, folder / f"{name}.log")
    wait_for_port(port, processes, timeout=10)
    return f"redis://127.0.0.1:{port}/0"


def gunicorn_start(
    processes: Processes,
    name: str,
    env: dict,
    *,
    port: int,
    log: Path,
    app: tuple[str, ...] = ("portal.wsgi",),
) -> None:
    """gunicorn with deploy/gunicorn.conf.py on ``port``; not waited for."""
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    args = [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py"]
    args += ["--no-control-socket", *app]
    processes.start(name, args, env, log)


def nginx_conf(
    prefix: Path,
    *,
    app_ports: list[int],
    port: int,
    purge_port: int,
    static_root: Path,
) -> Path:
    """deploy/nginx/local.conf.template filled in: the production snippets,
    with ``app_ports`` as the upstream's servers."""
    for sub in ("cache", "temp", "www"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(
        string.Template(NGINX_TEMPLATE.read_text()).substitute(
            user="user root;" if os.geteuid() == 0 else "",
            prefix=prefix,
            snippets=SNIPPETS,
            static_root=static_root,
            upstream_servers="\n        ".join(
                UPSTREAM_SERVER.format(port=app_port) for app_port in app_ports
            ),
            port=port,
            purge_port=purge_port,
        )
    )
    return conf


def nginx_command(prefix: Path, conf: Path) -> list[str]:
    return [NGINX, "-e", "stderr", "-p", str(prefix), "-c", str(conf)] + [
        "-g",
        "daemon off;",
    ]


class MailSink:
    """An SMTP server in this process that keeps every mail it is given."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.received: list[tuple[list[str], bytes]] = []
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        with self._lock:
            self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._controller.stop()

    def to(self, address: str) -> list[Message]:
        with self._lock:
            return [
                message_from_bytes(content)
                for recipients, content in self.received
                if address in recipients
            ]

    def recipients(self) -> list[str]:
        with self._lock:
            return [r for recipients, _content in self.received for r in recipients]


# -- The rehearsal -----------------------------------------------------------

DATABASE = "rehearsal_leerkring"
BUCKET = "leerkring-media"
SERVERS = ("a", "b")
SEATS, RUSH = 50, 200


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
        "from deploy.rehearsal import scenario_build as b; "
        f"b(nginx_port={cluster.ports['nginx']}, members={RUSH}, seats={SEATS})"
    )
    processes.start(
        "migrate", manage_command("shell", "-v0", "-c", scenario), env,
        folder / "migrate.log",
    )  # fmt: skip
    collect = subprocess.run(  # noqa: S603
        manage_command("collectstatic", "--noinput", "-v0"),
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    if collect.returncode:
        raise SetupError(f"collectstatic failed:\n{collect.stderr[-3000:]}")
    cluster.timings["collectstatic"] = time.monotonic() - began
    for name in SERVERS:
        gunicorn_start(
            processes, name, cluster.envs[name], port=cluster.ports[name],
            log=folder / f"{name}.log",
        )  # fmt: skip
    failed = processes.started.pop("migrate").wait()
    output = (folder / "migrate.log").read_text()
    if failed:
        raise SetupError(f"migrate or the scenario failed:\n{output[-3000:]}")
    cluster.timings["migrate and scenario"] = time.monotonic() - began
    cluster.scenario = json.loads(output.strip().splitlines()[-1])
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


# -- What the scenario finds in the database (run inside Django) -------------

PASSWORD = "een-goed-wachtwoord-42"  # noqa: S105 - a made-up member's


def scenario_build(*, nginx_port: int, members: int, seats: int) -> None:
    """Run by ``manage.py shell`` in the fresh database: the site at nginx's
    address, a member who logs in, an adviser with a second factor, a news
    item with a draft waiting, an event with ``seats`` places and
    ``members`` members with a session each. Prints what the tests need, as
    JSON."""
    from wagtail.models import Collection, Site

    site = Site.objects.get(is_default_site=True)
    # The address visitors use, so that Wagtail's purge names the host nginx
    # keyed its copies under.
    site.hostname, site.port = "127.0.0.1", nginx_port
    site.save()
    home = site.root_page.specific
    adviser = _user("adviseur@rehearsal.example", "Advisers", second_factor=True)
    member = _user("lid@rehearsal.example", "Members", password=PASSWORD)
    rush = _rush_members(members)
    print(  # noqa: T201 - the output of the shell command
        json.dumps(
            {
                "member": {"email": member.email, "name": member.get_full_name()},
                "adviser_session": _session(adviser, second_factor=True),
                "news": _news_with_draft(home, adviser),
                "event": _event(home, "Leerkring onder druk", seats),
                "guest_event": _event(home, "Leerkring met gasten", 10),
                "collection": Collection.get_first_root_node().pk,
                "rush": [
                    {"email": user.email, "session": _session(user)} for user in rush
                ],
            }
        )
    )


def _user(email: str, group: str, *, password: str = "", second_factor=False):
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from portal.accounts.models import User

    user = User(
        email=email,
        first_name="Rehearsal",
        last_name=group,
        organisation="Gemeente Oefenstad",
        job_title="OOV-adviseur",
        approval_status=User.ApprovalStatus.APPROVED,
    )
    user.set_password(password or None)
    user.save()
    user.groups.add(Group.objects.get(name=group))
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if second_factor:
        TOTP.activate(user, generate_totp_secret())
    return user


def _rush_members(count: int) -> list:
    """Members made in bulk: each logs in through a session of its own
    (``_session``), which costs no password hashing."""
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from portal.accounts.models import User

    users = User.objects.bulk_create(
        User(
            email=f"lid{number}@rehearsal.example",
            first_name="Lid",
            last_name=str(number),
            organisation="Gemeente Oefenstad",
            job_title="OOV-adviseur",
            approval_status=User.ApprovalStatus.APPROVED,
            password=make_password(None),
        )
        for number in range(count)
    )
    members = Group.objects.get(name="Members")
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=members.pk) for user in users
    )
    return users


def _session(user, *, second_factor: bool = False) -> str:
    """A session as the login form leaves it (with the authenticator app's
    step, for an adviser); its key, the ``sessionid`` cookie."""
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        AUTHENTICATION_METHODS_SESSION_KEY,
    )
    from allauth.account.internal.userkit import user_id_to_str
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    records = [{"method": "password", "at": time.time()}]
    if second_factor:
        from allauth.mfa.models import Authenticator

        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        records.append(
            {"method": "mfa", "at": time.time(), "id": totp.pk, "type": "totp"}
        )
    store[AUTHENTICATION_METHODS_SESSION_KEY] = records
    store[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = user_id_to_str(user)
    store.create()
    return store.session_key


def _news_with_draft(home, adviser) -> dict:
    import datetime as dt

    from knowledge.models import NewsIndexPage, NewsPage

    index = home.add_child(instance=NewsIndexPage(title="Nieuws"))
    news = index.add_child(
        instance=NewsPage(
            title="Oefening: de eerste versie",
            category="policy",
            date=dt.date(2026, 12, 1),
            teaser="Een bericht dat een adviseur straks bijwerkt.",
        )
    )
    news.title = "Oefening: de bijgewerkte versie"
    news.save_revision(user=adviser)
    return {
        "id": news.pk,
        "path": news.get_url_parts()[2],
        "old": "Oefening: de eerste versie",
        "new": news.title,
    }


def _event(home, title: str, seats: int) -> dict:
    import datetime as dt

    from django.utils import timezone

    from events.models import EventIndexPage, EventPage

    index = EventIndexPage.objects.first() or home.add_child(
        instance=EventIndexPage(title="Bijeenkomsten")
    )
    starts = timezone.now().replace(microsecond=0) + dt.timedelta(days=14)
    event = index.add_child(
        instance=EventPage(
            title=title,
            kind="leerkring",
            format="online",
            location="Microsoft Teams",
            intro="Een bijeenkomst van de generale repetitie.",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=1),
            capacity=seats,
        )
    )
    return {"id": event.pk, "path": event.get_url_parts()[2]}


# -- Visitors ----------------------------------------------------------------


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

    def get(self, path: str, **kwargs):
        return self._send("GET", path, **kwargs)

    def post(self, path: str, data: dict | None = None, **kwargs):
        data = {"csrfmiddlewaretoken": self.cookies["csrftoken"], **(data or {})}
        return self._send("POST", path, data=data, **kwargs)

    def _send(self, method: str, path: str, **kwargs):
        import requests

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
    killed_at: float
    back_after: float = 0.0


def failover(
    cluster: Cluster, *, seconds: float = 4.0, kill_after: float = 1.0, clients=6
) -> Failover:
    """Members read pages through nginx (never from its cache) while app
    server A is killed; then A is started again and asked, through nginx,
    until it answers once more."""
    path = cluster.scenario["news"]["path"]
    members = cluster.scenario["rush"][:clients]
    statuses: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def read(number: int) -> None:
        browser = Browser(
            cluster.url("nginx"),
            address=visitor_address(number + 2000),
            cookies={"sessionid": members[number]["session"]},
        )
        while time.monotonic() < stop_at:
            try:
                status = browser.get(path).status_code
            except OSError:
                status = 0
            with lock:
                statuses.append(status)

    with ThreadPoolExecutor(max_workers=clients) as pool:
        for number in range(clients):
            pool.submit(read, number)
        time.sleep(kill_after)
        cluster.processes.kill("a")
        killed_at = len(statuses)
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
