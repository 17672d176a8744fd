"""Postcodes and street addresses."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..labels import Label
from ..scanning import CASE_ODD
from .base import (
    PLACE,
    Candidate,
    Context,
)

_POSTCODE = regex.compile(
    r"(?<![\w-])(?P<digits>[1-9]\d{3})(?P<space>\s?)(?P<letters>[A-Z]{2}|[a-z]{2})"
    r"(?![\w-])"
)
#: Upper-case pairs that after a year are words ("in 2024 OM en politie").
_POSTCODE_WORDS = frozenset(
    "OM EU NL VS UK AM PM EN IN OP TE BV NV KM MM CM KG ME OK NU DE ZO JA IK".split()
)
_FOLLOWED_BY_PLACE = regex.compile(r"^,?\s{1,3}(?:te\s)?\p{Lu}\p{L}")
#: A house number right before: "Kerkstraat 12, 1234 AB". Compiled once:
#: regex.search(string, ...) looks its pattern up in a cache on every call (#13).
_HOUSE_NUMBER_BEFORE = regex.compile(r"\d\s?[a-zA-Z]?,?\s*$")


def detect_postcodes(text: str, context: Context) -> Iterator[Candidate]:
    for match in _POSTCODE.finditer(text):
        letters = match.group("letters")
        after = text[match.end() : match.end() + 40]
        before = text[max(0, match.start() - 30) : match.start()]
        near_address = _FOLLOWED_BY_PLACE.match(after) or _HOUSE_NUMBER_BEFORE.search(
            before
        )
        if letters.upper() in {"SA", "SD", "SS"}:
            continue
        year_like = 1900 <= int(match.group("digits")) <= 2100
        # "1234ab" only written together, and never "2024 in Den Haag".
        if letters.islower() and (match.group("space") or year_like):
            continue
        if year_like and letters.upper() in _POSTCODE_WORDS and not near_address:
            continue
        yield Candidate(match.start(), match.end(), Label.POSTCODE, PLACE)


#: The endings of a street name ("Dorpsstraat", "Kerkweg").
STREET_ENDINGS = (
    *"straat str. laan weg plein gracht kade singel dijk dreef hof markt".split(),
    *"pad park plantsoen steeg baan dam boulevard allee erf veld hout burg".split(),
    *"pier wal haven brink ring plaats poort akker oord rade wijk zijde".split(),
    "straatje",
)
_STREET_ENDING = f"(?:{'|'.join(regex.escape(ending) for ending in STREET_ENDINGS)})"
#: Searched from the end (?r): tried forwards, every letter of a word began
#: the alternation again; backwards, only the end can match (#13).
STREET_SUFFIX = regex.compile(rf"(?ri){_STREET_ENDING}$")
#: With a house number after it, more endings make a street: new-build
#: streets and a hamlet's lanes ("Klaverweide 14", "Bongerdkamp 3"). Not in
#: STREET_SUFFIX, which also decides that a word is no name ("Verhoek").
_ADDRESS_SUFFIX = regex.compile(
    rf"(?ri){_STREET_ENDING[:-1]}"
    r"|weide|kamp|gaarde|stede|donk|hoek|schans|zoom|kant|hage|horst|vliet)$"
)
_HOUSE_NUMBER = regex.compile(
    r"(?<=[\p{L}.'’]\s{1,3})(?P<number>[1-9]\d{0,3})"
    r"(?P<addition>\s?-?\s?[a-zA-Z](?![\w])|\s?-\s?\d{1,4}(?!\d)"
    r"|\s?-?\s?(?:hs|bis|zw|rd|I{1,3}|huis|bg|boven)\b)?"
    # Not a count: "het Malieveld 2000 demonstranten", "de Dam 300 supporters".
    r"(?![\w]|[.,:]\d|\s?(?:%|uur|jaar|keer|euro|minuten|man|mensen|personen"
    r"|jongeren|deelnemers|leden|volgers|berichten|views|meter|km|auto's"
    # "camerabeelden Ridderplein 14 maart": a date.
    r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
    r"|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
    r"|\p{Ll}+(?:anten|enten|ers|aars|ieren|lingen))\b)"
)
_ADDRESS_CUE = regex.compile(
    r"(?i)(?:woon\w*|adres\w*|wonend\w*|verblijf\w*|ingeschreven|aan\s+de|aan\s+het"
    r"|op\s+de|op\s+het|op\s+nummer|pand|woning|huis|bij)\W{0,3}$"
)
#: A cue that the words that follow are where someone lives, with at most
#: a street name (and "nr.") between it and the number.
_RESIDENCE_CUE = regex.compile(
    r"(?i)(?:wonende|woonachtig|woont|wonen|woon|wonend|adres|woonadres|verblijfadres)"
    r"(?:[ \t]+(?:aan|op|in)(?:[ \t]+(?:de|het))?)?[: \t]+"
    r"\p{Lu}[\p{L}'’-]{2,30}(?:[ \t]+(?:nr\.?|nummer))?[ \t]+$"
)

#: Every cue of _RESIDENCE_CUE has one of these in it (a test holds it).
_RESIDENCE_STEMS = ("woon", "wonen", "adres")

#: Letters that a case-insensitive pattern of ASCII letters matches although
#: ``str.lower()`` does not give that letter: to (?i) "ſ" is an "s" and "İ"
#: an "i" (found by trying every code point; a test holds it). Without them
#: a word of ASCII letters that (?i) finds in a text is, in lower case, in
#: its ``lower()`` (#13).


def _residence_before(text: str, end: int) -> bool:
    """Whether a residence cue (_RESIDENCE_CUE) ends at ``end``; searched
    only when the text before has a stem of one (#13)."""
    window = text[max(0, end - 60) : end]
    if not any(odd in window for odd in CASE_ODD):
        lowered = window.lower()
        if not any(stem in lowered for stem in _RESIDENCE_STEMS):
            return False
    return bool(_RESIDENCE_CUE.search(window))


_POSTCODE_NEXT = regex.compile(r"(?:,[ \t]*|[ \t]*\n[ \t]*)[1-9]\d{3}[ \t]?[A-Z]{2}\b")
_POSTCODE_AFTER = regex.compile(r",?\s*[1-9]\d{3}\s?[A-Z]{2}")
#: The (up to six) words that end just before the end, read from the end
#: (?r), each after a gap without sentence punctuation (, ; : ! ? ( ) or a
#: line end), in one call (#13). Words are runs of letters, digits and
#: ' ’ . -; a gap has none of those, so each word is a whole run.
_WORDS_BEFORE = regex.compile(
    r"(?r)(?:(?P<word>[\p{L}\p{N}'’.-]+)[^\p{L}\p{N}'’.,;:!?()\n-]*){0,6}\Z"
)


def _words_before(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the (up to six) words that end just before ``end``, within
    90 characters and up to sentence punctuation between words."""
    window_start = max(0, end - 90)
    match = _WORDS_BEFORE.search(text[window_start:end])
    return [
        (window_start + start, window_start + stop)
        for start, stop in sorted(match.spans("word"))
    ]


#: "Plein 1944 nr. 112": a word for "number" between street and number.
_NUMBER_WORDS = frozenset({"nr.", "nr", "no.", "nummer", "huisnummer"})


def _street_words(text: str, number_start: int) -> list[tuple[int, int]]:
    """The words before a house number that a street name can be made of:
    none when none has a capital, which a street begins with (#13)."""
    words = _words_before(text, number_start)
    if words and text[words[-1][0] : words[-1][1]].lower() in _NUMBER_WORDS:
        words = words[:-1]
    if words and text[words[0][0] : words[-1][1]].islower():
        return []
    return words


def _street_before(
    text: str, words: list[tuple[int, int]], context: Context, *, cued: bool = False
) -> tuple[int, bool] | None:
    """The start of the street name made of the last of ``words`` (before a
    house number), and whether the name is certain (in the street list with
    several words, or with a street suffix) rather than a single listed word
    that is also common.

    With an address cue before it ("wonende", "adres"), any capitalised
    word that is no place is a street: new-build streets are in no list."""
    for size in range(len(words), 0, -1):
        first, last = words[-size], words[-1]
        phrase = text[first[0] : last[1]].rstrip(".")
        if not phrase.removeprefix("'s-").removeprefix("'t ")[:1].isupper():
            continue
        key = " ".join(phrase.lower().split())
        if key in context.streets:
            certain = size > 1 or bool(STREET_SUFFIX.search(key))
            return _title_before_street(text, words[:-size], first[0]), certain
        if size == 1 and _ADDRESS_SUFFIX.search(phrase) and len(phrase) > 5:
            return _title_before_street(text, words[:-1], first[0]), True
        if size == 2 and _with_compass_point(phrase, context):
            return _title_before_street(text, words[:-2], first[0]), True
        if size == 1 and cued and _unlisted_street(phrase, context):
            return first[0], True
    return None


_COMPASS = frozenset(
    {
        "noord",
        "oost",
        "zuid",
        "west",
        "noordzijde",
        "oostzijde",
        "zuidzijde",
        "westzijde",
    }
)


def _with_compass_point(phrase: str, context: Context) -> bool:
    """ "Kerkweg Oost", "Dorpsstraat Noord": a street and a compass point."""
    street, _, point = phrase.lower().partition(" ")
    return point in _COMPASS and (
        street in context.streets
        or bool(_ADDRESS_SUFFIX.search(street))
        or street in {"vaart", "dijk", "kade", "wijk", "weg", "straat"}
    )


def _unlisted_street(word: str, context: Context) -> bool:
    lower = word.lower()
    return (
        len(word) >= 3
        and word[:1].isupper()
        and word.isalpha()
        and lower not in context.placenames
        and lower not in context.common_words
    )


#: Titles that open a street name: "Gravin Wilhelminastraat", "Burgemeester
#: de Withstraat", "Koningin Julianalaan"; and adjectives: "Oude Vilsterweg".
_STREET_TITLES = frozenset(
    """
    graaf gravin koning koningin prins prinses hertog hertogin burgemeester
    dokter dr. generaal kapitein pastoor pater professor prof. sint st.
    jonkheer jhr. admiraal kardinaal bisschop meester mr. ridder baron
    oude nieuwe korte lange hoge lage kleine grote achter binnen buiten
    """.split()
)


def _title_before_street(text: str, words: list[tuple[int, int]], start: int) -> int:
    """The start of the street name, taken back over a title before it (and
    a tussenvoegsel between: "Burgemeester van Randwijcklaan")."""
    index = len(words)
    while index > 0:
        word = text[words[index - 1][0] : words[index - 1][1]].lower()
        if word in _STREET_TITLES:
            start = words[index - 1][0]
        elif word not in {"van", "de", "der", "den"}:
            break
        index -= 1
    return start


def detect_addresses(text: str, context: Context) -> Iterator[Candidate]:
    for match in _HOUSE_NUMBER.finditer(text):
        # Most numbers have no street before them, cued or not: that is
        # tested first (#13). A cue only adds a last way to find one, so
        # without it the street is the same or none.
        words = _street_words(text, match.start())
        found = _street_before(text, words, context, cued=True)
        if found is None:
            continue
        # A postcode right after ("…, 1234 AB", or on the next line of a
        # letter's address block) says so as much as "wonende" before.
        cued = bool(
            _residence_before(text, match.start())
            or _POSTCODE_NEXT.match(text, match.end())
        )
        if not cued:
            found = _street_before(text, words, context)
            if found is None:
                continue
        start, certain = found
        before = text[max(0, start - 40) : start]
        after = text[match.end() : match.end() + 30]
        cue = cued or bool(
            _ADDRESS_CUE.search(before) or _FOLLOWED_BY_PLACE.match(after)
        )
        cue = cue or bool(_POSTCODE_AFTER.match(after))
        year_like = int(match.group("number")) >= 1900
        if (certain and not year_like) or cue:
            yield Candidate(start, match.end(), Label.ADDRESS, PLACE)
