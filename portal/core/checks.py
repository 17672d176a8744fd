"""`manage.py check --deploy`: state that one app server would keep to itself,
where a second server behind the load balancer could not see it."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning


def shared_state_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    found = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        found.append(
            Warning(
                "The database is SQLite, a file on this server.",
                hint="Set DATABASE_URL to a PostgreSQL server.",
                id="leerkring.W001",
            )
        )
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        found.append(
            Warning(
                "The cache is not shared: rate limits and cached pages would "
                "be counted and kept per server.",
                hint="Set REDIS_URL.",
                id="leerkring.W002",
            )
        )
    if settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend"):
        found.append(
            Warning(
                "Background tasks run inside the request: mail is sent while "
                "the visitor waits.",
                hint="Leave LEERKRING_TASKS_BACKEND unset (or 'database') and "
                "run manage.py db_worker.",
                id="leerkring.W003",
            )
        )
    if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
        found.append(
            Warning(
                "Uploads are kept on this server's disk (MEDIA_ROOT).",
                hint="Set LEERKRING_S3_BUCKET, or silence leerkring.W004 where "
                "MEDIA_ROOT is one disk all servers share.",
                id="leerkring.W004",
            )
        )
    return found
