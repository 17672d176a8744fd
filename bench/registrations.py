"""Benchmark: 200 simultaneous registrations for an event with 50 seats.

Runs against PostgreSQL (row locking is what is measured), in a database of
its own that it creates and drops: ``bench_leerkring`` on the server of
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).

    .venv/bin/python bench/registrations.py [--processes 2] [--threads 20]

As in production: the production settings profile, persistent database
connections, mail queued for the worker (the database task backend) rather
than sent in the request, and app servers that are already running. The
registrations are spread over ``--processes`` processes (app server
workers; one per core by default) of ``--threads`` threads each (1 by
default: gunicorn's sync workers serve one request at a time, and the rest
wait in the listen queue, as they wait here in each process's list). Each
process first registers two accounts for another meeting (its database
connection opened, templates compiled), then all are released at the same
moment.

Prints the confirmed, waiting and failed counts, the mails queued, the
latency percentiles of one registration (lock, count, insert, commit, mail
rendered and queued) and the throughput.
"""

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
REGISTRATIONS, SEATS = 200, 50
WARM_UP_PROCESSES_MAX = 64
SERVER = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
NAME = "bench_leerkring"


def _database_url() -> str:
    parts = urlsplit(SERVER)
    return urlunsplit(parts._replace(path="/" + NAME))


def _recreate_database() -> None:
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{NAME}"')


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    from deploy.local import production_env

    for key in [k for k in os.environ if k.startswith("DJANGO_")]:
        del os.environ[key]
    os.environ.update(production_env(Path(tempfile.gettempdir()), _database_url()))
    # Mail is queued for the worker, as in production; no Redis needed.
    os.environ["LEERKRING_TASKS_BACKEND"] = "database"
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _scenario():
    import datetime as dt

    from django.utils import timezone
    from wagtail.models import Site

    from events.models import EventIndexPage, EventPage
    from portal.accounts.models import User

    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=EventIndexPage(title="Bijeenkomsten"))
    start = timezone.now() + dt.timedelta(days=7)

    def meeting(title: str, capacity: int | None) -> EventPage:
        return index.add_child(
            instance=EventPage(
                title=title,
                kind="leerkring-xl",
                format="livestream",
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
                intro="Benchmark",
                capacity=capacity,
            )
        )

    event = meeting("Leerkring XL", SEATS)
    warm_up = meeting("Inloop", None)
    users = User.objects.bulk_create(
        User(email=f"p{n}@gemeente.example", first_name="P", last_name=str(n))
        for n in range(REGISTRATIONS + 2 * WARM_UP_PROCESSES_MAX)
    )
    return event, warm_up, users[:REGISTRATIONS], users[REGISTRATIONS:]


def _register(event, user) -> tuple[str, float]:
    from events.services import registration_create

    began = time.perf_counter()
    try:
        status = registration_create(
            event=event,
            user=user,
            name=f"P {user.last_name}",
            organisation="Gemeente",
            job_title="OOV",
            email=user.email,
        ).status
    except Exception as exc:  # noqa: BLE001 - a failure is a result here
        status = f"failed: {exc}"
    return status, time.perf_counter() - began


def _process(event, users, threads, warm_up, ready, start, results) -> None:
    """One app server worker: its own connections, warmed up on another
    meeting, its threads released together with every other process's."""
    from django.db import connections

    connections.close_all()
    event_warm_up, warm_up_users = warm_up
    for user in warm_up_users:
        _register(event_warm_up, user)
    ready.put(os.getpid())
    start.wait()
    try:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results.put(list(pool.map(lambda u: _register(event, u), users)))
    finally:
        connections.close_all()


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _drop_database() -> None:
    from django.db import connections

    connections.close_all()
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    _recreate_database()
    try:
        _run(args.processes, args.threads)
    finally:
        _drop_database()


def _run(processes: int, threads: int) -> None:
    _setup_django()
    if processes > WARM_UP_PROCESSES_MAX:
        raise SystemExit(f"at most {WARM_UP_PROCESSES_MAX} processes")
    event, event_warm_up, users, warm_up_users = _scenario()
    from django.db import connections

    connections.close_all()
    context = multiprocessing.get_context("fork")
    ready, start, done = context.Queue(), context.Event(), context.Queue()
    workers = [
        context.Process(
            target=_process,
            args=(
                event,
                users[n::processes],
                threads,
                (event_warm_up, warm_up_users[2 * n : 2 * n + 2]),
                ready,
                start,
                done,
            ),
        )
        for n in range(processes)
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        ready.get(timeout=120)
    from portal.core.models import OutgoingMail

    mails_before = OutgoingMail.objects.count()
    began = time.perf_counter()
    start.set()
    results = [row for _ in workers for row in done.get(timeout=600)]
    wall = time.perf_counter() - began
    for worker in workers:
        worker.join()
    _report(results, wall, processes, threads, event, mails_before)


def _report(results, wall: float, processes, threads, event, mails_before) -> None:
    from events.models import Registration
    from portal.core.models import OutgoingMail

    statuses = [status for status, _ in results]
    latencies = [seconds * 1000 for _, seconds in results]
    failed = [s for s in statuses if s.startswith("failed")]
    stored = Registration.objects.filter(event=event).values_list("status", flat=True)
    sys.stdout.write(
        f"registrations: {REGISTRATIONS} at once "
        f"({processes} processes x {threads} threads), seats: {SEATS}\n"
        f"confirmed: {statuses.count('confirmed')} "
        f"(stored {list(stored).count('confirmed')})\n"
        f"waiting:   {statuses.count('waiting')} "
        f"(stored {list(stored).count('waiting')})\n"
        f"failed:    {len(failed)}\n"
        f"mails queued: {OutgoingMail.objects.count() - mails_before}\n"
        f"latency ms: p50 {_percentile(latencies, 0.5):.1f}  "
        f"p90 {_percentile(latencies, 0.9):.1f}  "
        f"p99 {_percentile(latencies, 0.99):.1f}  "
        f"max {max(latencies):.1f}  mean {statistics.mean(latencies):.1f}\n"
        f"wall time: {wall:.2f} s ({REGISTRATIONS / wall:.0f} registrations/s)\n"
    )
    for status in failed[:3]:
        sys.stdout.write(status + "\n")


if __name__ == "__main__":
    main()
