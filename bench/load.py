"""Load benchmark: the public pages served as in production, measured with wrk.

    .venv/bin/python bench/load.py [--duration 5] [--rounds 3] [--workers N]

Needs Debian's wrk and nginx with the cache-purge module:
``apt-get install -y wrk nginx libnginx-mod-http-cache-purge``.

In a temporary folder it makes a database (SQLite; or, when DATABASE_URL
names a PostgreSQL server, a database ``bench_load`` there, dropped at the
end) with the demo content, collects the static files and starts:

- gunicorn with Django (portal.settings.production, deploy/gunicorn.conf.py);
- gunicorn with bench/minimal_wsgi.py, which returns the home page's bytes
  and headers, under the same settings and worker count;
- nginx with the page cache of deploy/nginx/ (the same snippets), also
  serving the home page's bytes as a static file.

Then wrk measures requests per second and the 50th and 99th percentile
latency of each page through nginx and through Django alone, and of the two
baselines; and it checks that publishing the home page purges it from
nginx's cache. It prints one table and the targets of issue #8 with PASS or
FAIL. Exit status 1 when something could not be set up; a missed target is
reported, not an error. REDIS_URL, when set, is the cache Django uses (as in
production); otherwise each worker has its own memory cache.
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# The start-up helpers, shared with the deployment rehearsal.
from deploy.local import (  # noqa: E402
    PURGE_MODULE,
    Processes,
    SetupError,
    database_create,
    database_drop,
    gunicorn_start,
    nginx_command,
    nginx_conf,
    production_env,
    redis_start,
    wait_until_up,
)
from deploy.local import free_port as _free_port  # noqa: E402
from deploy.local import http_get as _get  # noqa: E402
from deploy.local import manage as _manage  # noqa: E402

DATABASE = "bench_load"
WRK = shutil.which("wrk") or "wrk"
# Headers that belong to one response or one server, not to the page.
HOP_HEADERS = {"date", "server", "content-length", "connection", "set-cookie", "age"}


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    errors: str
    # nginx's hits, Django's page cache's hits, pages rendered (rotate script)
    cache: tuple[int, int, int] | None = None


@dataclass
class Result:
    target: str
    url: str
    cache: str
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> Run:
        """The run with the median rate; its latencies go with it."""
        return sorted(self.runs, key=lambda run: run.rps)[len(self.runs) // 2]


STARTED = time.monotonic()


def _say(text: str) -> None:
    sys.stderr.write(f"{time.monotonic() - STARTED:5.0f} s {text}\n")
    sys.stderr.flush()


def _database_url(folder: Path) -> str:
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{folder}/bench.sqlite3"
    return database_create(server, DATABASE)


def _drop_database() -> None:
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        database_drop(server, DATABASE)


PAGES_SCRIPT = """
import json
from wagtail.models import Site
from events.models import EventIndexPage, EventPage
from knowledge.models import NewsIndexPage, ThemePage
site = Site.objects.get(is_default_site=True)
site.hostname, site.port = "127.0.0.1", {port}
site.save()
print(json.dumps({{
    "home": "/",
    "theme page": ThemePage.objects.live().public().first().url,
    "news index": NewsIndexPage.objects.live().public().first().url,
    "events index": EventIndexPage.objects.live().public().first().url,
    "event page": EventPage.objects.live().public().first().url,
    "search": "/zoeken/?q=leerkring",
}}))
"""

MEMBER_SCRIPT = """
import json
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import timezone
from community.models import Thread
from events.models import EventIndexPage, EventPage
from knowledge.models import ThemePage
from portal.accounts.models import User
member = (
    User.objects.filter(approval_status="approved", is_superuser=False)
    .exclude(groups__name="Adviseurs").order_by("pk").first()
)
session = SessionStore()
session[SESSION_KEY] = str(member.pk)
session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
session[HASH_SESSION_KEY] = member.get_session_auth_hash()
session.create()
thread = Thread.objects.order_by("pk").first()
coming = EventPage.objects.live().filter(starts_at__gt=timezone.now())
event = coming.order_by("starts_at").first()
print(json.dumps({{
    "cookie": f"{{settings.SESSION_COOKIE_NAME}}={{session.session_key}}",
    "pages": {{
        "home": "/",
        "theme page": ThemePage.objects.live().first().url,
        "agenda": EventIndexPage.objects.live().first().url,
        "event with its form": event.url,
        "community theme": reverse("community:theme", args=[thread.theme.slug]),
        "thread": reverse("community:thread", args=[thread.pk]),
        "overview": reverse("accounts:overview"),
    }},
}}))
"""

# A wrk script: the public pages in turn, counting the cache's answers
# (nginx's X-Cache-Status, else Django's X-Cache) over all threads.
ROTATE_LUA = """
local paths = {{{paths}}}
local counter = 0
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) hits = 0; misses = 0; django_hits = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
function response(status, headers, body)
  local nginx = headers["X-Cache-Status"]
  if nginx == "HIT" then hits = hits + 1
  elseif headers["X-Cache"] == "HIT" then django_hits = django_hits + 1
  else misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, d, m = 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); d = d + t:get("django_hits"); m = m + t:get("misses")
  end
  io.write(string.format("cache: nginx=%d django=%d rendered=%d\\n", h, d, m))
