"""Safe readers of the numbers people put in addresses and forms by hand.

A value from outside is text; these turn it into a year, a month or a
database id, or ``None`` when it is none of those. ``str.isdigit()`` is not
enough: it accepts superscripts and other digits (``²``) that ``int()``
refuses, and a number can be far larger than any date or database integer
holds (OverflowError, ValueError from the ORM).
"""

import datetime as dt

# The widest integer the databases store (SQLite and a PostgreSQL bigint).
ID_RANGE = range(-(2**63), 2**63)
# Years a date can hold with room for "the month after" (see parse_month).
_YEARS = range(1, 9999)


def _ascii_int(value: object) -> int | None:
    text = str(value).strip() if value is not None else ""
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    return int(text)


def id_in_range(value: object) -> bool:
    """Whether ``value`` is an integer a database id column can hold."""
    try:
        return int(str(value).strip()) in ID_RANGE
    except ValueError:
        return False


def parse_id(value: object) -> int | None:
    """A positive database id written in ASCII digits, or None."""
    number = _ascii_int(value)
    return number if number is not None and 0 < number < 2**63 else None


def parse_year(value: object) -> int | None:
    """A four-digit year a date can hold (``2024``), or None."""
    text = str(value).strip() if value is not None else ""
    number = _ascii_int(text) if len(text) == 4 else None
    return number if number in _YEARS else None


def parse_month(value: object) -> dt.date | None:
    """The first day of a month written as ``2026-12``, or None. The year
    leaves room for the month after it, which the filters use as the end."""
    year, _dash, month = str(value or "").strip().partition("-")
    year_number, month_number = parse_year(year), _ascii_int(month)
    if year_number is None or month_number is None or len(month) != 2:
        return None
    if not 1 <= month_number <= 12:
        return None
    return dt.date(year_number, month_number, 1)
