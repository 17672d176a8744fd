"""The backup and restore commands of docs/deploy.md, run as they are written
there (read from between its markers), on PostgreSQL."""

import re
import shutil
import subprocess
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from wagtail.documents.models import Document
from wagtail.models import Page, Site

from tests.knowledge.factories import NewsIndexPageFactory
from tests.system_tools import require

T = TypeVar("T")
DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"


@pytest.fixture(autouse=True)
def _postgres_client_installed():
    require(
        bool(shutil.which("pg_dump") and shutil.which("pg_restore")),
        what="pg_dump and pg_restore",
        install="apt-get install postgresql-client",
        ci_variable="LEERKRING_REQUIRE_POSTGRES",
    )


def commands(name: str) -> str:
    """The shell block between <!-- name:begin --> and <!-- name:end -->."""
    text = DOC.read_text()
    section = re.search(rf"<!-- {name}:begin -->(.*?)<!-- {name}:end -->", text, re.S)
    assert section, f"docs/deploy.md has no {name} markers"
    block = re.search(r"```sh\n(.*?)```", section.group(1), re.S)
    assert block, f"no sh block between the {name} markers"
    return block.group(1)


def run(script: str, **variables: str) -> None:
    done = subprocess.run(  # noqa: S603
        ["bash", "-eu", "-o", "pipefail", "-c", script],  # noqa: S607
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", **variables},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def database_url(name: str) -> str:
    db = connection.settings_dict
    credentials = quote(db["USER"] or "")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"])
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{name}"


def in_own_connection(work: Callable[[], T]) -> T:
    """``work()`` in a thread, so on a connection of its own that commits at
    once: pg_dump cannot see inside the test's transaction."""
    with ThreadPoolExecutor(max_workers=1) as pool:

        def job() -> T:
            try:
                return work()
            finally:
                connection.close()

        return pool.submit(job).result()


def _content_create() -> tuple[Page, Document]:
    home = Site.objects.get(is_default_site=True).root_page.specific
    slug = f"back-up-{uuid.uuid4().hex[:8]}"
    page = NewsIndexPageFactory(parent=home, title="Back-up-proef", slug=slug)
    document = Document(title=slug)
    document.file.save("verslag.txt", ContentFile(b"Verslag van de proef"))
    return page, document


def _content_delete(page: Page, document: Document) -> None:
    Page.objects.get(pk=page.pk).delete()
    document.file.delete(save=False)
    Document.objects.filter(pk=document.pk).delete()


@pytest.fixture
def committed_content(db):
    if connection.vendor != "postgresql":
        pytest.skip("backups are made with pg_dump: PostgreSQL only")
    page, document = in_own_connection(_content_create)
    yield page, document
    in_own_connection(lambda: _content_delete(page, document))


@pytest.fixture
def restored_database():
    """The name of the database the restore creates; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored_{uuid.uuid4().hex[:8]}"
    yield name
    with psycopg.connect(database_url("postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_and_restore_as_documented(
    committed_content, restored_database, settings, tmp_path
):
    page, document = committed_content
    backups = tmp_path / "backups"
    backups.mkdir()
    database = database_url(connection.settings_dict["NAME"])

    run(
        commands("backup"),
        DATABASE_URL=database,
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        BACKUP_DIR=str(backups),
    )
    (dump,) = backups.glob("leerkring-*.dump")
    stamp = dump.name.removeprefix("leerkring-").removesuffix(".dump")
    restored_media = tmp_path / "restored-media"
    run(
        commands("restore"),
        DATABASE_URL=database,
        DJANGO_MEDIA_ROOT=str(restored_media),
        BACKUP_DIR=str(backups),
        STAMP=stamp,
        RESTORE_DB=restored_database,
    )

    with psycopg.connect(database_url(restored_database)) as conn:
        title = conn.execute(
            "SELECT title FROM wagtailcore_page WHERE slug = %s", [page.slug]
        ).fetchone()
        file_name = conn.execute(
            "SELECT file FROM wagtaildocs_document WHERE title = %s", [document.title]
        ).fetchone()
    assert title == ("Back-up-proef",)
    assert file_name == (document.file.name,)
    assert (restored_media / file_name[0]).read_bytes() == b"Verslag van de proef"
