"""Project-wide guarantees: migrations, production checks, the Dutch catalogue."""

import gettext
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_production_profile_passes_deploy_checks():
    # The browser tests' event-loop allowance is not part of a deployment.
    inherited = {
        k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    env = {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "DJANGO_SECRET_KEY": "q8#Lw2!vR9zT4mXp7&Kc1nB6yH3sJ0dF5gA8eU2iO7lZ4wQ9rV",
        "DJANGO_ALLOWED_HOSTS": "leerkring.example.nl",
        "WAGTAILADMIN_BASE_URL": "https://leerkring.example.nl",
        # Shared by every app server (leerkring.W001-W004 otherwise).
        "DATABASE_URL": "postgres://leerkring@db.example.nl:5432/leerkring",
        "REDIS_URL": "redis://cache.example.nl:6379/0",
        "LEERKRING_S3_BUCKET": "leerkring-media",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_needs_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_dutch_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.percent_translated() == 100, [
        e.msgid for e in catalogue.untranslated_entries()
    ]
    assert not catalogue.fuzzy_entries()


def test_compiled_catalogue_matches_the_source():
    catalogue = polib.pofile(str(CATALOGUE))
    with open(CATALOGUE.with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue.translated_entries():
        if entry.msgid_plural or entry.msgctxt:
            continue
        assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid
