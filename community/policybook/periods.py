"""Half years as advisers write them: ``2026-H1`` (1 January to 30 June)
and ``2026-H2`` (1 July to 31 December), in the site's time zone."""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import PolicyBookError

_PATTERN = re.compile(r"^(\d{4})-H([12])$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class HalfYear:
    year: int
    half: int

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def start(self) -> dt.datetime:
        return timezone.make_aware(
            dt.datetime(self.year, 1 if self.half == 1 else 7, 1)
        )

    @property
    def end(self) -> dt.datetime:
        """Exclusive: the first moment after the half year."""
        if self.half == 1:
            return timezone.make_aware(dt.datetime(self.year, 7, 1))
        return timezone.make_aware(dt.datetime(self.year + 1, 1, 1))

    @property
    def last_day(self) -> dt.date:
        return (self.end - dt.timedelta(days=1)).date()

    def label(self) -> str:
        if self.half == 1:
            return _("first half of {year}").format(year=self.year)
        return _("second half of {year}").format(year=self.year)


def half_year_parse(text: str) -> HalfYear:
    """The half year ``text`` names, or PolicyBookError saying how to write it."""
    text = (text or "").strip().upper()
    match = _PATTERN.match(text)
    if not match:
        raise PolicyBookError(
            _(
                "“{text}” is not a half year. Write the year, a hyphen and H1 "
                "or H2, for example 2026-H1 (January to June) or 2026-H2 "
                "(July to December)."
            ).format(text=text)
            if text
            else _("Give a half year, for example 2026-H1.")
        )
    year, half = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PolicyBookError(
            _("Choose a year between {first} and {last}.").format(
                first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return HalfYear(year=year, half=half)


def half_year_of(moment: dt.datetime) -> HalfYear:
    local = timezone.localtime(moment)
    return HalfYear(year=local.year, half=1 if local.month <= 6 else 2)
