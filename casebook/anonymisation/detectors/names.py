"""Names that Deduce does not find: after a role or a cue, with initials,
in another alphabet, and runs of capitalised words in no word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from .. import lexicon
from ..labels import Label
from ..scanning import lowered_text, matches_at, places
from .addresses import STREET_ENDINGS, STREET_SUFFIX
from .base import (
    NAME_WORD,
    PERSON,
    QUOTE,
    Candidate,
    Context,
    H,
)

_INTERFIX = (
    rf"(?:van{H}de|van{H}der|van{H}den|van{H}'t|van{H}het|in{H}'t|op{H}de"
    r"|van|de|der|den|ten|ter|te|la|le|el|al|da|dos|del|du|bin|ben|ibn)"
)
_INITIALS = rf"(?:\p{{Lu}}\.{H}?){{1,4}}"
#: "K.P.M. (Koen) Loenen": the first name in brackets after the initials.
_GIVEN_IN_BRACKETS = rf"(?:\(\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?\){H})?"
_PERSON_NAME = (
    rf"(?:{_INITIALS}{H}?{_GIVEN_IN_BRACKETS})?(?:{_INTERFIX}{H})?{NAME_WORD}"
    rf"(?:{H}(?:{_INTERFIX}{H})?{NAME_WORD}){{0,3}}"
)
_BY_ROLE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + lexicon.alternation(lexicon.ROLE_NOUNS, ignore_case=True)
    # "Betrokkene (V): Sepp Hulshof": a mark in brackets and a colon between.
    + rf")(?:{H}?\(\p{{L}}{{1,12}}\))?:?{H}(?-i:(?P<name>{_PERSON_NAME}))"
)
_BY_CUE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(cue) for cue in lexicon.NAME_CUES)
    + rf"){H}?:?{H}[{QUOTE}]?(?-i:(?P<name>{_PERSON_NAME}))"
)
_INITIALS_NAME = regex.compile(
    rf"(?<![\w.]){_INITIALS}{H}?{_GIVEN_IN_BRACKETS}(?:{_INTERFIX}{H})?(?:{NAME_WORD})"
)
_OTHER_SCRIPT = (
    r"[\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Greek}\p{Script=Hebrew}"
    r"\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}"
    r"\p{Script=Armenian}\p{Script=Georgian}\p{Script=Thai}\p{Script=Devanagari}"
    r"\p{Script=Bengali}\p{Script=Tamil}\p{Script=Ethiopic}\p{Script=Syriac}]"
)
_OTHER_SCRIPT_NAME = regex.compile(
    rf"{_OTHER_SCRIPT}+(?:[ \t\xa0-]{_OTHER_SCRIPT}+){{0,3}}"
    rf"(?![ \t\xa0-]?{_OTHER_SCRIPT})"
)
_OTHER_SCRIPT_RUN = regex.compile(
    rf"{_OTHER_SCRIPT}+(?:[ \t\xa0\p{{P}}]+{_OTHER_SCRIPT}+)*"
)


# Compiled once: regex.finditer(string, ...) looks its pattern up in a cache
# on every call, which cost more than the search of a short name (#13).
_NON_SPACE = regex.compile(r"\S+")
_INITIALS_OR_GIVEN = regex.compile(r"(?:\p{Lu}\.)+|\(\p{Lu}[\p{L}-]+\)")
_SCHOOL_ENDINGS = ("college", "lyceum", "gymnasium", "school", "academie")
#: Searched from the end: see STREET_SUFFIX (#13).
_SCHOOL_END = regex.compile(rf"(?r)(?:{'|'.join(_SCHOOL_ENDINGS)})$")


def _trim_name(
    text: str, start: int, end: int, context: Context, *, honorific: bool = False
) -> int | None:
    """Drop trailing words that are not names (protected words, function
    words, places); None when nothing name-like remains. A place right after
    a tussenvoegsel stays: "J. de Vries" (Vries is a village)."""
    words = [m.group() for m in _NON_SPACE.finditer(text[start:end])]
    ends = [m.end() for m in _NON_SPACE.finditer(text[start:end])]
    while words:
        word = words[-1].strip(".")
        lower = word.lower()
        # "J. de Vries" (Vries is a village), "R. Oosterhout": no place
        # follows an initial or a tussenvoegsel.
        after_interfix = len(words) > 1 and (
            words[-2].lower() in context.interfixes
            or _INITIALS_OR_GIVEN.fullmatch(words[-2])
        )
        # "meneer Wijhe": after an honorific a lone place is a surname.
        lone_surname = honorific and len(words) == 1
        if (
            (lower in context.stop_words and lower not in context.interfixes)
            or lexicon.protects(word)
            or lower in context.interfixes
            or (lower in context.placenames and not after_interfix and not lone_surname)
        ):
            words.pop()
            ends.pop()
        else:
            break
    if not words:
        return None
    return start + ends[-1]


#: "Albertus (Bert) Nijland": a first name, the name used in brackets, and
#: the surname.
_NICKNAME_INSIDE = regex.compile(
    rf"(?<![\w-])(?P<first>{NAME_WORD}){H}\((?P<called>\p{{Lu}}\p{{Ll}}+)\){H}"
    rf"(?:{_INTERFIX}{H})?{NAME_WORD}"
)
#: The name used in brackets of _NICKNAME_INSIDE, rare in a text: looked for
#: first (#13).
_CALLED = regex.compile(rf"{H}\(\p{{Lu}}\p{{Ll}}+\){H}")
#: The letters, apostrophes and hyphens that end at a place, read backwards.
_NAME_LETTERS_BEFORE = regex.compile(r"(?r)[\p{L}'’-]+")


def _nicknames_inside(text: str) -> Iterator[regex.Match]:
    """``_NICKNAME_INSIDE.finditer(text)``, tried only where a match can
    begin: in the first name before a name in brackets, which is made of
    letters, apostrophes and hyphens, so within those that end at the
    space before the bracket (#13)."""
    if "(" not in text:
        return iter(())
    starts = [
        at
        for called in _CALLED.finditer(text, overlapped=True)
        if (word := _NAME_LETTERS_BEFORE.match(text, 0, called.start()))
        for at in range(word.start(), word.end())
    ]
    return matches_at(_NICKNAME_INSIDE, text, sorted(set(starts)))


#: "Medeverdachte Jurvin C. (16)": a capitalised word and an initial, then a
#: bracket or a comma; the first name need not be in any list.
_WORD_AND_INITIAL = regex.compile(
    rf"(?<![\w@.'’-])(?P<first>\p{{Lu}}\p{{Ll}}{{2,20}}){H}\p{{Lu}}\.(?={H}?[(,;:])"
)

#: Where _WORD_AND_INITIAL has its initial: its only part of a kind that is
#: rare in a text, so it is looked for first (#13).
_INITIAL_AND_BREAK = regex.compile(rf"{H}\p{{Lu}}\.(?={H}?[(,;:])")
#: The word before the initial, read backwards from its end.
_WORD_BEFORE_INITIAL = regex.compile(r"(?r)\p{Lu}\p{Ll}{2,20}")


def _words_and_initials(text: str) -> Iterator[regex.Match]:
    """``_WORD_AND_INITIAL.finditer(text)``, tried only where a match can
    begin: the capitalised word just before an initial and a break. Its
    letters end at the space; read backwards, they give the one place the
    word can begin (more than 20 small letters give none) (#13)."""
    starts = [
        word.start()
        for initial in _INITIAL_AND_BREAK.finditer(text)
        if (word := _WORD_BEFORE_INITIAL.match(text, 0, initial.start()))
    ]
    return matches_at(_WORD_AND_INITIAL, text, sorted(set(starts)))


_GROUP_BEFORE = regex.compile(
    r"(?i:(?<![\w-])(?:"
    + "|".join(
        regex.escape(noun) for noun in sorted(lexicon.GROUP_NOUNS, key=len)[::-1]
    )
    + r")\W+(?:\w+\W+){0,2})$"
)


_CAPITALISED_WORD = regex.compile(r"(?<![\w@.'’-])\p{Lu}\p{Ll}{2,20}(?![\w@'’-])")
_SENTENCE_OPENING = regex.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-*•>]\s+)$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence, a line or a list item begins at ``start``."""
    return _SENTENCE_OPENING.search(text, max(0, start - 4), start) is not None


def can_only_be_a_name(word: str, context: Context) -> bool:
    """A capitalised word that can only be a name here: no Dutch word in
    use, no place, no role, nothing the anonymiser keeps."""
    lower = word.lower()
    return not (
        lower in context.frequent_words
        or lower in context.common_words
        or lower in context.placenames
        or lower in lexicon.ROLE_NOUNS
        or lexicon.protects(word)
    )


def detect_listed_first_names(text: str, context: Context) -> Iterator[Candidate]:
    """A capitalised first name of any country's list, inside a sentence
    ("de jongere, Majd, zat", "met Wojciech"); Deduce knows only Dutch
    lists. Not a word in use, a place, a role or anything kept; at the
    start of a sentence only before a word that goes with a person."""
    for match in _CAPITALISED_WORD.finditer(text):
        lower = match.group().lower()
        if lower not in context.first_names or not can_only_be_a_name(lower, context):
            continue
        end = match.end()
        if text[end : end + 1] in _H_CHARACTERS and _STREET_AFTER.match(text, end):
            continue  # "Marco Pololaan", "Auke Vleerstraat": a street's name
        if opens_sentence(text, match.start()):
            following = text[match.end() : match.end() + 15].split()
            if not following or following[0].lower().strip(",.") not in _PERSON_VERBS:
                continue
        yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


#: What H matches, tested before _STREET_AFTER, which begins with it (#13).
_H_CHARACTERS = frozenset(" \t\xa0")
#: The endings as a trie (lexicon.alternation): after the letters the
#: endings are tried at each one, and a trie tries only those that begin
#: with it (#13). Only whether it matches is used, which the order of the
#: endings does not change.
_STREET_AFTER = regex.compile(
    rf"{H}(?:\p{{Lu}}[\p{{L}}-]*{H})?\p{{Lu}}\p{{Ll}}*"
    rf"(?:{lexicon.alternation(STREET_ENDINGS)})\b"
)
_PERSON_VERBS = frozenset(
    """
    en zei zegt vertelde vertelt vroeg vraagt heeft had wil wilde belde belt
    appte kwam komt ging gaat woont is was werd stond zat liep deelde plaatste
    """.split()
)


#: Where a role may stand in the lower-case text: a match of _BY_ROLE begins
#: with a role, which is followed by a space, a bracket or a colon, or ends
#: in a dot. The standard ``re`` finds these literal words several times
#: faster than ``regex`` (#13). A role found inside a longer one is skipped;
#: it follows a letter or a hyphen, where _BY_ROLE cannot begin. Nor can it
#: begin after a letter, digit, _ or - of ASCII in the lower-case text: only
#: those and the Kelvin sign (a letter) give one in lower case (a test holds
#: it).
_ROLE_PLACE = re.compile(
    "(?<![0-9a-z_-])(?:"
    + lexicon.alternation(role.rstrip(".") for role in lexicon.ROLE_NOUNS)
    + r")(?=[ \t\xa0(:.])"
)


def _role_matches(text: str, lowered: str | None) -> Iterator[regex.Match]:
    """``_BY_ROLE.finditer(text)``, tried only where a role stands (#13)."""
    if lowered is None:
        return _BY_ROLE.finditer(text)
    starts = [match.start() for match in _ROLE_PLACE.finditer(lowered)]
    return matches_at(_BY_ROLE, text, sorted(set(starts)))


#: Every cue of _BY_CUE has one of these in it (a test holds it).
_CUE_STEMS = ("naam", "geheten", "alias", "bekend", "ook wel", "heet", "noem")
_CUES_BY_STEM = {
    stem: tuple(cue for cue in lexicon.NAME_CUES if stem in cue) for stem in _CUE_STEMS
}


def _cue_matches(text: str, lowered: str | None) -> Iterator[regex.Match]:
    """``_BY_CUE.finditer(text)``, tried only where a cue stands: every
    match begins with one. Cues overlap ("bij de naam", "naam"), so each
    is looked for on its own; only those with a stem in the text (#13)."""
    if lowered is None:
        return _BY_CUE.finditer(text)
    cues = [
        cue for stem, cues in _CUES_BY_STEM.items() if stem in lowered for cue in cues
    ]
    return matches_at(_BY_CUE, text, places(lowered, cues))


_OTHER_SCRIPT_CHAR = regex.compile(_OTHER_SCRIPT)


def detect_names(text: str, context: Context) -> Iterator[Candidate]:
    for match in _nicknames_inside(text):
        if any(
            match.group(g).lower() in context.first_names for g in ("first", "called")
        ):
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)
    for match in _words_and_initials(text):
        if can_only_be_a_name(match.group("first"), context):
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)
    lowered = lowered_text(text)
    for pattern, matches in (
        (_BY_ROLE, _role_matches(text, lowered)),
        (_BY_CUE, _cue_matches(text, lowered)),
        (_INITIALS_NAME, _INITIALS_NAME.finditer(text)),
    ):
        for match in matches:
            if "name" in match.groupdict():
                start, end = match.span("name")
            else:
                start, end = match.span()
            if start and text[start - 1] in QUOTE:
                if pattern is _BY_CUE and _GROUP_BEFORE.search(
                    text, max(0, match.start() - 30), match.start()
                ):
                    continue  # "een groep onder de naam 'Bosrave Goor'"
                end -= text[start:end].endswith(("'", "’"))  # the closing quote
            honorific = lexicon.after_honorific(text, start)
            trimmed = _trim_name(text, start, end, context, honorific=honorific)
            if trimmed is None:
                continue
            # The first word must itself be a name: not "de", and not a place
            # ("De groep heette 'Breda Wakker'" names a group, which stays).
            first = text[start:trimmed].split()[0]
            if (
                first.lower() in context.stop_words
                and first.lower() not in context.interfixes
            ):
                continue
            if (
                first.lower() in context.placenames and not honorific
            ) or lexicon.protects(first):
                continue
            yield Candidate(start, trimmed, Label.PERSON, PERSON)
    if text.isascii() or not _OTHER_SCRIPT_CHAR.search("".join(set(text))):
        return  # no other alphabet (tested first, on each letter once: the scan costs)
    for run in _OTHER_SCRIPT_RUN.finditer(text):
        # A few words in another alphabet inside a Dutch text are names; a
        # long run is a quoted message, kept for the reader to judge.
        if len(run.group().split()) > 6:
            continue
        for match in _OTHER_SCRIPT_NAME.finditer(text, run.start(), run.end()):
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


