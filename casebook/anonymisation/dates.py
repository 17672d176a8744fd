"""Dates of birth, told apart from the dates of events.

A case needs its dates ("op 12 maart 2024 om 21.00 uur"), so Deduce's dates
are only candidates. A date is taken for a date of birth when its context
says so:

- after a birth cue in the same sentence: "geboren op", "geb.",
  "geboortedatum", "geboortejaar", with no other date in between;
- in brackets or after a comma right behind a name or a person noun:
  "Jan de Vries (03-04-2007)", "de verdachte, 03-04-2007,";
- next to an age: "de 16-jarige (03-04-2007)", "03-04-2007 (16 jaar)".

The last two are weaker signs, so there the date must also lie eight years
or more in the past ("Pedojagers Emmen, 2 februari 2024" heads a report),
unless it stands in brackets right behind the name or next to an age: a
young child's date of birth ("Jip (03-04-2021)") is one too.

A year on its own counts only right after a birth cue ("geboren in 2007").
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator

import regex

from . import lexicon
from .detectors import DATE, Candidate
from .labels import Label
from .scanning import lowered_text, matches_at, places

_BIRTH_CUE = regex.compile(
    r"(?i)(?<![\w])(?:geboren|geb\.|geb(?=\s*[:(]?\s*\d)|geboortedatum|geboortedag"
    r"|geboortejaar|geb\.?\s?datum|geb\.\s?d\.|d\.o\.b\.?|dob|date\sof\sbirth"
    r"|\*(?=\s?\d))"
)
#: How every match of ``_BIRTH_CUE`` begins.
_BIRTH_CUE_HEADS = ("geb", "d.o.b", "dob", "date", "*")
_SENTENCE_END = regex.compile(r"[.!?](?:\s+\p{Lu}|\s*\n)|\n\n")
_YEAR_AFTER_CUE = regex.compile(
    r"^[\s:]{0,3}(?:(?:op|in|te\s\p{Lu}\p{L}+(?:\s(?:op|in))?|het\sjaar)\s){0,2}"
    r"\(?(?P<year>(?:19|20)\d{2})(?!\d|-\d|/\d)"
)
_AGE = r"\d{1,2}(?:[- ]?jarige?|\s?jaar(?:\soud)?|\s?jr\.?)"
_AGE_BEFORE = regex.compile(rf"(?i){_AGE}[\s\w,]{{0,25}}[(,]\s*$")
_AGE_AFTER = regex.compile(rf"(?i)^\s*[),]?\s*[(,]?\s*{_AGE}")
_PERSON_NOUN_BEFORE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(n) for n in sorted(lexicon.PERSON_NOUNS, key=len)[::-1])
    + r")\s*(?:[(]|,)\s*(?:geb\.?\s*)?$"
)
#: What ``_PERSON_NOUN_BEFORE``, ``_RIGHT_AFTER_NAME`` (on the end of the
#: same text) and ``_AGE_BEFORE`` leave at the end of what they search when
#: its white space is stripped: a text that ends otherwise is not searched
#: (#13). (A test checks that ``str.rstrip`` strips every character ``\s``
#: matches.)
_NOUN_TAIL = ("(", ",", ".", "b", "B")  # "(", ",", "geb", "geb."
_AGE_TAIL = ("(", ",")
_RIGHT_AFTER_NAME = regex.compile(r"^\s*(?:[(]|,)\s*(?:geb\.?\s*)?$")


def _cue_spans(text: str) -> list[tuple[int, int]]:
    # Tried only where a cue begins: a scan of the text costs (#13).
    lowered = lowered_text(text)
    if lowered is None:
        matches = _BIRTH_CUE.finditer(text)
    else:
        matches = matches_at(_BIRTH_CUE, text, places(lowered, _BIRTH_CUE_HEADS))
    return [match.span() for match in matches]


def _same_sentence(text: str, start: int, end: int) -> bool:
    return _SENTENCE_END.search(text, start, end) is None


def _after_cue(
    text: str, date: tuple[int, int], cue_ends: list[int], starts: list[int]
) -> bool:
    """Within 60 characters after a cue in the same sentence, and the first
    date after it (later dates in that sentence are not the birth date)."""
    low = bisect.bisect_left(cue_ends, date[0] - 60)
    high = bisect.bisect_right(cue_ends, date[0])
    for cue_end in cue_ends[low:high]:
        if not _same_sentence(text, cue_end, date[0]):
            continue
        first_after = bisect.bisect_left(starts, cue_end)
        if starts[first_after] == date[0]:
            return True
    return False


def _next_to_person(text: str, date: tuple[int, int], person_ends: list[int]) -> bool:
    """``person_ends`` sorted."""
    before = text[max(0, date[0] - 40) : date[0]]
    if not before.rstrip().endswith(_NOUN_TAIL):
        return False  # neither pattern can match what ends so (#13)
    if _PERSON_NOUN_BEFORE.search(before):
        return True
    low = bisect.bisect_left(person_ends, date[0] - 12)
    high = bisect.bisect_right(person_ends, date[0])
    return any(
        _RIGHT_AFTER_NAME.match(text[end : date[0]]) for end in person_ends[low:high]
    )


_AGE_NUMBER = regex.compile(r"\d{1,2}")


def _next_to_age(text: str, date: tuple[int, int]) -> bool:
    """Next to an age that fits it: "de 16-jarige (03-04-2009)", but not
    "een 14-jarige, Dongen, 21 mei 2025", which dates the report."""
    before = text[max(0, date[0] - 45) : date[0]]
    after = text[date[1] : date[1] + 20]
    match = (
        before.rstrip().endswith(_AGE_TAIL) and _AGE_BEFORE.search(before)
    ) or _AGE_AFTER.match(after)
    if not match:
        return False
    age = int(_AGE_NUMBER.search(match.group()).group())
    year = _year_of(text, date)
    return year is None or year <= dt.date.today().year - age + 1


_YEAR = regex.compile(r"(?:(?<!\d)((?:19|20)\d{2})|['`](\d{2})|[-/. ](\d{2}))(?!\d)")


def _year_of(text: str, date: tuple[int, int]) -> int | None:
    years = _YEAR.findall(text[date[0] : date[1]])
    if not years:
        return None
    full, short, trailing = years[-1]
    year = int(full) if full else 2000 + int(short or trailing)
    if year > dt.date.today().year:
        year -= 100
    return year


def _old_enough(text: str, date: tuple[int, int]) -> bool:
    """True when the date lies eight years or more in the past (or its year
    cannot be read)."""
    year = _year_of(text, date)
    return year is None or year <= dt.date.today().year - 8


_LIST_JOIN = regex.compile(r"\s*(?:,|en|&)\s*")


def birth_dates(
    text: str, dates: list[tuple[int, int]], person_ends: list[int]
) -> Iterator[Candidate]:
    """Candidates for the dates (and birth years) that are dates of birth."""
    cues = _cue_spans(text)
    cue_ends = sorted(end for _, end in cues)
    starts = sorted(start for start, _ in dates)
    ends = sorted(person_ends)
    births: set[tuple[int, int]] = set()
    for date in sorted(dates):
        near_person = _next_to_person(text, date, ends)
        near_age = _next_to_age(text, date)
        bracketed = near_person and text[: date[0]].rstrip().endswith("(")
        listed = any(
            _LIST_JOIN.fullmatch(text[end : date[0]]) for _, end in births
        )  # "(geb. 30-09-2019 en 12-11-2022)"
        if (
            _after_cue(text, date, cue_ends, starts)
            or near_age
            or bracketed
            or listed
            or (near_person and _old_enough(text, date))
        ):
            births.add(date)
            yield Candidate(date[0], date[1], Label.BIRTH_DATE, DATE)
    for _, cue_end in cues:
        match = _YEAR_AFTER_CUE.match(text[cue_end : cue_end + 40])
        if match is None:
            continue
        start = cue_end + match.start("year")
        if not any(s <= start < e for s, e in dates):
            yield Candidate(start, start + 4, Label.BIRTH_DATE, DATE)
