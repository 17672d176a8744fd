"""Schools by name, generic word, acronym and shape."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import lexicon
from ..labels import Label
from ..scanning import CueWords, lowered_text, matches_at, places
from .addresses import STREET_SUFFIX
from .base import (
    NAME_WORD,
    PLACE,
    Candidate,
    Context,
    H,
)

_SCHOOL_NAME = (
    rf"(?:(?:De|Het|'t|Den){H})?{NAME_WORD}"
    rf"(?:{H}(?:(?:van|de|der|den|het|op|aan|in|'t){H})?{NAME_WORD}){{0,4}}"
)
#: The words a generic school name begins with (a space stands for H).
_SCHOOL_DENOMINATIONS = ("islamitische", "christelijke", "katholieke", "openbare")
_SCHOOL_KINDS = (
    "basisschool",
    "basisscholen",
    "school",
    "scholengemeenschap",
    "kindcentrum",
    "integraal kindcentrum",
    "montessorischool",
    "daltonschool",
    "jenaplanschool",
    "vrije school",
    "brede school",
    "praktijkschool",
    "middelbare school",
    "vmbo-school",
    "mbo-school",
    "mbo-opleiding",
)
_SCHOOL_GENERIC = regex.compile(
    rf"(?i)\b(?:(?:{'|'.join(_SCHOOL_DENOMINATIONS)}){H})?"
    rf"(?:{'|'.join(kind.replace(' ', H) for kind in _SCHOOL_KINDS)}){H}"
    rf"(?-i:(?P<name>{_SCHOOL_NAME}))"
)
_SCHOOL_ACRONYMS = (
    "OBS CBS PCBS RKBS KBS SBO VSO IKC CSG RSG OSG PCC ROC ISK SG BS".split()
)
#: The acronyms to look for: those with "BS" or "SG" in them only where that
#: is in the text, as in few texts (#13).
_ACRONYM_WORDS = CueWords(_SCHOOL_ACRONYMS, parts=("BS", "SG"))
_SCHOOL_ACRONYM = regex.compile(
    rf"\b(?:{'|'.join(_SCHOOL_ACRONYMS)}){H}(?P<name>{_SCHOOL_NAME})"
)
_SCHOOL_SUFFIXES = (
    "College",
    "Lyceum",
    "Gymnasium",
    "Atheneum",
    "Scholengemeenschap",
    "Campus",
    "Academie",
    "Mavo",
    "Vmbo",
    "Havo",
    "School",
    "Scholen",
    "Schoolgemeenschap",
)
_SCHOOL_SUFFIX = regex.compile(
    rf"\b(?P<name>(?:(?:Dr|Mr|St|Prof|Ds|Pr|Sint)\.?{H})?(?:{NAME_WORD}{H}){{1,4}}"
    rf"(?:{'|'.join(_SCHOOL_SUFFIXES)}))\b"
    rf"(?P<tail>(?:{H}{NAME_WORD}){{0,3}})"
)
_COMPOUND_ENDS = ("college", "lyceum", "gymnasium", "school", "campus")
_SCHOOL_COMPOUND = regex.compile(
    r"(?<![\w-])(?:\p{Lu}\p{Ll}+-)*\p{Lu}\p{Ll}{2,}-?"
    rf"(?:{'|'.join(_COMPOUND_ENDS)})\b"
)
_GENERIC_SCHOOL_WORDS = frozenset(
    "basisschool montessorischool daltonschool jenaplanschool praktijkschool "
    "hogeschool politieschool rijschool dansschool muziekschool zondagsschool "
    "bassischool middelbareschool brugklasschool".split()
)


def _is_protected_phrase(phrase: str, context: Context) -> bool:
    words = [w for w in phrase.split() if w.lower() not in context.interfixes]
    return all(
        lexicon.protects(word) or word.lower() in context.placenames for word in words
    )


def _drop_trailing_place(text: str, start: int, end: int, context: Context) -> int:
    """ "Montessori Lyceum Amsterdam": the place may stay (also before a
    closing quote: "'… College Beilen'")."""
    while end > start and text[end - 1] in "'’\"”":
        end -= 1
    head, _, last = text[start:end].rpartition(" ")
    if head and last.lower() in context.placenames:
        return start + len(head)
    return end


#: A school named after a "School:" label in a report ("School: Helinium").
_SCHOOL_LABELS = ("school", "opleiding")
_SCHOOL_LABEL = regex.compile(
    rf"(?m)(?<![\w-])(?i:{'|'.join(_SCHOOL_LABELS)}){H}?:{H}?(?P<name>{_SCHOOL_NAME})"
)


#: A name with a capital article where someone goes to school: "zit op De
#: Werfhorst", "in de klas op De Kwekerij", "de conciërge van De Hanzespiegel".
_SITS = ("zit", "zat", "zitten", "zaten")
_AT_SCHOOL = (
    *_SITS,
    "klas",
    rf"groep{H}\d",
    "leerling",
    "leerlingen",
    "conciërge",
    "juf",
    "juffrouw",
    "meester",
    "mentor",
    "mentrix",
    "docent",
    "docente",
    "leraar",
    "lerares",
    "schooldirecteur",
    rf"intern{H}begeleider",
    "hek",
    "schoolplein",
    "ouderraad",
)
_SCHOOL_BY_ATTENDANCE = regex.compile(
    rf"(?i:(?<![\w-])(?:{'|'.join(_AT_SCHOOL)})"
    rf"(?:{H}[\p{{Ll}}\p{{N}}]+){{0,3}}{H}(?:op|van){H})"
    rf"(?P<name>(?:De|Het|'t){H}{NAME_WORD})(?![\w-])"
    # "die zit toch op Baanbreker?": without an article after "zit op".
    rf"|(?i:(?<![\w-])(?:{'|'.join(_SITS)})(?:{H}[\p{{Ll}}\p{{N}}]+){{0,3}}{H}op{H})"
    rf"(?P<bare>{NAME_WORD})(?![\w-])"
)


def _leading_words(alternatives: tuple[str, ...]) -> tuple[str, ...]:
    """The literal words the ``alternatives`` of a pattern begin with, but
    for those that begin with another one: every match begins with one."""
    words = {regex.match(r"[\p{L}-]+", alt).group() for alt in alternatives}
    return tuple(
        sorted(w for w in words if not any(w != v and w.startswith(v) for v in words))
    )


_AT_SCHOOL_WORDS = _leading_words(_AT_SCHOOL)
_GENERIC_WORDS = _leading_words(_SCHOOL_DENOMINATIONS + _SCHOOL_KINDS)
#: Every kind of school and label has one of these in it (a test holds it).
_SCHOOL_STEMS = ("school", "scholen", "kindcentrum", "opleiding")


def _matches(
    pattern: regex.Pattern,
    text: str,
    searched: str | None,
    words: tuple[str, ...] | CueWords,
    stems: tuple[str, ...] = (),
) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern whose every match begins with
    one of ``words`` as it stands in ``searched`` (``text``, or for a
    case-insensitive pattern its ``lowered_text``) and has one of ``stems``
    in it: tried only there, and not at all without a stem (#13)."""
    if searched is None:
        return pattern.finditer(text)
    if stems and not any(stem in searched for stem in stems):
        return iter(())
    if isinstance(words, CueWords):
        return matches_at(pattern, text, words.places(searched))
    return matches_at(pattern, text, places(searched, words))