_CAPITALISED = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}*){0,3}"
_CAPITALISED_RUN = regex.compile(
    rf"(?<![\w-])(?P<before>(?:\p{{L}}+{H})?)"
    rf"(?P<run>{_CAPITALISED}(?:{H}{_CAPITALISED}){{1,3}})(?![\w-])"
)
_ARTICLES = frozenset({"de", "het", "een", "'t"})
#: A capitalised word before a space and another: where a run begins.
_RUN_START = regex.compile(rf"(?<![\w-]){_CAPITALISED}{H}(?=\p{{Lu}}\p{{Ll}})")
#: The letters that end just before a position, read backwards.
_LETTERS_BEFORE = regex.compile(r"(?r)\p{L}+")


def _capitalised_runs(text: str) -> Iterator[regex.Match]:
    """``_CAPITALISED_RUN.finditer(text)``, tried only where a match can
    begin (#13): at the start of a run, which _RUN_START finds (a run begins
    after no letter or hyphen, so no hit of it covers the start of another),
    or at the start of the word before it, when one space is between. That
    word's letters are all the letters before that space: the pattern needs
    no letter before it."""
    starts = []
    for run in _RUN_START.finditer(text):
        start = run.start()
        starts.append(start)
        if start > 1 and text[start - 1] in " \t\xa0":
            if word := _LETTERS_BEFORE.match(text, 0, start - 1):
                starts.append(word.start())
    return matches_at(_CAPITALISED_RUN, text, sorted(set(starts)))


