"""Run a ``re`` pattern only where it can start.

``re`` tries a pattern at every position of the text unless the pattern
opens with a literal. Deduce's date and phone patterns open with a
lookbehind (``(?<!\\d)``), so ``re`` cannot skip ahead, and each of them
cost as much as tokenising the text (#13). Every match of them starts with
a digit, a quote, a bracket or a plus: :func:`finditer` reads from the
pattern itself which characters a match can start with, finds those with a
one-class pattern (which ``re`` scans in C), and tries the pattern only
there. Where the pattern can start with anything (or with nothing), it
falls back to the pattern's own ``finditer``.

The analysis uses ``re``'s parser (``re._parser``): private, so anything
it does not know gives up (no shortcut) rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from re import _constants as sre  # noqa: PLC2701 - see the module docstring
from re import _parser  # noqa: PLC2701

#: Ops that match no character: skipped when looking for the first one.
_ZERO_WIDTH = {sre.ASSERT, sre.ASSERT_NOT, sre.AT}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


class _Anywhere(Exception):
    """A path through the pattern can start with any character."""


def finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, the same matches, trying the pattern
    only at the characters a match can start with."""
    starts = start_class(pattern)
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for cue in starts.finditer(text):
        position = cue.start()
        # A match is never empty (the class exists only then), so taking
        # the next one from its end is what finditer does.
        if position >= end and (match := pattern.match(text, position)):
            yield match
            end = match.end()


@cache
def start_class(pattern: re.Pattern) -> re.Pattern | None:
    """A one-character pattern matching every character that can start a
    match of ``pattern``; None when that is any character, or when the
    pattern can match the empty string."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        nullable, items = _starts(list(parsed), parsed.state.flags)
    except (_Anywhere, re.error):
        return None
    if nullable:
        return None
    flags = pattern.flags & (re.IGNORECASE | re.ASCII)
    return re.compile("[" + "".join(sorted(items)) + "]", flags)


def _starts(sequence: list, flags: int) -> tuple[bool, set[str]]:
    """Whether ``sequence`` can match the empty string, and the class items
    (as written in ``[...]``) of the characters it can start with. Raises
    _Anywhere where one of its paths can start with any character."""
    items: set[str] = set()
    for op, value in sequence:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return False, items | {re.escape(chr(value))}
        if op is sre.IN:
            return False, items | _class_items(value)
        if op is sre.SUBPATTERN:
            if ((flags | value[1]) & ~value[2]) ^ flags:
                raise _Anywhere  # flags changed inside: not worth following
            nullable, found = _starts(list(value[3]), flags)
        elif op is sre.BRANCH:
            nullable, found = False, set()
            for branch in value[1]:
                branch_nullable, branch_found = _starts(list(branch), flags)
                nullable = nullable or branch_nullable
                found |= branch_found
        elif op in _REPEATS:
            minimum, _, body = value
            nullable, found = _starts(list(body), flags)
            nullable = nullable or minimum == 0
        else:
            raise _Anywhere  # ANY, NOT_LITERAL, a group reference, ...
        items |= found
        if not nullable:
            return False, items
    return True, items


def _class_items(value: list) -> set[str]:
    items: set[str] = set()
    for op, item in value:
        if op is sre.LITERAL:
            items.add(re.escape(chr(item)))
        elif op is sre.RANGE:
            items.add(f"{re.escape(chr(item[0]))}-{re.escape(chr(item[1]))}")
        elif op is sre.CATEGORY and item in _CATEGORIES:
            items.add(_CATEGORIES[item])
        else:
            raise _Anywhere  # a negated class, ...
    return items
