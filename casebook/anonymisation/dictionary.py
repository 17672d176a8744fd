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


@functools.cache
def dutch_words() -> frozenset[str]:
    """Every word of the Dutch list, lower case; loaded once per process."""
    source = resources.files("spellchecker") / "resources" / "nl.json.gz"
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as file:
        frequencies: dict[str, int] = json.load(file)
    return frozenset(word.lower() for word in frequencies)