end
"""

PUBLISH_SCRIPT = """
from django.conf import settings
from wagtail.models import Site
Site.objects.get(is_default_site=True).root_page.specific.save_revision().publish()
print(settings.TASKS["default"]["BACKEND"])
"""


def _prepare_database(env: dict, nginx_port: int) -> dict[str, str]:
    _say("migrate and load_demo; collectstatic meanwhile")
    # collectstatic needs no database: it runs beside the migrations.
    collect = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_demo", "-v0")
        errors = collect.communicate()[1]
    finally:
        if collect.poll() is None:
            collect.kill()
            collect.wait()
    if collect.returncode:
        raise SetupError(f"manage.py collectstatic failed:\n{errors[-3000:]}")
    # The site's address is the one wrk asks for, so that Wagtail's purge
    # names the host nginx keyed the page under.
    output = _manage(env, "shell", "-c", PAGES_SCRIPT.format(port=nginx_port))
    return json.loads(output.strip().splitlines()[-1])


def _gunicorn(processes: Processes, env: dict, app: list[str], port: int, log: Path):
    gunicorn_start(processes, log.stem, env, port=port, log=log, app=tuple(app))
    wait_until_up(f"http://127.0.0.1:{port}/health/live", processes)


def _start_servers(
    processes: Processes, folder: Path, env: dict, ports: dict, workers: int
) -> None:
    env = {**env, "WEB_CONCURRENCY": str(workers)}
    for sub in ("cache", "temp", "www"):
        (folder / "nginx" / sub).mkdir(parents=True, exist_ok=True)
    _say(f"gunicorn with Django, {workers} workers")
    _gunicorn(processes, env, ["portal.wsgi"], ports["app"], folder / "app.log")
    status, headers, body = _get(f"http://127.0.0.1:{ports['app']}/")
    if status != 200:
        raise SetupError(f"the home page answered {status}")
    # The second answer is the one the page cache gives.
    status, headers, body = _get(f"http://127.0.0.1:{ports['app']}/")
    (folder / "home.html").write_bytes(body)
    (folder / "nginx" / "www" / "static-home.html").write_bytes(body)
    (folder / "headers.json").write_text(
        json.dumps([(k, v) for k, v in headers.items() if k.lower() not in HOP_HEADERS])
    )
    _say(f"gunicorn with the minimal WSGI app, {workers} workers")
    minimal_env = {
        **env,
        "BENCH_BODY": str(folder / "home.html"),
        "BENCH_HEADERS": str(folder / "headers.json"),
    }
    _gunicorn(
        processes,
        minimal_env,
        ["--pythonpath", "bench", "minimal_wsgi:application"],
        ports["minimal"],
        folder / "minimal.log",
    )
    _say("nginx")
    prefix = folder / "nginx"
    conf = nginx_conf(
        prefix,
        app_ports=[ports["app"]],
        port=ports["nginx"],
        purge_port=ports["purge"],
        static_root=folder / "static",
    )
    processes.start("nginx", nginx_command(prefix, conf), env, folder / "nginx.log")
    wait_until_up(f"http://127.0.0.1:{ports['nginx']}/static-home.html", processes)


def _warm(url: str, times: int = 12) -> str:
    """A few requests first (every worker fills its cache); the cache status
    of the last one, as the measured requests will get it: nginx's for
    requests through nginx, Django's page cache's for the others."""
    for _ in range(times):
        status, headers, _body = _get(url)
        if status != 200:
            raise SetupError(f"{url} answered {status}; expected 200")
    return headers.get("X-Cache-Status") or headers.get("X-Cache") or "-"


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def _wrk(url: str, args: argparse.Namespace, extra: tuple[str, ...] = ()) -> Run:
    done = subprocess.run(  # noqa: S603
        [
            WRK,
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            *extra,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    problems = [] if rps else ["no answer"]
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        problems.append(f"{match.group(1)} non-2xx")
    if match := re.search(r"Socket errors: (.*)", out):
        problems.append("socket " + match.group(1))
    cache = None
    if match := re.search(r"cache: nginx=(\d+) django=(\d+) rendered=(\d+)", out):
        cache = tuple(int(n) for n in match.groups())
    return Run(rps, p50, p99, "; ".join(problems), cache)


def _measure(
    targets: list[tuple[str, str]], args: argparse.Namespace, rounds: int
) -> list[Result]:
    """wrk on each target in turn, ``rounds`` times over: a target and its
    baseline are measured side by side, so a busy moment of the machine
    weighs on both."""
    results = [Result(name, url, "") for name, url in targets]
    for number in range(1, rounds + 1):
        for result in results:
            # Right before each run: an entry with a query string lives only
            # a minute in Django's cache.
            result.cache = _warm(result.url)
            _say(f"wrk {result.target} ({number}/{rounds}): {result.url}")
            result.runs.append(_wrk(result.url, args))
    return results


def _measure_members(
    app: str, minimal: str, member: dict, args: argparse.Namespace
) -> list[tuple[str, Run, Run]]:
    """Each member page (Django alone, logged in: never from a cache) with
    the minimal WSGI app measured right before it."""
    header = ("-H", f"Cookie: {member['cookie']}")
    pairs = []
    for name, path in member["pages"].items():
        for _ in range(3):  # warm every worker's templates and connections
            _get(minimal + "/")
        status, _headers, _body = _get(app + path, cookie=member["cookie"])
        if status != 200:
            raise SetupError(f"member page {path} answered {status}; expected 200")
        _say(f"wrk member page: {name} ({path}), with the minimal app")
        baseline = _wrk(minimal + "/", args)
        pairs.append((name, _wrk(app + path, args, header), baseline))
    return pairs


def _rotate_script(folder: Path, paths: list[str]) -> Path:
    script = folder / "rotate.lua"
    quoted = ", ".join(json.dumps(path) for path in paths)
    script.write_text(ROTATE_LUA.format(paths=quoted))
    return script


def _writer(env: dict, args: argparse.Namespace, seconds: float):
    return subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "bench/members_write.py",
            "--rate",
            str(args.write_rate),
            "--seconds",
            str(seconds),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _measure_mixed(
    env: dict, folder: Path, servers: dict[str, str], paths: list[str], args
) -> tuple[dict[str, Run], dict[str, Run], dict]:
    """Visitors reading the public pages in turn, through nginx and through
    Django alone: first with nobody writing, then while members post, register
    and save case drafts at ``--write-rate`` a second."""
    script = ("-s", str(_rotate_script(folder, paths)))
    read_only, mixed = {}, {}
    for name, base in servers.items():
        for path in paths:
            _warm(base + path, times=4)
        _say(f"wrk visitors, read only: {name}")
        read_only[name] = _wrk(base + "/", args, script)
    writer = _writer(env, args, seconds=len(servers) * args.duration + 2)
    try:
        if writer.stdout.readline().strip() != "writing":
            raise SetupError("bench/members_write.py did not start writing")
        for name, base in servers.items():
            _say(f"wrk visitors, members writing: {name}")
            mixed[name] = _wrk(base + "/", args, script)
        out, err = writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    if writer.returncode:
        raise SetupError(f"bench/members_write.py failed:\n{err[-3000:]}")
    return read_only, mixed, json.loads(out.strip().splitlines()[-1])


def _purge_check(env: dict, nginx: str, purge_port: int) -> tuple[bool, str]:
    """Publishing the home page takes it out of nginx's cache."""
    before = _get(nginx + "/")[1].get("X-Cache-Status", "")
    publish_env = {**env, "FRONTEND_CACHE_PURGE_URLS": f"http://127.0.0.1:{purge_port}"}
    backend = _manage(publish_env, "shell", "-c", PUBLISH_SCRIPT).strip()
    if "immediate" not in backend.lower():
        # A queued purge is done by the worker; run it once over the queue.
        _manage(publish_env, "db_worker", "--batch", "--no-startup-delay")
    after = _get(nginx + "/")[1].get("X-Cache-Status", "")
    return before == "HIT" and after != "HIT", f"before {before}, after {after}"


