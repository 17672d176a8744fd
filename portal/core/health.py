"""Health endpoints for the load balancer and the orchestrator.

``/health/live`` answers as long as the process serves requests;
``/health/ready`` also checks that the database and the cache answer, so a
server that lost either is taken out of rotation instead of serving errors.
Neither touches the session or a template, and neither is ever cached.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means: not ready
        logger.exception("readiness: the database does not answer")
        return False


def _cache_answers() -> bool:
    key, value = "health:ready", str(time.time_ns())
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:  # any failure means: not ready
        logger.exception("readiness: the cache does not answer")
        return False


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
