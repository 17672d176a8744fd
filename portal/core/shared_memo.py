"""Values every request shares, kept in this process's memory while the
page cache's generation lasts: the site a host name belongs to, the main
menu, where a path leads, the restrictions on a page, rendered fragments
of member pages. Each was a query (and the ORM building it) or a
rendering on every page a member sees, and on every page rendered for a
visitor.

Only values derived from what visitors see may be kept here: a change to
any of it starts a new generation (portal.core.page_cache), at once in the
process that made it and within PAGE_CACHE_LOCAL_SECONDS in the others. A
value is stored under the generation read *before* it was built, so a
change made while it was being built makes it stale, never the other way
round.

Each kind of value has a store of its own with its own bound, so that many
paths or fragments never push out the site or the menu.
"""

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from .page_cache import generation_current

logger = logging.getLogger(__name__)
T = TypeVar("T")

MISSING = object()


class MemoStore:
    """At most ``max_entries`` values, the least recently used going first;
    with ``max_age``, none older than that many seconds (for values that
    also depend on the time, such as which meetings are still to come).
    With ``per_generation=False`` only the age ends a value: for something
    that is no content, which a new generation says nothing about."""

    def __init__(
        self,
        name: str,
        max_entries: int,
        max_age: float | None = None,
        *,
        per_generation: bool = True,
    ):
        self.name = name
        self.max_entries = max_entries
        self.max_age = max_age
        self.per_generation = per_generation
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, tuple[str, float, object]] = OrderedDict()
        _stores.append(self)

    def get(self, key: Hashable) -> tuple[str | None, object]:
        """The current generation, and the value kept for ``key`` under it,
        or MISSING. Store a value built after this with that generation.

        Without the shared cache (Redis gone) there is no generation to
        trust: (None, MISSING), and the caller builds the value as if there
        were no memo. Losing Redis costs speed, never a page."""
        try:
            generation = generation_current() if self.per_generation else ""
        except Exception:  # noqa: BLE001 - any failure of the cache backend
            logger.warning("shared memo: the cache does not answer", exc_info=True)
            return None, MISSING
        found = self._values.get(key)
        if found is None or found[0] != generation:
            return generation, MISSING
        if self.max_age is not None and time.monotonic() - found[1] >= self.max_age:
            return generation, MISSING
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
        return generation, found[2]

    def put(self, key: Hashable, generation: str | None, value: object) -> None:
        if generation is None:
            return
        with self._lock:
            self._values[key] = (generation, time.monotonic(), value)
            self._values.move_to_end(key)
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)

    def remember(self, key: Hashable, build: Callable[[], T]) -> T:
        """``build()``'s value, built once per generation in this process."""
        generation, value = self.get(key)
        if value is MISSING:
            value = build()
            self.put(key, generation, value)
        return value  # type: ignore[return-value]

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)


_stores: list[MemoStore] = []

# Host names and menus: a handful. A flood of made-up host names (refused
# by ALLOWED_HOSTS before they get here) could not grow it past this.
default_store = MemoStore("site and menu", max_entries=256)


def memo_get(key: Hashable) -> tuple[str | None, object]:
    return default_store.get(key)


def memo_put(key: Hashable, generation: str | None, value: object) -> None:
    default_store.put(key, generation, value)


def shared_memo(key: Hashable, build: Callable[[], T]) -> T:
    """``build()``'s value, built once per generation in this process."""
    return default_store.remember(key, build)


def shared_memo_clear() -> None:
    """For tests: forget every value of every store."""
    for store in _stores:
        store.clear()
