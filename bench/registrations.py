"""Benchmark: 200 simultaneous registrations for an event with 50 seats.

Runs against PostgreSQL (row locking is what is measured), in a database of
its own that it creates and drops: ``bench_leerkring`` on the server of
BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).

    .venv/bin/python bench/registrations.py

Prints the confirmed, waiting and failed counts and the latency percentiles
of one registration (lock, count, insert, mail queued).
"""

import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
REGISTRATIONS, SEATS, WORKERS = 200, 50, 40
SERVER = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
NAME = "bench_leerkring"


def _database_url() -> str:
    parts = urlsplit(SERVER)
    return urlunsplit(parts._replace(path="/" + NAME))


def _recreate_database() -> None:
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}"')
        conn.execute(f'CREATE DATABASE "{NAME}"')


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = _database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
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
    event = index.add_child(
        instance=EventPage(
            title="Leerkring XL",
            kind="leerkring-xl",
            format="livestream",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            intro="Benchmark",
            capacity=SEATS,
        )
    )
    users = User.objects.bulk_create(
        User(email=f"p{n}@gemeente.example", first_name="P", last_name=str(n))
        for n in range(REGISTRATIONS)
    )
    return event, users


def _register(event, user):
    from django.db import connection

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
    finally:
        connection.close()
    return status, time.perf_counter() - began


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _drop_database() -> None:
    from django.db import connections

    connections.close_all()
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}"')


def main() -> None:
    _recreate_database()
    try:
        _run()
    finally:
        _drop_database()


def _run() -> None:
    _setup_django()
    event, users = _scenario()
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda u: _register(event, u), users))
    wall = time.perf_counter() - began
    statuses = [status for status, _ in results]
    latencies = [seconds * 1000 for _, seconds in results]
    failed = [s for s in statuses if s.startswith("failed")]
    sys.stdout.write(
        f"registrations: {REGISTRATIONS} at once ({WORKERS} workers), seats: {SEATS}\n"
        f"confirmed: {statuses.count('confirmed')}\n"
        f"waiting:   {statuses.count('waiting')}\n"
        f"failed:    {len(failed)}\n"
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
