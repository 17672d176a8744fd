"""Benchmark: the policy book of a half year with 500 to 5,000 messages.

Fills a database of its own (``bench_policy_book`` on the server of
BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
created and dropped) with 12 themes and, per size, messages in threads in
the ratio 5,000 : 300, a tenth marked as conclusion and a twentieth as
proposed solution, and two meeting notes per theme. For each size it builds
the book (``policy_book_build``: collect, save the draft, render and store
the PDF) and opens the web edition.

    .venv/bin/python bench/policy_book.py

Prints per size: the web edition (collect and save, plus one page view), the
PDF, its pages, the total and the time per 1,000 messages (which should not
rise: the build must grow no faster than linearly). Target: 5,000 messages
in under 30 s.
"""

import datetime as dt
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
SIZES = [500, 1_000, 2_500, 5_000]
THEMES, THREADS_AT_MAX, MEMBERS = 12, 300, 150
SERVER = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
NAME = "bench_policy_book"
ORGANISATIONS = [
    "Gemeente Zwolle",
    "Politie Eenheid Oost-Nederland",
    "Openbaar Ministerie",
    "Stichting Jongerenwerk Deventer",
    "Veiligheidsregio IJsselland",
    "Woningcorporatie De Veste",
]
BODY = (
    "<p>In onze gemeente zagen we na de oproep op sociale media binnen een uur "
    "groepen jongeren samenkomen. Wat hielp: een vast aanspreekpunt bij de "
    "politie, jongerenwerkers op straat en één afzender richting bewoners.</p>"
    "<p>Volgende keer willen we eerder signaleren en de burgemeester sneller "
    "adviseren over een noodbevel. Bericht {n}.</p>"
)


def _database_url() -> str:
    return urlunsplit(urlsplit(SERVER)._replace(path="/" + NAME))


def _drop_database() -> None:
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


def _setup_django(media: str) -> None:
    # WeasyPrint logs every page it lays out.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = _database_url()
    os.environ["DJANGO_MEDIA_ROOT"] = media
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _members():
    from portal.accounts.models import User

    return User.objects.bulk_create(
        User(
            email=f"lid{n}@example.org",
            first_name="Lid",
            last_name=str(n),
            organisation=ORGANISATIONS[n % len(ORGANISATIONS)],
        )
        for n in range(MEMBERS)
    )


def _fill(*, posts: int, themes, members, start: dt.datetime) -> None:
    """Replace the discussions with ``posts`` messages over the themes."""
    from community.models import MeetingNote, Post, Thread

    Post.objects.all().delete()
    Thread.objects.all().delete()
    MeetingNote.objects.all().delete()
    count = max(THEMES, posts * THREADS_AT_MAX // SIZES[-1])
    threads = Thread.objects.bulk_create(
        Thread(
            theme=themes[n % THEMES],
            title=f"Vraag {n}: hoe houden we de openbare orde bij oproepen online?",
            author=members[n % MEMBERS],
            created_at=start + dt.timedelta(hours=n),
        )
        for n in range(count)
    )
    Post.objects.bulk_create(
        Post(
            thread=threads[n % count],
            author=members[(n * 7) % MEMBERS],
            body=BODY.format(n=n),
            created_at=start + dt.timedelta(hours=n % count, minutes=n // count + 1),
            marked_as=(
                "conclusion" if n % 10 == 3 else "solution" if n % 20 == 7 else "none"
            ),
        )
        for n in range(posts)
    )
    MeetingNote.objects.bulk_create(
        MeetingNote(
            theme=theme,
            meeting_date=(start + dt.timedelta(days=30 * (k + 1))).date(),
            agenda_item=f"Bespreking {theme.name} {k + 1}",
            said="<p>Gemeente, politie en OM deelden hun ervaringen.</p>",
            conclusions="<ul><li>Eén afzender.</li><li>Eerder signaleren.</li></ul>",
        )
        for theme in themes
        for k in range(2)
    )


def _measure(period):
    from django.test import Client
    from pypdf import PdfReader

    from community.policybook import services

    timings = {}
    render = services.policy_book_pdf_render

    def timed_render(**kwargs):
        began, cpu = time.perf_counter(), time.process_time()
        result = render(**kwargs)
        timings["pdf"] = time.perf_counter() - began
        timings["pdf_cpu"] = time.process_time() - cpu
        timings["pages"] = len(PdfReader(__import__("io").BytesIO(result)).pages)
        return result

    services.policy_book_pdf_render = timed_render
    try:
        began, cpu = time.perf_counter(), time.process_time()
        page = services.policy_book_build(period=period)
        timings["build"] = time.perf_counter() - began
        timings["build_cpu"] = time.process_time() - cpu
    finally:
        services.policy_book_pdf_render = render
    page.refresh_from_db()
    page.get_latest_revision().publish()
    began = time.perf_counter()
    response = Client(HTTP_HOST="localhost").get(page.url)
    timings["view"] = time.perf_counter() - began
    assert response.status_code == 200, response.status_code
    return timings


def main() -> None:
    _drop_database()
    with psycopg.connect(SERVER, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{NAME}"')
    try:
        with tempfile.TemporaryDirectory() as media:
            _setup_django(media)
            _run()
    finally:
        from django.db import connections

        connections.close_all()
        _drop_database()


def _run() -> None:
    from django.utils import timezone

    from community.models import Theme
    from community.policybook.periods import half_year_parse

    period = half_year_parse("2026-H1")
    themes = [
        Theme.objects.create(name=f"Thema {n + 1:02d}", slug=f"thema-{n + 1}", order=n)
        for n in range(THEMES)
    ]
    members = _members()
    start = timezone.make_aware(dt.datetime(2026, 1, 5, 9))
    # Wall-clock time, and the process's CPU time in brackets: on a shared
    # machine the first depends on what else runs, the second hardly.
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    header = f"{'posts':>6} {'threads':>7} {'web':>7} {'pdf':>16} {'pages':>5} "
    print(header + f"{'total':>16} {'s/1000':>7}")
    for size in SIZES:
        _fill(posts=size, themes=themes, members=members, start=start)
        t = _measure(period)
        web = t["build"] - t["pdf"] + t["view"]
        total = t["build"] + t["view"]
        threads = max(THEMES, size * THREADS_AT_MAX // SIZES[-1])
        print(
            f"{size:>6} {threads:>7} {web:>6.2f}s "
            f"{t['pdf']:>6.2f}s ({t['pdf_cpu']:>5.2f}s) {t['pages']:>5} "
            f"{total:>6.2f}s ({t['build_cpu']:>5.2f}s) {total / size * 1000:>6.2f}s"
        )


if __name__ == "__main__":
    main()
