"""The parts of docs/deploy.md started on one machine, as real processes:
PostgreSQL databases, Redis, gunicorn app servers, nginx around the
production snippets, an SMTP sink. Shared by the deployment rehearsal
(deploy/rehearsal.py), bench/load.py and tests/deploy/test_nginx.py; the
site itself never imports it.
"""

import contextlib
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
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


def http_get(
    url: str, timeout: float = 30, cookie: str = ""
) -> tuple[int, dict, bytes]:
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
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
