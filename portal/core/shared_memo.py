"""Values every request shares, kept in this process's memory while the
page cache's generation lasts: the site a host name belongs to, the main
menu. Each was a query (and the ORM building it) on every page a member
sees, and on every page rendered for a visitor.

Only values derived from what visitors see may be kept here: a change to
any of it starts a new generation (portal.core.page_cache), at once in the
process that made it and within PAGE_CACHE_LOCAL_SECONDS in the others. A
value is stored under the generation read *before* it was built, so a
change made while it was being built makes it stale, never the other way
round.
"""

import logging
import threading
from collections.abc import Callable, Hashable
from typing import TypeVar

from .page_cache import generation_current

logger = logging.getLogger(__name__)
T = TypeVar("T")
# Host names and menus: a handful. A flood of made-up host names (refused
# by ALLOWED_HOSTS before they get here) could not grow it past this.
MAX_ENTRIES = 256

_lock = threading.Lock()
_memo: dict[Hashable, tuple[str, object]] = {}


MISSING = object()


def memo_get(key: Hashable) -> tuple[str | None, object]:
    """The current generation, and the value kept for ``key`` under it, or
    MISSING. Store a value built after this with that generation.

    Without the shared cache (Redis gone) there is no generation to trust:
    (None, MISSING), and the caller builds the value as if there were no
    memo. Losing Redis costs speed, never a page."""
    try:
        generation = generation_current()
    except Exception:  # noqa: BLE001 - any failure of the cache backend
        logger.warning("shared memo: the cache does not answer", exc_info=True)
        return None, MISSING
    found = _memo.get(key)
    if found is not None and found[0] == generation:
        return generation, found[1]
    return generation, MISSING


def memo_put(key: Hashable, generation: str | None, value: object) -> None:
    if generation is None:
        return
    with _lock:
        if len(_memo) >= MAX_ENTRIES:
            _memo.clear()
        _memo[key] = (generation, value)


def shared_memo(key: Hashable, build: Callable[[], T]) -> T:
    """``build()``'s value, built once per generation in this process."""
    generation, value = memo_get(key)
    if value is MISSING:
        value = build()
        memo_put(key, generation, value)
    return value  # type: ignore[return-value]


def shared_memo_clear() -> None:
    """For tests: forget every value."""
    with _lock:
        _memo.clear()
