"""Where to try a pattern: shortcuts that give exactly the matches of a
scan over the whole text, found faster (#13).

A ``regex`` pattern scanned over a text is tried at every character; most
of the anonymiser's patterns can only match where a word or a mark stands
("account", an "@", a digit before a dash). The detectors find those places
with ``str.find`` in the text lowered once, and try the pattern only there.
Each caller says in its docstring why no match can start elsewhere, and a
test compares it with the full scan.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import regex

#: The only characters for which a case-insensitive match of an ASCII word
#: differs from finding the word in the lower-case text at the same place:
#: ``regex`` takes "ſ" for "s" but it lowers to itself, and "İ" for "i" but
#: it lowers to two characters. A test checks every character.
CASE_ODD = ("ſ", "İ")


# The detectors ask for one text after another: the last is kept, so each
# text is lowered once, not once per detector.
@functools.lru_cache(maxsize=1)
def lowered_text(text: str) -> str | None:
    """``text.lower()``, in which an ASCII word stands exactly where a
    case-insensitive pattern of that word matches ``text``; None for the
    rare text where that does not hold (then the caller scans)."""
    if any(odd in text for odd in CASE_ODD):
        return None
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, overlapping ones included."""
    at = text.find(word)
    while at != -1:
        yield at
        at = text.find(word, at + 1)


def places(text: str, words: Iterable[str]) -> list[int]:
    """Where any of ``words`` starts in ``text``, overlapping ones included,
    in order, each place once."""
    # ``in`` first: most words are not in the text, and a generator for
    # each costs more than the test.
    return sorted(
        {at for word in words if word in text for at in occurrences(text, word)}
    )


def matches_at(
    pattern: regex.Pattern, text: str, starts: Iterable[int]
) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)`` for a pattern whose every
    match starts at one of ``starts`` (ascending, each once; no ``^`` or
    ``\\G`` in the pattern): tried only there, left to right, skipping what
    a match covers, as ``finditer`` does. ``match(text, start)`` sees the
    text before ``start``, as a lookbehind does."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            yield match
            end = match.end()


class CueWords:
    """ASCII words to find in a text (lower-case ones in the text from
    :func:`lowered_text`), grouped under a part that each word of a group
    holds: where the part is missing, none of its words is looked for
    (#13). A word that begins with another is left out: it starts where
    that one does."""

    def __init__(self, words: Iterable[str], parts: Iterable[str] = ()) -> None:
        words = list(dict.fromkeys(words))
        self._groups: dict[str, list[str]] = {}
        for word in words:
            if not any(other != word and word.startswith(other) for other in words):
                part = next((part for part in parts if part in word), "")
                self._groups.setdefault(part, []).append(word)

    def places(self, lowered: str) -> list[int]:
        """What :func:`places` finds for all the words."""
        found: set[int] = set()
        for part, words in self._groups.items():
            if part in lowered:
                found.update(places(lowered, words))
        return sorted(found)


def alternation_of(words: Iterable[str]) -> regex.Pattern:
    """The case-insensitive pattern of ``words``, for a text that
    :func:`lowered_text` cannot lower."""
    return regex.compile("(?i)" + "|".join(regex.escape(word) for word in words))


class CharClass(dict[str, bool]):
    """Whether a character is in a ``regex`` character class
    (``char_class[ch]``), remembered per character: a call of the pattern
    for each would cost more than the match it saves (#13)."""

    def __init__(self, char_class: str) -> None:
        super().__init__()
        self._pattern = regex.compile(char_class)

    def __missing__(self, ch: str) -> bool:
        known = self[ch] = self._pattern.fullmatch(ch) is not None
        return known


def starts_near(
    text: str, cues: Iterable[int], reach: int, before: CharClass, first: CharClass
) -> list[int]:
    """The places at most ``reach`` characters before one of ``cues`` (in
    order) where a pattern that opens with ``(?<!before)first`` can match,
    in order. Each place is looked at once, though cues lie close together
    (the digits of a date)."""
    starts: list[int] = []
    done = 0
    for cue in cues:
        for start in range(max(done, cue - reach), cue + 1):
            if first[text[start]] and (start == 0 or not before[text[start - 1]]):
                starts.append(start)
        done = max(done, cue + 1)
    return starts


#: What a word is made of, for patterns that open with ``(?<![\w-])``.
WORD_OR_DASH = CharClass(r"[\w-]")
