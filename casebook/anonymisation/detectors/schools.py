"""Schools by name, generic word, acronym and shape."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import lexicon
from ..labels import Label
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
_SCHOOL_GENERIC = regex.compile(
    rf"(?i)\b(?:(?:islamitische|christelijke|katholieke|openbare){H})?"
    rf"(?:basisschool|basisscholen|school|scholengemeenschap|kindcentrum"
    rf"|integraal{H}kindcentrum|montessorischool|daltonschool|jenaplanschool"
    rf"|vrije{H}school|brede{H}school|praktijkschool|middelbare{H}school"
    rf"|vmbo-school|mbo-school|mbo-opleiding){H}"
    rf"(?-i:(?P<name>{_SCHOOL_NAME}))"
)
_SCHOOL_ACRONYM = regex.compile(
    rf"\b(?:OBS|CBS|PCBS|RKBS|KBS|SBO|VSO|IKC|CSG|RSG|OSG|PCC|ROC|ISK|SG|BS){H}"
    rf"(?P<name>{_SCHOOL_NAME})"
)
_SCHOOL_SUFFIX = regex.compile(
    rf"\b(?P<name>(?:(?:Dr|Mr|St|Prof|Ds|Pr|Sint)\.?{H})?(?:{NAME_WORD}{H}){{1,4}}"
    r"(?:College|Lyceum|Gymnasium|Atheneum|Scholengemeenschap|Campus|Academie|Mavo"
    r"|Vmbo|Havo|School|Scholen|Schoolgemeenschap))\b"
    rf"(?P<tail>(?:{H}{NAME_WORD}){{0,3}})"
)
_SCHOOL_COMPOUND = regex.compile(
    r"(?<![\w-])(?:\p{Lu}\p{Ll}+-)*\p{Lu}\p{Ll}{2,}-?"
    r"(?:college|lyceum|gymnasium|school|campus)\b"
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
_SCHOOL_LABEL = regex.compile(
    rf"(?m)(?<![\w-])(?i:school|opleiding){H}?:{H}?(?P<name>{_SCHOOL_NAME})"
)


#: A name with a capital article where someone goes to school: "zit op De
#: Werfhorst", "in de klas op De Kwekerij", "de conciërge van De Hanzespiegel".
_SCHOOL_BY_ATTENDANCE = regex.compile(
    rf"(?i:(?<![\w-])(?:zit|zat|zitten|zaten|klas|groep{H}\d|leerling|leerlingen"
    rf"|conciërge|juf|juffrouw|meester|mentor|mentrix|docent|docente|leraar"
    rf"|lerares|schooldirecteur|intern{H}begeleider|hek|schoolplein|ouderraad)"
    rf"(?:{H}[\p{{Ll}}\p{{N}}]+){{0,3}}{H}(?:op|van){H})"
    rf"(?P<name>(?:De|Het|'t){H}{NAME_WORD})(?![\w-])"
    # "die zit toch op Baanbreker?": without an article after "zit op".
    rf"|(?i:(?<![\w-])(?:zit|zat|zitten|zaten)(?:{H}[\p{{Ll}}\p{{N}}]+){{0,3}}{H}op{H})"
    rf"(?P<bare>{NAME_WORD})(?![\w-])"
)


def detect_schools(text: str, context: Context) -> Iterator[Candidate]:
    for match in _SCHOOL_BY_ATTENDANCE.finditer(text):
        start, end = match.span("name" if match.group("name") else "bare")
        last = text[start:end].split()[-1].lower()
        if STREET_SUFFIX.search(last) or last in lexicon.LOCATION_NOUNS:
            continue  # "zat op De Dam", "op Het Plein": a place
        if not _is_protected_phrase(text[start:end], context):
            yield Candidate(start, end, Label.SCHOOL, PLACE)
    for match in _SCHOOL_LABEL.finditer(text):
        start = match.start("name")
        end = _drop_trailing_place(text, start, match.end("name"), context)
        if not _is_protected_phrase(text[start:end], context):
            yield Candidate(start, end, Label.SCHOOL, PLACE)
    for pattern in (_SCHOOL_GENERIC, _SCHOOL_ACRONYM):
        for match in pattern.finditer(text):
            # "basisschool De Klimop" is the name; "de [SCHOOL-1]" reads well.
            start = match.start()
            end = _drop_trailing_place(text, start, match.end("name"), context)
            if not _is_protected_phrase(text[match.start("name") : end], context):
                yield Candidate(start, end, Label.SCHOOL, PLACE)
    for match in _SCHOOL_SUFFIX.finditer(text):
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
    for match in _SCHOOL_COMPOUND.finditer(text):
        if match.group().lower() not in _GENERIC_SCHOOL_WORDS:
            yield Candidate(match.start(), match.end(), Label.SCHOOL, PLACE)