def detect_schools(text: str, context: Context) -> Iterator[Candidate]:
    lowered = lowered_text(text)
    for match in _matches(_SCHOOL_BY_ATTENDANCE, text, lowered, _AT_SCHOOL_WORDS):
        start, end = match.span("name" if match.group("name") else "bare")
        last = text[start:end].split()[-1].lower()
        if STREET_SUFFIX.search(last) or last in lexicon.LOCATION_NOUNS:
            continue  # "zat op De Dam", "op Het Plein": a place
        if not _is_protected_phrase(text[start:end], context):
            yield Candidate(start, end, Label.SCHOOL, PLACE)
    label = _matches(_SCHOOL_LABEL, text, lowered, _SCHOOL_LABELS, _SCHOOL_STEMS)
    for match in label:
        start = match.start("name")
        end = _drop_trailing_place(text, start, match.end("name"), context)
        if not _is_protected_phrase(text[start:end], context):
            yield Candidate(start, end, Label.SCHOOL, PLACE)
    generic = _matches(_SCHOOL_GENERIC, text, lowered, _GENERIC_WORDS, _SCHOOL_STEMS)
    acronym = _matches(_SCHOOL_ACRONYM, text, text, _ACRONYM_WORDS)
    for matches in (generic, acronym):
        for match in matches:
            # "basisschool De Klimop" is the name; "de [SCHOOL-1]" reads well.
            start = match.start()
            end = _drop_trailing_place(text, start, match.end("name"), context)
            if not _is_protected_phrase(text[match.start("name") : end], context):
                yield Candidate(start, end, Label.SCHOOL, PLACE)
    # Both case-sensitive: no match without its last word as written (#13).
    suffixed = any(suffix in text for suffix in _SCHOOL_SUFFIXES)
    for match in _SCHOOL_SUFFIX.finditer(text) if suffixed else ():
        # "Montessori Lyceum Herman Jordan" is named after someone; in
        # "Christelijk Lyceum Veenendaal" the place may stay.
        start, end = match.span("name")
        if match.group("tail"):
            end = _drop_trailing_place(text, start, match.end("tail"), context)
        words = match.group("name").split()
        if words[0].lower() in context.common_words and len(words) == 2:
            continue  # "Deze School", "Elke School"
        if not _is_protected_phrase(" ".join(words[:-1]), context):
            yield Candidate(start, end, Label.SCHOOL, PLACE)
    compound = any(end in text for end in _COMPOUND_ENDS)
    for match in _SCHOOL_COMPOUND.finditer(text) if compound else ():
        if match.group().lower() not in _GENERIC_SCHOOL_WORDS:
            yield Candidate(match.start(), match.end(), Label.SCHOOL, PLACE)
