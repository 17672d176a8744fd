"""Word lists beyond Deduce's: Dutch words, and first names of many
countries.

A Dutch word list, to tell a word from a user name or a nickname.

Real user names ("boefjesuitbrummen", "jurrevdm") and nicknames are in no
lexicon; Dutch words are. Deduce's list of common words has 1,000 entries,
too few to say that a word is *not* Dutch. pyspellchecker ships a Dutch
frequency list of 343,000 words (names included, which is fine here: a
known name is no invented user name). We read only its word list, not its
spelling corrector.
"""

from __future__ import annotations

import functools
import gzip
import json
from importlib import resources

#: The list's floor: words (and names) added from a second source without a
#: count have 50; counted words from subtitles have more.
_UNCOUNTED = 50


@functools.cache
def _frequencies() -> dict[str, int]:
    source = resources.files("spellchecker") / "resources" / "nl.json.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as file:
        return json.load(file)


@functools.cache
def dutch_words() -> frozenset[str]:
    """Every word of the Dutch list, lower case; loaded once per process."""
    return frozenset(word.lower() for word in _frequencies())


@functools.cache
def frequent_words() -> frozenset[str]:
    """The 43,000 words the list counted in use ("bakken", "storm"), not
    those it only lists ("wauters"): a name one letter off is no such word."""
    words = frozenset(w.lower() for w, n in _frequencies().items() if n > _UNCOUNTED)
    _frequencies.cache_clear()  # both sets are built; the counts can go
    return words


@functools.cache
def world_first_names() -> frozenset[str]:
    """First names from gender-guesser's list of 61,000 (48 countries),
    lower case, without those that are Dutch words in use ("storm", "van",
    "de"): a name that is also a word needs more than the list to count."""
    from gender_guesser.detector import Detector  # noqa: PLC0415 - only at warm-up

    names = Detector(case_sensitive=False).names
    frequent = frequent_words()
    return frozenset(
        name
        for name in names
        if len(name) >= 3 and name.isalpha() and name not in frequent
    )