def is_place_adjective(word: str, context: Context) -> bool:
    lower = word.lower()
    for ending in ("sche", "se"):
        stem = lower.removesuffix(ending)
        if stem != lower and len(stem) >= 4 and stem in context.place_prefixes:
            return True
    return False


def _has_place_part(lower: str, context: Context) -> bool:
    """Whether a part between hyphens is a place or a compass point; of a
    word without a hyphen (no place, as tested before) only the latter."""
    if "-" not in lower:
        return lower in lexicon.PLACE_PARTS
    return any(
        part in context.placenames or part in lexicon.PLACE_PARTS
        for part in lower.split("-")
    )


def _street_or_school_ending(lower: str) -> bool:
    """``STREET_SUFFIX.search(lower) or _SCHOOL_END.search(lower)`` for a
    word in lower case, told by ``endswith`` (#13). In lower case, the only
    letter (?i) takes for another is "ſ" (an "s"), and ``$`` also matches
    before a line end: with either, the patterns are asked."""
    if "ſ" in lower or "\n" in lower:
        return bool(STREET_SUFFIX.search(lower) or _SCHOOL_END.search(lower))
    return lower.endswith(STREET_ENDINGS) or lower.endswith(_SCHOOL_ENDINGS)


def _name_like(word: str, context: Context) -> bool:
    """A capitalised word that is in no list of ordinary words."""
    lower = word.lower()
    return not (
        lower in context.common_words
        or lower in context.placenames
        or lexicon.protects(word)
        or lower in lexicon.ROLE_NOUNS
        or _has_place_part(lower, context)
        or _street_or_school_ending(lower)
        or is_place_adjective(word, context)
    )


