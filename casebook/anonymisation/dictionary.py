"""A Dutch word list, to tell a word from a user name or a nickname.

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
