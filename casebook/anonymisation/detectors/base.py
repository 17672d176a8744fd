"""What every detector shares: the candidate, the lookup data, priorities.

Each detector is a function ``(text, context) -> Iterator[Candidate]``. They
may overlap each other and Deduce; the engine keeps the candidate with the
highest priority (then the longest). Patterns are written so that a long
text cannot make them backtrack: every repetition is bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from ..labels import Label
from ..scanning import matches_at

# Priorities: a structured number beats a name that happens to lie inside
# it; a school or an address beats the person it is named after.
CUE_NUMBER, STRUCTURED, HANDLE, PHONE, PLACE, DATE, PERSON = 50, 40, 35, 30, 25, 20, 10


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: Label
    priority: int


@dataclass(frozen=True)
class Context:
    """Lookup data the detectors need (from Deduce's lists, lower case)."""

    streets: frozenset[str]
    placenames: frozenset[str]
    common_words: frozenset[str]
    stop_words: frozenset[str]
    #: Tussenvoegsels, and each of their words ("van", "der", "'t").
    interfixes: frozenset[str]
    #: Place names as they appear in a domain: "denhaag", "alphenaandenrijn".
    domain_places: frozenset[str]
    #: Deduce's first names, lower case.
    first_names: frozenset[str]
    #: Deduce's surnames, lower case.
    surnames: frozenset[str]
    #: Beginnings (4 letters and more) of place names, to tell the adjective
    #: of a place ("Goudse", "Tilburgse") from a name.
    place_prefixes: frozenset[str]
    #: Every Dutch word and known name, lower case (``dictionary.py``): a
    #: lower-case word outside it is invented, as user names are.
    dictionary: frozenset[str]
    #: Of those, the words counted in use (``dictionary.frequent_words``).
    frequent_words: frozenset[str]


Detector = Callable[[str, Context], Iterator[Candidate]]

QUOTE = "'\"‘’“”„‚"
TRAILING_PUNCTUATION = ".,;:!?)]}'\"’”"

# Names and school names never run over a line end: in HTML that is the
# end of a paragraph or a list item. H is the space within a line.
H = r"[ \t\xa0]"
NAME_WORD = r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*){0,3}"


def finditer_near(
    pattern: regex.Pattern, text: str, cues: regex.Pattern, reach: int
) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, found faster: ``pattern``
    is tried only where it can start, at most ``reach`` characters before a
    hit of ``cues``. A long pattern tried at every character costs more
    than a short one that finds the few places to try it (#13).

    Only for a pattern whose every match has a hit of ``cues`` (under the
    same flags) that many characters from its start, and without ``^`` or
    ``\\G``: ``match(text, start)`` sees the text before ``start`` as a
    lookbehind does. Taken from left to right, skipping what a match
    covers, as ``finditer`` does.
    """
    starts = sorted(
        {
            start
            for cue in cues.finditer(text, overlapped=True)
            for start in range(max(0, cue.start() - reach), cue.start() + 1)
        }
    )
    return matches_at(pattern, text, starts)
