"""The calendar feeds, rendered once and kept in the cache.

Calendar programs poll a subscribed feed every few minutes, and rendering
it costs a few milliseconds per event (icalendar builds and folds every
line). A published, unpublished or deleted event changes the version, so
the next poll renders afresh; the timeout lets events that have ended drop
out of the feed without any publish.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from .ical import calendar_render
from .selectors import events_for_feed

VERSION_KEY = "events:feed-version"
TIMEOUT_SECONDS = 15 * 60


def feed_body(*, kind: str | None, base_url: str, name: str) -> bytes:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        cache.set(VERSION_KEY, version, timeout=None)
    key = f"events:feed:{version}:{kind or 'all'}:{get_language()}:{base_url}"
    body = cache.get(key)
    if body is None:
        body = calendar_render(events_for_feed(kind=kind), base_url=base_url, name=name)
        cache.set(key, body, timeout=TIMEOUT_SECONDS)
    return body


def feed_forget() -> None:
    """Once the change is committed: a poll between the change and the commit
    would otherwise store the old state under the new version."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, time.time_ns(), timeout=None))