def detect_name_runs(text: str, context: Context) -> Iterator[Candidate]:
    """Two to four capitalised words that are in no word list are a name
    Deduce does not know ("Oleksandr Kovalenko", "Wang Wei"); not after an
    article or a place noun ("de Goudse Waarheid", "park Schothorst")."""
    for match in _capitalised_runs(text):
        before = match.group("before").strip().lower()
        if before in _ARTICLES or before in lexicon.LOCATION_NOUNS:
            continue
        span = _name_span(match.group("run"), context)
        if span is not None:
            offset = match.start("run")
            yield Candidate(offset + span[0], offset + span[1], Label.PERSON, PERSON)


def _name_span(run: str, context: Context) -> tuple[int, int] | None:
    """Where in ``run`` the name is: its words without those at either end
    that are not name-like; None when fewer than two remain or one between
    is not. Each word is tested once (#13); a run has one space between
    words, so ``split`` finds them and their places."""
    words = run.split()
    like = [_name_like(word, context) for word in words]
    if like.count(True) < 2:
        return None
    first = like.index(True)
    last = len(like) - 1 - like[::-1].index(True)
    if not all(like[first:last]):
        return None
    start = sum(len(word) + 1 for word in words[:first])
    end = sum(len(word) + 1 for word in words[: last + 1]) - 1
    return start, end