def _rate(result: Result) -> str:
    rates = sorted(run.rps for run in result.runs)
    text = f"{result.median.rps:,.0f}"
    if len(rates) > 1:
        text += f" ({rates[0]:,.0f}-{rates[-1]:,.0f})"
    return text


def _ratio(target: Result, baseline: Result) -> float:
    """Median over the rounds of target/baseline, each pair measured one
    right after the other."""
    pairs = zip(target.runs, baseline.runs, strict=True)
    ratios = sorted(t.rps / b.rps for t, b in pairs)
    return ratios[len(ratios) // 2]


def _report(results: list[Result], purge: tuple[bool, str], args) -> None:
    out = sys.stdout.write
    out(
        f"\nwrk -t{args.threads} -c{args.connections} -d{args.duration}s per run, "
        f"{args.workers} gunicorn workers per app; rows with a range: median "
        f"(lowest-highest) of {args.rounds} rounds; page cache: {args.page_cache}"
        "\n\n"
    )
    out("| target | req/s | p50 ms | p99 ms | cache | errors |\n")
    out("|---|---:|---:|---:|---|---|\n")
    for r in results:
        run = r.median
        errors = "; ".join(x.errors for x in r.runs if x.errors) or "-"
        out(
            f"| {r.target} | {_rate(r)} | {run.p50:.1f} | {run.p99:.1f} "
            f"| {r.cache} | {errors} |\n"
        )
    by_name = {r.target: r for r in results}
    verdict = {True: "PASS", False: "FAIL"}
    nginx_ratio = _ratio(by_name["nginx: home"], by_name["static file (nginx)"])
    django_ratio = _ratio(by_name["Django: home"], by_name["minimal WSGI app"])
    out("\nTargets (issue #8)\n")
    out(
        f"- nginx-cached home / static file: {nginx_ratio:.2f} (>= 0.5) "
        f"{verdict[nginx_ratio >= 0.5]}\n"
    )
    out(
        f"- Django alone home / minimal WSGI app: {django_ratio:.2f} (>= 0.5) "
        f"{verdict[django_ratio >= 0.5]}\n"
    )
    for r in results:
        if r.target.startswith(("nginx:", "Django:")):
            p99 = r.median.p99
            ok = p99 < 100 and not any(run.errors for run in r.runs)
            out(
                f"- p99 {r.target}: {p99:.1f} ms (< 100 ms at {args.connections} "
                f"connections) {verdict[ok]}\n"
            )
    out(
        f"- publishing the home page purges it from nginx ({purge[1]}) "
        f"{verdict[purge[0]]}\n"
    )


def _redis(processes: Processes, folder: Path) -> str:
    """A Redis of this run's own, as production has one; else REDIS_URL."""
    if shutil.which("redis-server") is None:
        return os.environ.get("REDIS_URL", "")
    return redis_start(processes, folder)


def _run(args: argparse.Namespace, folder: Path) -> None:
    ports = {name: _free_port() for name in ("app", "minimal", "nginx", "purge")}
    processes = Processes()
    results, purge, member_pairs, mixed = [], None, [], None
    try:
        env = production_env(folder, _database_url(folder))
        if args.page_cache == "django":
            env["DJANGO_SETTINGS_MODULE"] = "bench.django_cache_settings"
        env["REDIS_URL"] = _redis(processes, folder)
        if not env["REDIS_URL"] and args.page_cache == "ours":
            # Each worker its own memory cache: fine while nothing changes.
            env["LEERKRING_PAGE_CACHE_SECONDS"] = "600"
        _say("cache: " + (env["REDIS_URL"] or "local memory in each worker"))
        pages = _prepare_database(env, ports["nginx"])
        member = json.loads(
            _manage(env, "shell", "-c", MEMBER_SCRIPT.format()).strip().splitlines()[-1]
        )
        _start_servers(processes, folder, env, ports, args.workers)
        app = f"http://127.0.0.1:{ports['app']}"
        nginx = f"http://127.0.0.1:{ports['nginx']}"
        minimal = f"http://127.0.0.1:{ports['minimal']}"
        if "public" in args.scenario:
            results = _measure_public(pages, app, nginx, minimal, args)
        if "members" in args.scenario:
            member_pairs = _measure_members(app, minimal, member, args)
        if "mixed" in args.scenario:
            servers = {"through nginx": nginx, "Django alone": app}
            mixed = _measure_mixed(env, folder, servers, list(pages.values()), args)
        if "public" in args.scenario:
            purge = _purge_check(env, nginx, ports["purge"])
    finally:
        processes.stop_all()
    if results:
        _report(results, purge, args)
    if member_pairs:
        _report_members(member_pairs, args)
    if mixed:
        _report_mixed(*mixed, args)


def _measure_public(
    pages: dict[str, str], app: str, nginx: str, minimal: str, args
) -> list[Result]:
    # The two ratios' targets and baselines, side by side, several times.
    paired = _measure(
        [
            ("static file (nginx)", nginx + "/static-home.html"),
            ("nginx: home", nginx + "/"),
            ("minimal WSGI app", minimal + "/"),
            ("Django: home", app + "/"),
        ],
        args,
        rounds=args.rounds,
    )
    others = [(name, path) for name, path in pages.items() if path != "/"]
    single = _measure(
        [(f"nginx: {name}", nginx + path) for name, path in others]
        + [(f"Django: {name}", app + path) for name, path in others],
        args,
        rounds=1,
    )
    order = ["static file (nginx)", "minimal WSGI app", "nginx: home"]
    order += [f"nginx: {name}" for name, _path in others] + ["Django: home"]
    by_name = {r.target: r for r in paired + single}
    results = [by_name[name] for name in order]
    return results + [r for r in single if r.target.startswith("Django:")]


def _report_members(pairs: list[tuple[str, Run, Run]], args) -> None:
    out = sys.stdout.write
    out(
        "\nMember pages (logged in, Django alone, never cached), each right "
        "after a run of the minimal WSGI app\n\n"
        "| member page | req/s | p50 ms | p99 ms | minimal app req/s | ratio "
        "| errors |\n"
        "|---|---:|---:|---:|---:|---:|---|\n"
    )
    for name, run, baseline in pairs:
        out(
            f"| {name} | {run.rps:,.0f} | {run.p50:.1f} | {run.p99:.1f} "
            f"| {baseline.rps:,.0f} | {run.rps / baseline.rps:.3f} "
            f"| {run.errors or '-'} |\n"
        )
    lowest = min(run.rps / baseline.rps for _name, run, baseline in pairs)
    verdict = "PASS" if lowest >= 0.05 else "FAIL"
    out(f"\n- lowest member page / minimal app: {lowest:.3f} (>= 0.05) {verdict}\n")


def _hit_rate(run: Run) -> tuple[float, str]:
    nginx_hits, django_hits, rendered = run.cache or (0, 0, 0)
    total = nginx_hits + django_hits + rendered
    if not total:
        return 0.0, "no answers counted"
    rate = (nginx_hits + django_hits) / total
    return rate, f"nginx {nginx_hits:,}, Django {django_hits:,}, rendered {rendered:,}"


def _report_mixed(read_only: dict, mixed: dict, writes: dict, args) -> None:
    out = sys.stdout.write
    out(
        f"\nVisitors reading the public pages in turn (wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s), without and with members "
        f"writing; writes done: {writes}\n\n"
        "| visitors | members writing | req/s | p50 ms | p99 ms | hit rate "
        "| answers |\n"
        "|---|---|---:|---:|---:|---:|---|\n"
    )
    verdicts = []
    for name in read_only:
        for label, run in (("no", read_only[name]), ("yes", mixed[name])):
            rate, answers = _hit_rate(run)
            out(
                f"| {name} | {label} | {run.rps:,.0f} | {run.p50:.1f} | {run.p99:.1f} "
                f"| {rate:.1%} | {answers} |\n"
            )
        rate, _answers = _hit_rate(mixed[name])
        tail = mixed[name].p99 / read_only[name].p99
        verdicts.append(
            f"- {name}: hit rate with writes {rate:.1%} (>= 95 %) "
            f"{'PASS' if rate >= 0.95 else 'FAIL'}; p99 with writes / read only "
            f"{tail:.2f} (<= 2) {'PASS' if tail <= 2 else 'FAIL'}\n"
        )
    out("\n" + "".join(verdicts))


def _check_tools() -> None:
    missing = [tool for tool in ("wrk", "nginx") if shutil.which(tool) is None]
    if not PURGE_MODULE.exists():
        missing.append("libnginx-mod-http-cache-purge")
    if missing:
        raise SetupError(
            "missing: " + ", ".join(missing) + "; apt-get install -y wrk nginx "
            "libnginx-mod-http-cache-purge"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds a run")
    parser.add_argument(
        "--rounds", type=int, default=3, help="runs of the two ratios' pages"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument(
        "--scenario",
        nargs="+",
        choices=("public", "members", "mixed"),
        default=["public", "members", "mixed"],
        help="public pages (the ratios of issue #8), member pages, visitors "
        "while members write",
    )
    parser.add_argument(
        "--write-rate", type=float, default=10, help="members' writes a second"
    )
    parser.add_argument(
        "--page-cache",
        choices=("ours", "django"),
        default="ours",
        help="the platform's page cache, or Django's own cache middleware "
        "(bench/django_cache_settings.py) in its place",
    )
    args = parser.parse_args()
    # Ctrl-C and a plain kill both end in the finally blocks below.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    folder = Path(tempfile.mkdtemp(prefix="leerkring-load-"))
    folder.chmod(0o755)
    try:
        _check_tools()
        _run(args, folder)
    except SetupError as error:
        _say(f"setup failed: {error}")
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    finally:
        with contextlib.suppress(Exception):
            _drop_database()
        if args.keep:
            _say(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
