"""Dutch text analysis of the site search, the same on every database: the
index and the query pass through ``analyse`` so both hold Snowball stems.

PostgreSQL's 'dutch' configuration stems only where PostgreSQL runs and
SQLite has no stemmer at all; stemming here, before the text reaches the
database, makes both find the same pages (PostgreSQL then indexes with
'simple', which only lowercases, so it does not stem a stem again).
"""

import re
from functools import lru_cache

import snowballstemmer

# The word characters FTS5 (unicode61) and PostgreSQL's parser agree on: no
# underscore, which one of them would split and the other keep.
WORD = re.compile(r"[^\W_]+")
_VOWELS = frozenset("aeiouy")
_DOUBLE = re.compile(r"([bcdfghjklmnpqrstvwxz])\1$")

# PostgreSQL's Dutch stop words (tsearch_data/dutch.stop, from Snowball):
# they say nothing about a page, so they are neither indexed nor required.
STOP_WORDS = frozenset(
    "de en van ik te dat die in een hij het niet zijn is was op aan met als "
    "voor had er maar om hem dan zou of wat mijn men dit zo door over ze zich "
    "bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u "
    "want nog zal me zij nu ge geen omdat iets worden toch al waren veel meer "
    "doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd "
    "altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw "
    "iemand geweest andere".split()
)

# Snowball's original Dutch stemmer (PostgreSQL's too). The newer 'dutch' of
# Snowball 3 joins 'rel'/'rellen' but strips 'ge-' ('gemeente' -> 'meen',
# like 'mening'; 'geweld' -> 'wel') and splits 'maatregel'/'maatregelen'.
_STEMMER = snowballstemmer.stemmer("dutch_porter")


def _plural_s(word: str) -> str:
    """The word without the -s that Dutch adds to nouns ending in a single
    vowel ('demonstraties', 'gemeentes', 'camera'), which Snowball keeps:
    it only strips -s after a consonant. Not after a double vowel ('huis',
    'kaas', 'reis'), where the s belongs to the word."""
    if len(word) > 4 and word[-1] == "s" and word[-2] in _VOWELS:
        if word[-3] not in _VOWELS or word.endswith("ies"):
            return word[:-1]
    return word


def _undouble(stem: str) -> str:
    """Snowball strips -en but undoubles only k, d and t, so 'rellen' stems
    to 'rell' and 'dwangsommen' to 'dwangsomm' while 'rel' and 'dwangsom'
    stay: a final double consonant is made single, on both sides alike."""
    return stem[:-1] if _DOUBLE.search(stem) else stem


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The search stem of one lower-case word: Snowball's Dutch stem, with
    the two joins it misses (see ``_plural_s`` and ``_undouble``)."""
    return _undouble(_STEMMER.stemWord(_plural_s(word)))


def words(text: str) -> list[str]:
    """The lower-case words of ``text``, in order."""
    return WORD.findall(text.lower())


def analyse(text: str) -> str:
    """The stems of the words of ``text`` that are not stop words, joined
    by spaces: what the index holds and what a query asks for."""
    return " ".join(stem(word) for word in words(text) if word not in STOP_WORDS)
