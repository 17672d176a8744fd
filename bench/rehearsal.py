"""Figures of the deployment rehearsal: the set-up of docs/deploy.md on one
machine (deploy/rehearsal.py, the same cluster tests/deploy/test_rehearsal.py
proves), timed.

    .venv/bin/python bench/rehearsal.py [--web-workers 2]

Needs nginx with the cache-purge module, redis-server and a PostgreSQL
server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
where it makes and drops a database ``rehearsal_leerkring``.

Prints how long the start took; the rush (200 members registering at once
through nginx for 50 seats: registrations a second, the counts, how nginx
split them, how long until the workers had sent every mail); how long a
publication takes to reach nginx's visitors (the worker's PURGE); and the
failover (app server A killed while members read pages: failed requests,
and how long until A, started again, served through nginx).
"""

import argparse
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy import rehearsal  # noqa: E402
from deploy.local import SetupError, postgres_answers  # noqa: E402
from deploy.rehearsal import Browser, Cluster  # noqa: E402

SERVER = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)


def _publication(cluster: Cluster) -> tuple[float, str]:
    """Seconds from the adviser's publish on A until nginx gives the new
    version; nginx's cache status of that first answer."""
    news = cluster.scenario["news"]
    visitor = Browser(cluster.url("nginx"), address=rehearsal.visitor_address(1))
    visitor.get(news["path"])
    adviser = Browser(
        cluster.url("a"), cookies={"sessionid": cluster.scenario["adviser_session"]}
    )
    began = time.monotonic()
    adviser.post(f"/admin/bulk/wagtailcore/page/publish/?id={news['id']}")
    while time.monotonic() - began < 30:
        page = visitor.get(news["path"])
        if news["new"] in page.text:
            return time.monotonic() - began, page.headers.get("X-Cache-Status", "")
        time.sleep(0.05)
    return float("nan"), "never"


def _mails_sent(cluster: Cluster, began: float) -> float:
    """Seconds from ``began`` until the workers emptied the queue."""
    cluster.wait_for_tasks(timeout=120)
    return time.monotonic() - began


def _run(web_workers: int) -> None:
    out = sys.stdout.write
    began = time.monotonic()
    # The machine may be shared: its load says how much of it this run had.
    load_before = os.getloadavg()[0]
    with rehearsal.running(postgres=SERVER, web_workers=web_workers) as cluster:
        timings = dict(cluster.timings)
        rush = rehearsal.registration_rush(cluster)
        mails = _mails_sent(cluster, time.monotonic() - rush.seconds)
        publication = _publication(cluster)
        failover = rehearsal.failover(cluster)
        stopping = time.monotonic()
    stopped = time.monotonic() - stopping
    out(
        f"\n{web_workers} gunicorn workers per app server, 2 app servers, "
        f"2 task workers, {os.cpu_count()} CPU cores; load average (1 min) "
        f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n\n"
    )
    out("| step | figure |\n|---|---|\n")
    for step, seconds in timings.items():
        out(f"| start: {step} | {seconds:.1f} s after the start |\n")
    out(
        f"| rush: {rehearsal.RUSH} registrations at once through nginx | "
        f"{rush.seconds:.2f} s, {rehearsal.RUSH / rush.seconds:.0f} registrations/s |\n"
        f"| rush: answers | {dict(Counter(rush.statuses))} |\n"
        f"| rush: places | {rush.counts} |\n"
        f"| rush: split by nginx | A {rush.per_server['a']}, "
        f"B {rush.per_server['b']} |\n"
        f"| rush: every mail sent by the workers | {mails:.1f} s after the "
        f"first registration, each member {_once(cluster, rush)} |\n"
        f"| publish on A until nginx serves it | {publication[0]:.2f} s "
        f"({publication[1]}) |\n"
        f"| failover: member page views while A was killed | "
        f"{len(failover.statuses)} ({failover.killed_at} before the kill) |\n"
        f"| failover: failed requests | {failover.failed} |\n"
        f"| failover: A restarted until it served through nginx | "
        f"{failover.back_after:.1f} s |\n"
        f"| stop and clean up | {stopped:.1f} s |\n"
        f"| whole run | {time.monotonic() - began:.1f} s |\n"
    )


def _once(cluster: Cluster, rush) -> str:
    received = Counter(cluster.sink.recipients())
    times = Counter(received[m["email"]] for m in cluster.scenario["rush"])
    return ", ".join(f"{count} × {n} mail(s)" for n, count in sorted(times.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--web-workers", type=int, default=2)
    args = parser.parse_args()
    # Ctrl-C and a plain kill both end in running()'s clean-up.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    if not postgres_answers(SERVER):
        sys.stderr.write(f"PostgreSQL does not answer at {SERVER}\n")
        return 1
    try:
        _run(args.web_workers)
    except SetupError as error:
        sys.stderr.write(f"setup failed: {error}\n")
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
