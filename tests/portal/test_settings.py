"""Settings come from environment variables, with embedded defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""),
    "port": str(db.get("PORT", "")), "user": db.get("USER", ""),
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "email_backend": settings.EMAIL_BACKEND,
    "email_host": getattr(settings, "EMAIL_HOST", ""),
    "email_port": getattr(settings, "EMAIL_PORT", 0),
    "email_tls": getattr(settings, "EMAIL_USE_TLS", False),
    "media_root": str(settings.MEDIA_ROOT),
    "debug": settings.DEBUG,
    "hosts": settings.ALLOWED_HOSTS,
}))
"""

VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "DJANGO_MEDIA_ROOT",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_LOG_FORMAT",
)
# Set by the browser tests for Playwright (tests/browser/conftest.py); the
# deployment checks rightly refuse it.
TEST_ONLY = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def _run(probe: str, **variables: str) -> subprocess.CompletedProcess:
    """``probe`` in a fresh interpreter with only ``variables`` set of ours."""
    env = {k: v for k, v in os.environ.items() if k not in (*VARIABLES, *TEST_ONLY)}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.base",
            "DJANGO_SECRET_KEY": "settings-test-key",
            **variables,
        }
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", probe],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


def _settings(**variables: str) -> dict:
    return json.loads(_run(PROBE, **variables).stdout.strip().splitlines()[-1])


def test_defaults_need_nothing_else():
    found = _settings()
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"].endswith("var/leerkring.sqlite3")
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["email_backend"] == "django.core.mail.backends.console.EmailBackend"
    assert found["media_root"].endswith("var/media")
    assert found["debug"] is False


def test_everything_comes_from_the_environment(tmp_path):
    found = _settings(
        DATABASE_URL="postgres://leerkring@db.internal:5433/leerkring",
        REDIS_URL="redis://cache.internal:6379/2",
        EMAIL_URL="smtp+tls://mailer:secret@smtp.internal:587",
        DJANGO_MEDIA_ROOT=str(tmp_path / "uploads"),
        DJANGO_DEBUG="true",
        DJANGO_ALLOWED_HOSTS="leerkring.example.nl,www.leerkring.example.nl",
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert (found["host"], found["port"], found["user"], found["name"]) == (
        "db.internal",
        "5433",
        "leerkring",
        "leerkring",
    )
    assert found["cache"] == "django_redis.cache.RedisCache"
    assert found["cache_location"] == "redis://cache.internal:6379/2"
    assert found["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["email_host"], found["email_port"], found["email_tls"]) == (
        "smtp.internal",
        587,
        True,
    )
    assert found["media_root"] == str(tmp_path / "uploads")
    assert found["debug"] is True
    assert found["hosts"] == ["leerkring.example.nl", "www.leerkring.example.nl"]


LOG_PROBE = """
import logging, django
django.setup()
logging.getLogger("events.services").info(
    "registration %s promoted", 7, extra={"event_id": 3}
)
"""


def test_logs_as_json_lines_for_a_collector():
    result = _run(LOG_PROBE, DJANGO_LOG_FORMAT="json")
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["level"] == "INFO"
    assert line["name"] == "events.services"
    assert line["message"] == "registration 7 promoted"
    assert line["event_id"] == 3
    assert "time" in line


DEPLOY_PROBE = """
import django
from django.core.management import call_command
django.setup()
call_command("check", deploy=True, fail_level="WARNING")
"""


def test_production_profile_passes_the_deployment_checks():
    # Fails (CommandError, non-zero exit) on any warning: HSTS, secure
    # cookies, SSL redirect, X-Frame-Options, a weak secret key, DEBUG.
    result = _run(
        DEPLOY_PROBE,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY="x7-" + "production-like-secret-key-of-fifty-chars" * 2,
        DJANGO_ALLOWED_HOSTS="leerkring.example.nl",
        # Shared by every app server (leerkring.W001-W004 otherwise).
        DATABASE_URL="postgres://leerkring@db.example.nl:5432/leerkring",
        REDIS_URL="redis://cache.example.nl:6379/0",
        LEERKRING_S3_BUCKET="leerkring-media",
    )
    assert "System check identified no issues" in result.stdout


def test_purge_locations_come_from_the_environment():
    probe = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps(settings.WAGTAILFRONTENDCACHE))"
    )
    output = _run(
        probe, FRONTEND_CACHE_PURGE_URLS="http://10.0.0.11,http://10.0.0.12:8080"
    ).stdout

    backends = json.loads(output)
    assert [b["LOCATION"] for b in backends.values()] == [
        "http://10.0.0.11",
        "http://10.0.0.12:8080",
    ]
    assert {b["BACKEND"] for b in backends.values()} == {
        "wagtail.contrib.frontend_cache.backends.HTTPBackend"
    }
