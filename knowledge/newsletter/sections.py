"""What a digest is made of. Apps that add to it (see signals.py) build these
plain values, so the newsletter never needs their models."""

from dataclasses import asdict, dataclass
from typing import Any

# At most this many items per section; the mail says how many more the site
# has, so a busy month (or loading the demo) does not produce a huge mail.
SECTION_LIMIT = 25


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str  # as the page gives it; the newsletter makes it absolute
    summary: str
    meta: str  # one short line: the date, and for meetings the place


@dataclass(frozen=True)
class DigestSection:
    key: str  # stable: "news", "events"
    heading: str
    order: int  # sections appear in the mail by this number
    items: tuple[DigestItem, ...]
    total: int  # items in the period, of which ``items`` are the first

    def as_data(self) -> dict[str, Any]:
        return asdict(self)
