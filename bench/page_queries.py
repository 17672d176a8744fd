"""Benchmark: SQL queries and render time of every public page type as the
content grows from 10 to 1,000 items per list.

Runs in a SQLite database of its own in a temporary folder (or on the server
of BENCH_DATABASE_URL, in a database ``bench_pages`` it creates and, at the
end, drops).

    .venv/bin/python bench/page_queries.py [--sizes 10,100,1000] [--repeat 20]

For each size it prints, per page, the number of queries of one anonymous
request (after one warm-up request, as in production) and the median and
95th-percentile time of ``--repeat`` requests through Django's test client
(no network, no server: the application's own cost).
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
NAME = "bench_pages"


def _database_url(folder: str) -> str:
    server = os.environ.get("BENCH_DATABASE_URL")
    if not server:
        return f"sqlite:///{folder}/bench.sqlite3"
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}"')
        conn.execute(f'CREATE DATABASE "{NAME}"')
    return urlunsplit(urlsplit(server)._replace(path="/" + NAME))


def _setup_django(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)


def _grow(n: int) -> None:
    """Bring every list to ``n`` items (news, events, theme pages)."""
    from django.utils import timezone
    from wagtail.models import Page

    from events.models import EventIndexPage, EventPage
    from knowledge.models import DossierPage, NewsIndexPage, NewsPage, ThemePage

    news = NewsIndexPage.objects.first()
    events = EventIndexPage.objects.first()
    dossier = DossierPage.objects.first()
    start = timezone.now() + dt.timedelta(days=3)
    todo = [
        (news, NewsPage, lambda i: {"category": "policy", "date": dt.date(2024, 1, 1)})
    ]
    todo += [
        (
            events,
            EventPage,
            lambda i: {
                "kind": "leerkring",
                "format": "online",
                "starts_at": start + dt.timedelta(hours=i),
                "ends_at": start + dt.timedelta(hours=i + 1),
                "intro": "Leerkring",
            },
        ),
        (dossier, ThemePage, lambda i: {"intro": "Handreiking"}),
    ]
    for parent, model, fields in todo:
        have = Page.objects.child_of(parent).type(model).count()
        for i in range(have, n):
            extra = fields(i)
            if model is NewsPage:
                extra["teaser"] = "Over online aangejaagde ordeverstoringen."
            parent.add_child(
                instance=model(title=f"{model.__name__} {i} leerkring", **extra)
            )


def _urls() -> dict[str, str]:
    from events.models import EventIndexPage, EventPage
    from knowledge.models import DossierPage, NewsIndexPage, NewsPage, ThemePage

    return {
        "home": "/",
        "web dossier": DossierPage.objects.first().url,
        "theme page": ThemePage.objects.live().first().url,
        "news index": NewsIndexPage.objects.first().url,
        "news index, last page": NewsIndexPage.objects.first().url + "?pagina=9999",
        "news item": NewsPage.objects.live().first().url,
        "news feed (RSS)": "/nieuws/rss.xml",
        "events index": EventIndexPage.objects.first().url,
        "event page": EventPage.objects.live().first().url,
        "events feed (iCalendar)": "/agenda/bijeenkomsten.ics",
        "search": "/zoeken/?q=leerkring",
        "intervention tool result": "/interventietool/?fase=mobilisatie"
        "&classificatie=onrechtmatig&actor=gemeente",
    }


def _measure(client, url: str, repeat: int) -> tuple[int, int, float, float]:
    from django.db import connection

    client.get(url)
    captured = []

    def count(execute, sql, params, many, context):
        captured.append(sql)
        return execute(sql, params, many, context)

    # A wrapper, not CaptureQueriesContext: the request_started signal
    # empties Django's query log at the start of every request.
    with connection.execute_wrapper(count):
        status = client.get(url).status_code
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return status, len(captured), statistics.median(times), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        _setup_django(_database_url(folder))
        from django.db import connection
        from django.test import Client

        client = Client()
        table: dict[str, list[str]] = {}
        for n in sizes:
            _grow(n)
            for name, url in _urls().items():
                status, queries, median, p95 = _measure(client, url, args.repeat)
                cell = f"{queries} q, {median:.0f}/{p95:.0f} ms"
                if status != 200:
                    cell += f" (HTTP {status})"
                table.setdefault(name, []).append(cell)
        sys.stdout.write(
            f"database: {connection.vendor}; cells: queries, median/p95 ms of "
            f"{args.repeat} requests\n"
        )
        header = "| page | " + " | ".join(f"{n} items" for n in sizes) + " |"
        sys.stdout.write(header + "\n|---|" + "---|" * len(sizes) + "\n")
        for name, cells in table.items():
            sys.stdout.write(f"| {name} | " + " | ".join(cells) + " |\n")


def _drop_database() -> None:
    server = os.environ.get("BENCH_DATABASE_URL")
    if not server:
        return
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}"')


if __name__ == "__main__":
    try:
        main()
    finally:
        _drop_database()
