"""Detectors for informal text: chat exports, user names without @, names
written in lower case.

Real user names are in no word list, so they are found by their shape (a
dot or an underscore inside, a capital inside, digits, "lil x") and by what
stands around them (a platform, "account", "kanaal", "volgt", quotes).
Lower-case first names ("yara") are only taken where the text says they
are people: in a chat export, or next to a word that only goes with a
person ("met yara en ilse", "mijn neef stef").
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator

import regex

from .. import lexicon
from ..labels import Label
from ..scanning import matches_at, occurrences, places
from . import addresses, online
from .base import HANDLE, PERSON, QUOTE, Candidate, Context, H
from .names import opens_sentence


def _lowered(text: str) -> str:
    """``text`` in lower case, to test cheaply whether a case-insensitive
    pattern can match at all before scanning for it (#13). ``regex`` with
    (?i) also matches "ſ" to s and "İ" to i; ``str.lower`` keeps the first
    and makes "i̇" (i and a combining dot) of the second, so both are
    written here as the letter they match."""
    lower = text.lower()
    if not lower.isascii():
        lower = lower.replace("ſ", "s").replace("\u0307", "")
    return lower


# The shaped handles, the lower-case names and the chat speakers ask for the
# same text in turn: the last is kept, so it is lowered once (#13).
@functools.lru_cache(maxsize=1)
def _lowered_text(text: str) -> str:
    """:func:`_lowered` of a whole text."""
    return _lowered(text)


def _mentions(lower: str, words: tuple[str, ...]) -> bool:
    return any(word in lower for word in words)


def _colon_lines(pattern: regex.Pattern, text: str) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, for a pattern that starts
    with ``(?m)^``, stays within one line and holds a ":" before a space or
    tab: tried only at the start of the lines that have one, not at every
    character (#13). ``^`` matches only after "\\n", as ``rfind`` looks
    back to, and each line holds at most one match."""
    for start in _colon_line_starts(text):
        if match := pattern.match(text, start):
            yield match


@functools.lru_cache(maxsize=1)
def _colon_line_starts(text: str) -> tuple[int, ...]:
    """The starts of the lines with a ":" before a space or tab, in order.
    Kept for the last text only (no worker keeps case texts): the chat
    speakers and the lower-case names ask for the same text's lines in
    turn, and the answer depends on the text alone (#13)."""
    starts = set()
    for colon in (": ", ":\t"):
        at = text.find(colon)
        while at >= 0:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = text.find(colon, at + 2)
    return tuple(sorted(starts))


_UPPER_AND_DIGITS = string.ascii_uppercase + string.digits


def _ascii_classes(marks: dict[str, str]) -> dict[int, str]:
    """A table for ``str.translate`` that writes each ASCII character of a
    key as its mark and every other one as a space. On a text of ASCII only
    a class of characters is then found with ``str.find`` or ``split``,
    which is several times faster than a pattern's scan (#13)."""
    table = dict.fromkeys(range(128), " ")
    for chars, mark in marks.items():
        table.update(dict.fromkeys(map(ord, chars), mark))
    return table


# A line of a chat export: "[03-02-24 21:14] Naam: ...", "03-02-24 21:14 -
# Naam: ...", "[21:14] Naam: ...". The speaker is a person or a user name.
_CHAT_LINE = regex.compile(
    r"(?m)^[ \t]*(?:\[[\d/.:, -]{4,24}\]|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?"
    r"[ \t]\d{1,2}[:.]\d{2}[ \t]?-?)[ \t]*(?P<name>[^\s:\[\]][^:\n\[\]]{0,30}?)"
    r"[ \t]?:[ \t]"
)
#: Dotted lower-case user names: "kevin.maakt.rumoer", "ikbensanne.xo".
#: Parts of one letter too ("r.rumble.0572", "yaas.el.h"); abbreviations
#: ("o.a.", "t.a.v.") are left out below.
_DOTTED = regex.compile(
    r"(?<![\w@./-])(?P<word>[\p{Ll}\p{N}_]{1,30}(?:\.[\p{Ll}\p{N}_]{1,30}){1,4})"
    r"(?![\w@/-]|\.[\p{L}\p{N}])"
)
#: A capital after a lower-case letter inside a word: "OproerOost020".
_CAMEL_WORD = regex.compile(
    r"(?<![\w@./-])(?P<word>[\p{L}\p{N}_]{0,30}\p{Ll}\p{Lu}[\p{L}\p{N}_]{0,30})"
    r"(?![\w@/-])"
)
#: The capital inside every match of ``_CAMEL_WORD``, at most 30 characters
#: after its start.
_CAMEL_PAIR = regex.compile(r"\p{Ll}\p{Lu}")
#: "lil kay", "yung dex", "big mick": a rapper's or gamer's name.
_PREFIXED = regex.compile(
    r"(?<![\w@.-])(?P<word>(?:lil|yung|young|big|king|queen|baby)[ \t]"
    r"\p{Ll}[\p{L}\p{N}]{1,20})"
    r"(?![\w@-])"
)
#: "DJ Boswachter", "MC Vos": an artist's name, as a user name.
_STAGE_NAME = regex.compile(
    r"(?<![\w@.-])(?P<word>(?:DJ|Dj|MC)[ \t]\p{Lu}[\p{L}\p{N}]{1,20}"
    r"(?:[ \t]\p{Lu}[\p{L}\p{N}]{1,20})?)"
    r"(?![\w@-])"
)
#: A reply quoted from social media: "reactie Nijkerkse Patriot: …", "> Reactie
#: van Henk B.: …". The writer's display name is a user name; a page's name
#: ("… (pagina):") stays.
_REPLY_LINE = regex.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)?(?i:reactie|antwoord|reply)(?:[ \t]+(?i:van))?[ \t]+"
    r"(?P<name>[^:\n@'‘\"“(]{2,40}?)[ \t]*(?=:)"
)
#: "een account dat lossergang heet (of zo)".
_ACCOUNT_THAT_IS_CALLED = regex.compile(
    r"(?i:(?:account|kanaal|profiel|pagina)[ \t]+(?:dat|die)[ \t]+)"
    r"(?P<word>[\p{L}\p{N}_.]{3,40})[ \t]+(?i:heet|heette|heten|noemt)\b"
)
#: A lower-case word with digits at the end, as user names are made:
#: "boshovenbende0495"; not a word in use with a number ("covid19").
_LETTERS_AND_DIGITS = regex.compile(r"(?<![\w@./-])\p{Ll}{4,30}\p{N}{2,4}(?![\w@/-])")
#: "voor haar TikTok kyranijlandd", "zijn Insta-account dex.rdm": a word in
#: no Dutch list right after someone's platform.
_OWN_PLATFORM = regex.compile(
    r"(?i:(?<![\w-])(?:zijn|haar|mijn|z'n|m'n|hun|je|jouw)[ \t]+(?:"
    + lexicon.alternation(lexicon.PLATFORMS, ignore_case=True)
    + r")(?:-?(?:account|profiel|kanaal|naam))?)[ \t]+"
    r"(?P<word>[\p{Ll}\p{N}_.]{3,40})(?![\w@-])"
)
#: "Zijn Snapchat is dylan2009", "haar insta: x", "op TikTok als x".
_AFTER_PLATFORM = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + lexicon.alternation(lexicon.PLATFORMS, ignore_case=True)
    + r")(?:-?(?:naam|account|profiel|kanaal))?[ \t]+(?:is|was|heet|als)[ \t]+"
    r"(?P<word>[\p{L}\p{N}_.]{3,40})"
)
#: Words after which a shaped word is a user name even with one capital
#: inside ("van DrentheRoert", "kanaal OproerOost"). Only asked whether it
#: matches, not where, so its words are a trie, which the engine tries in a
#: third of the time of the list (#13).
_HANDLE_CONTEXT = regex.compile(
    r"(?i)(?:"
    + lexicon.alternation(
        """
        account kanaal profiel pagina gebruiker naam noemt noemde volgt volgde
        gevolgd reageerde reactie plaatste deelde gedeeld post video clip zich
        filmpje bericht berichten van door
        """.split()
        + sorted(lexicon.PLATFORMS),
        ignore_case=True,
    )
    + r")\W{1,4}(?:(?:het|de|een|op|\p{L}+)\W{1,3}){0,2}$"
)
_FILE_ENDINGS = frozenset(
    "pdf doc docx xls xlsx jpg jpeg png gif mp4 mov txt csv zip html htm".split()
)
_DOMAIN_ENDINGS = frozenset(online.TLDS.split("|"))
_ABBREVIATION = regex.compile(r"^(?:\p{Ll}{1,3}\.)+\p{Ll}{0,3}$")


#: A line of a chat copied without time stamps: "storm: ga je mee", "> Lisa
#: Voorst: wij komen". Only taken when the text has several such lines.
_SPEAKER_LINE = regex.compile(
    r"(?m)^[ \t]*(?:>[ \t]*)?"
    r"(?P<name>[\p{L}\p{N}_.'’-]{2,30}(?:[ \t][\p{L}\p{N}_.'’-]{1,30}){0,3})"
    r"[ \t]?:[ \t]+\S"
)


#: "Reacties:" heads a list of replies, one "name: text" a line.
_REPLIES_HEADER = regex.compile(
    r"(?im)^[ \t]*(?:reacties|comments|antwoorden)[ \t]*:?[ \t]*$"
)
#: One of these stands in every heading of ``_REPLIES_HEADER``.
_REPLIES_CUES = ("reacties", "comments", "antwoorden")


def _reply_speakers(text: str, context: Context) -> list[regex.Match]:
    """The writers of the replies under a "Reacties:" heading, up to a blank
    line: there each line's name speaks once."""
    found: list[regex.Match] = []
    # The replies stand on the lines after their heading (#13).
    if "\n" not in text or not _mentions(_lowered_text(text), _REPLIES_CUES):
        return found
    for header in _REPLIES_HEADER.finditer(text):
        block_end = text.find("\n\n", header.end())
        block_end = len(text) if block_end < 0 else block_end
        for match in _SPEAKER_LINE.finditer(text, header.end(), block_end):
            if _could_speak(match["name"], context):
                found.append(match)
    return found


# Kept for the last text only (no worker keeps case texts): the chat
# speakers and the lower-case names (through is_chat) ask for the same text
# in turn, with the same context (#13).
@functools.lru_cache(maxsize=1)
def _untimed_speakers(text: str, context: Context) -> tuple[regex.Match, ...]:
    """The speaker lines of a chat without time stamps: at least three
    lines, of at least two speakers, one of whom speaks twice. A speaker is
    a name, not a form's label ("Onderwerp:", "Toelichting:"), so a single
    word must be a first name or a user name, or in no Dutch word list."""
    # Each speaker line has its own ":" before a space or tab: with fewer
    # than three the text is no chat, and need not be scanned (#13).
    if text.count(": ") + text.count(":\t") < 3:
        return ()
    # What the lines must show holds for all of them before it can for the
    # speakers among them: only then is each name looked up (#13).
    lines = list(_colon_lines(_SPEAKER_LINE, text))
    if not _like_a_chat(lines):
        return ()
    lines = [m for m in lines if _could_speak(m["name"], context)]
    return tuple(lines) if _like_a_chat(lines) else ()


def _like_a_chat(lines: list[regex.Match]) -> bool:
    """At least three lines, of at least two speakers, one speaking twice."""
    counts: dict[str, int] = {}
    for match in lines:
        counts[match["name"]] = counts.get(match["name"], 0) + 1
    return len(lines) >= 3 and len(counts) >= 2 and max(counts.values()) >= 2


def _could_speak(name: str, context: Context) -> bool:
    lower = name.lower()
    if (
        lexicon.protects(name)
        or lower in context.stop_words
        or lower in lexicon.ROLE_NOUNS
        or name.isupper()
    ):
        return False
    words = name.split()
    if len(words) > 1:
        # "Lisa Voorst", "lil senna"; not "Stand van zaken".
        return all(
            w[:1].isupper()
            or w.lower() in context.interfixes
            or w.lower() not in context.frequent_words
            for w in words
        ) and not all(w.lower() in context.frequent_words for w in words)
    return (
        lower in context.first_names
        or _has_handle_shape(name)
        or lower not in context.dictionary
    )


def is_chat(text: str, context: Context) -> bool:
    return any(_colon_lines(_CHAT_LINE, text)) or bool(_untimed_speakers(text, context))


def detect_chat_speakers(text: str, context: Context) -> Iterator[Candidate]:
    if ": " not in text and ":\t" not in text:
        return  # each speaker's line has one (#13)
    speakers: dict[str, Label] = {}
    for match in [*_untimed_speakers(text, context), *_reply_speakers(text, context)]:
        name = match["name"]
        label = Label.HANDLE if _has_handle_shape(name) else Label.PERSON
        speakers[name] = label
        yield Candidate(match.start("name"), match.end("name"), label, HANDLE)
    # The transcriber's note: "'storm' is Storm Doorn (13)".
    for name, label in speakers.items():
        if not any(quote + name in text for quote in QUOTE):
            continue  # not quoted: spare compiling the pattern (#13)
        quoted = rf"(?<=[{QUOTE}]){regex.escape(name)}(?=[{QUOTE}])"
        for match in regex.finditer(quoted, text):
            yield Candidate(match.start(), match.end(), label, HANDLE)
    for match in _colon_lines(_CHAT_LINE, text):
        # "Roos (jongerenwerk)": the role in brackets is context; in
        # "Beheerder (GeertjanVrijheid)" the role is, and the name is not.
        raw = match.group("name")
        name, _, bracketed = raw.partition(" (")
        start = match.start("name")
        for value, offset in (
            (name.strip(), 0),
            (bracketed.rstrip(") "), len(name) + 2),
        ):
            if not value or value.islower() and offset:
                continue
            if (
                lexicon.protects(value)
                or value.lower() in context.stop_words
                or value.lower() in lexicon.ROLE_NOUNS
            ):
                continue
            label = Label.HANDLE if _has_handle_shape(value) else Label.PERSON
            yield Candidate(start + offset, start + offset + len(value), label, HANDLE)


# Compiled once: regex.search(string, ...) looks its pattern up in a cache
# on every call, which cost more than the search of a short word (#13).
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\p{N}")
_INNER_DOT = regex.compile(r"\w\.\w")


def _has_handle_shape(word: str) -> bool:
    return bool(
        "_" in word
        or _CAMEL_PAIR.search(word)
        or (_LETTER.search(word) and _DIGIT.search(word))
        or _INNER_DOT.search(word)
    )


def detect_shaped_handles(text: str, context: Context) -> Iterator[Candidate]:
    lower = _lowered_text(text)
    yield from _dotted_handles(text)
    capital_or_digit = sorted(_starts_near(text, _LOWER_BEFORE_CAPITAL_OR_DIGIT))
    for match in matches_at(_CAMEL_WORD, text, capital_or_digit):
        yield from _camel_handle(text, match, context)
    for pattern, cues, folded in (
        (_PREFIXED, _PREFIXED_CUES, text),
        (_NAMED_TWO_WORDS, ("naam",), lower),
        (_STAGE_NAME, ("DJ", "Dj", "MC"), text),
    ):
        if _mentions(folded, cues):
            for match in pattern.finditer(text):
                start, end = match.span("word")
                yield Candidate(start, end, Label.HANDLE, HANDLE)
    if ":" in text and _mentions(lower, _REPLY_CUES):
        yield from _reply_handles(text, context)
    for match in matches_at(_LETTERS_AND_DIGITS, text, capital_or_digit):
        word = match.group()
        letters = word.rstrip("0123456789")
        if word not in context.dictionary and letters not in context.frequent_words:
            yield Candidate(match.start(), match.end(), Label.HANDLE, HANDLE)
    if _mentions(lower, _ACCOUNT_NOUNS) and _mentions(lower, _IS_CALLED):
        yield from _called_handles(text, context)
    yield from _platform_handles(text, lower, context)


def _dotted_handles(text: str) -> Iterator[Candidate]:
    for match in matches_at(_DOTTED, text, sorted(_starts_near(text, _DOT_IN_WORD))):
        word = match.group("word")
        parts = word.split(".")
        if (
            parts[-1] in _FILE_ENDINGS
            or parts[-1] in _DOMAIN_ENDINGS  # a domain: detect_urls decides
            or parts[0] == "www"
            or _ABBREVIATION.match(word)
            or all(p.isdigit() for p in parts)
            or max(len(p) for p in parts) < 3
        ):
            continue
        yield Candidate(match.start(), match.end(), Label.HANDLE, HANDLE)


def _reply_handles(text: str, context: Context) -> Iterator[Candidate]:
    for match in _REPLY_LINE.finditer(text):
        name = match.group("name").strip()
        if name and not (
            lexicon.protects(name)
            or lexicon.protected_spans(name)
            or name.lower() in context.stop_words
            or name.lower() in lexicon.ROLE_NOUNS
        ):
            start = match.start("name") + match.group("name").index(name)
            words = name.split()
            person = (
                len(words) >= 2
                and words[0].lower() in context.first_names
                and all(w[:1].isupper() or w in context.interfixes for w in words)
            )
            label = Label.PERSON if person else Label.HANDLE
            yield Candidate(start, start + len(name), label, HANDLE)


def _called_handles(text: str, context: Context) -> Iterator[Candidate]:
    for match in _ACCOUNT_THAT_IS_CALLED.finditer(text):
        word = match.group("word").rstrip(".")
        if _has_handle_shape(word) or (
            word.islower() and word not in context.dictionary and len(word) >= 4
        ):
            start = match.start("word")
            yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)


def _platform_handles(text: str, lower: str, context: Context) -> Iterator[Candidate]:
    platforms = _platform_starts(text, lower)
    if platforms is None:  # ``lower`` does not line up with ``text``
        own, after = _OWN_PLATFORM.finditer(text), _AFTER_PLATFORM.finditer(text)
    else:
        own = matches_at(
            _OWN_PLATFORM, text, sorted(_possessive_starts(text, lower, platforms))
        )
        after = matches_at(_AFTER_PLATFORM, text, sorted(platforms))
    for match in own:
        word = match.group("word").rstrip(".")
        if (
            word not in context.dictionary
            and not lexicon.protects(word)
            and (len(word) >= 5 or _has_handle_shape(word))
        ):
            start = match.start("word")
            yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)
    for match in after:
        word = match.group("word").rstrip(".")
        if word.lower() in context.common_words or lexicon.protects(word):
            continue
        if _has_handle_shape(word) or word.islower():
            start = match.start("word")
            yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)


# --- where the shaped patterns can match (#13) ------
# Each pattern above scanned at every character of every text; these find
# the few places where one can start from a cheap cue, and
# ``_matches_at`` tries it there, as ``finditer`` would.

#: A lower-case letter before a capital or a digit, as every match of
#: ``_CAMEL_WORD`` and ``_LETTERS_AND_DIGITS`` holds at most 30 characters
#: after its start.
_LOWER_BEFORE_CAPITAL_OR_DIGIT = regex.compile(r"\p{Ll}[\p{Lu}\p{N}]")
#: The first dot of a match of ``_DOTTED``, with a letter, digit or "_" on
#: each side: at most 30 characters after its start.
_DOT_IN_WORD = regex.compile(r"[\p{Ll}\p{N}_]\.[\p{Ll}\p{N}_]")
#: The same cues in a text of ASCII only, where ``\p{Ll}`` is a-z,
#: ``\p{Lu}`` A-Z, ``\p{N}`` 0-9 and ``\w`` all these and "_": the text with
#: its classes written as one mark each, the marks of a cue, and the marks
#: that end the run of characters a match starts with, up to the cue.
_ASCII_CUES = {
    _LOWER_BEFORE_CAPITAL_OR_DIGIT: (
        _ascii_classes({string.ascii_lowercase: "a", _UPPER_AND_DIGITS: "B", "_": "_"}),
        "aB",
        (" ",),
    ),
    _DOT_IN_WORD: (
        _ascii_classes({string.ascii_lowercase + string.digits + "_": "a", ".": "."}),
        "a.a",
        (" ", "."),
    ),
}
#: The patterns tried at ``_starts_near`` all open with this lookbehind.
_WORD_START = regex.compile(r"(?<![\w@./-])")
#: The beginnings of the platforms' names, none the start of another: one
#: stands at the start of the platform in every match of ``_OWN_PLATFORM``
#: and ``_AFTER_PLATFORM``.
_PLATFORM_HEADS = tuple(
    sorted(
        name
        for name in lexicon.PLATFORMS
        if not any(name != head and name.startswith(head) for head in lexicon.PLATFORMS)
    )
)
_POSSESSIVES = frozenset("zijn haar mijn z'n m'n hun je jouw".split())
_PREFIXED_CUES = ("lil", "yung", "young", "big", "king", "queen", "baby")
_REPLY_CUES = ("reactie", "antwoord", "reply")
_ACCOUNT_NOUNS = ("account", "kanaal", "profiel", "pagina")
#: "heette" holds "heet".
_IS_CALLED = ("heet", "heten", "noemt")


def _starts_near(text: str, cue: regex.Pattern) -> set[int]:
    """Where ``_DOTTED`` (for the cue ``_DOT_IN_WORD``), ``_CAMEL_WORD`` or
    ``_LETTERS_AND_DIGITS`` (for ``_LOWER_BEFORE_CAPITAL_OR_DIGIT``) can
    start: at most 30 characters before a hit of the cue (overlapping hits
    too), with no space or line end between, where the lookbehind
    ``(?<![\\w@./-])`` that opens each holds. ``finditer_near`` tried all 31
    places before each hit.

    In a text of ASCII only, a match runs from its start to the cue through
    word characters only (``_DOTTED``: a-z, 0-9 and "_"), after none, so it
    can only start where that run does."""
    if text.isascii():
        classes, marks, stops = _ASCII_CUES[cue]
        marked = text.translate(classes)
        return {
            max(marked.rfind(stop, 0, at) for stop in stops) + 1
            for at in occurrences(marked, marks)
        }
    starts = set()
    for hit in cue.finditer(text, overlapped=True):
        at = hit.start()
        reach = max(0, at - 30)
        reach = max(
            reach, text.rfind(" ", reach, at) + 1, text.rfind("\n", reach, at) + 1
        )
        starts.update(
            start.start() for start in _WORD_START.finditer(text, reach, at + 1)
        )
    return starts


def _platform_starts(text: str, lower: str) -> list[int] | None:
    """Where a platform's name can start in ``text`` (after no letter,
    digit, "_" or "-"), found in ``lower``; None when ``lower`` does not
    line up with ``text``, and the patterns must scan. Only "İ" has a lower
    case of two characters (a test holds it), "i" and a combining dot, and
    ``_lowered`` leaves out every combining dot: the two are as long only
    when the text had no combining dot, and then each character of
    ``lower`` stands where its own does in ``text``."""
    if len(lower) != len(text):
        return None
    return [
        at
        for head in [head for head in _PLATFORM_HEADS if head in lower]
        for at in occurrences(lower, head)
        if not (at and _in_word(text[at - 1]))
    ]


def _in_word(char: str) -> bool:
    """Part of a word for ``(?<![\\w-])``: a letter or decimal digit is
    always ``\\w`` (only a character that surely is, so no start is lost)."""
    return char.isalpha() or char.isdecimal() or char in "_-"


def _possessive_starts(text: str, lower: str, platforms: list[int]) -> set[int]:
    """Where "zijn", "m'n", ... stand before a platform's name, with only
    spaces or tabs between, as in every match of ``_OWN_PLATFORM``."""
    starts = set()
    for at in platforms:
        gap = at
        while gap and text[gap - 1] in " \t":
            gap -= 1
        if gap == at:
            continue
        for length in (2, 3, 4):
            if gap >= length and lower[gap - length : gap] in _POSSESSIVES:
                starts.add(gap - length)
    return starts


def _camel_handle(
    text: str, match: regex.Match, context: Context
) -> Iterator[Candidate]:
    """Two capitals inside ("AlphenWordtWakker", "xXdylanXx"), or digits,
    make a user name; one capital inside ("GroenLinks", "PostNL") only
    where the words before say it is one."""
    word = match.group("word")
    if lexicon.protects(word) or len(word) < 5 or word.isupper():
        return
    humps = len(_CAMEL_PAIR.findall(word))
    digits = any(ch.isdigit() for ch in word)
    before = text[max(0, match.start() - 40) : match.start()]
    if humps >= 2 or digits or _HANDLE_CONTEXT.search(before):
        yield Candidate(match.start(), match.end(), Label.HANDLE, HANDLE)


# --- first names in lower case ------

#: Words that only stand next to a person: "met yara", "mijn neef stef",
#: "stijn zei", "koen zn nummer".
#: Nouns for a person: after them even a first name that is also a word
#: ("mijn collega bas") is a name.
_PERSON_NOUN = lexicon.RELATIVE_NOUNS
_PERSON_BEFORE = _PERSON_NOUN | frozenset(
    """
    met en bel belt belde app appt appte vraag zeg tegen hoi hey hee hi doei
    volgens
    """.split()
)
_PERSON_AFTER = frozenset(
    """
    en zei zegt zeggen vertelde vertelt vroeg vraagt heeft had wil wilde
    belde belt appte appt kwam komt ging gaat woont zn z'n zijn haar
    """.split()
)
#: First names that are also ordinary Dutch words, which Deduce's list of
#: common words lacks.
_WORD_NAMES = frozenset(
    """
    brand roos mark bas hoop storm ster merel fleur lente zon maan dag ben wil
    iris linde hazel jade mees vos kit pim zoë joy faith hope mei juni april
    noa bo do lot rob rik rens jet kees wim karel hanna sterre hugo tom dean
    """.split()
)
_LOWER_WORD = regex.compile(r"(?<![\w@.'’-])\p{Ll}[\p{Ll}-]{1,20}(?![\w@-]|[.'’]\w)")
#: A first name with an initial for the surname: "Ilias K.".
_FIRST_AND_INITIAL = regex.compile(
    r"(?<![\w@.'’-])(?P<first>\p{Lu}\p{Ll}{1,20})[ \t]\p{Lu}\.(?=[\s,;:)]|$)"
)
#: A user name of two lower-case words after "met de naam" or "onder de
#: naam" ("een account met de naam stille wolf.").
_NAMED_TWO_WORDS = regex.compile(
    r"(?i:(?:met|onder)[ \t]de[ \t]naam|genaamd)[ \t]+"
    r"(?P<word>\p{Ll}[\p{Ll}\p{N}_.]{1,20}[ \t]\p{Ll}[\p{Ll}\p{N}_]{1,20})"
    r"(?=[.,;:!?)]|$|[ \t](?:en|op|via|in|werd|is|was|heeft|had|die|dat)\b)"
)


#: "heet iets als rayan of rayyan", "genaamd dex": after these a lower-case
#: word is a name when it is a first name or in no Dutch word list.
_NAMING = regex.compile(
    r"(?i:(?<![\w-])(?:heet|heette|heten|genaamd|bijgenaamd|bijnaam|alias|roepnaam)"
    r"(?:[ \t]+iets[ \t]+als|[ \t]+(?:ie|hij|ze|zij|die),?)?)[ \t]+"
    r"(?P<first>\p{Ll}[\p{Ll}-]{1,20})"
    r"(?:[ \t]+of[ \t]+(?P<second>\p{Ll}[\p{Ll}-]{1,20}))?(?![\w@.-])"
)
#: A nickname in quotes, by what stands next to it: "'kleine joel' mee,
#: echte naam Joël …", "bekend als 'K-Roma'".
_NICKNAME = regex.compile(
    rf"(?i:(?:bekend[ \t]als|alias|bijnaam|noemen[ \t]ze[ \t](?:hem|haar)"
    rf"|een[ \t]zekere|ene)[ \t]+)"
    rf"[{QUOTE}](?P<before>[^{QUOTE}\n]{{2,30}})[{QUOTE}]"
    rf"|[{QUOTE}](?P<after>[^{QUOTE}\n]{{2,30}})[{QUOTE}](?:[^.\n]{{0,30}}?"
    rf"(?i:echte[ \t]naam|in[ \t]werkelijkheid|ofwel|oftewel)"
    # "'Dish' (Dinesh Sitaldin)", "'Nootdorp Nightcrawler' (account …)".
    rf"|{H}?\((?=\p{{Lu}}|(?i:account|profiel|@)))"
    # "Dutchy (heet eigenlijk Dustin Honig)": unquoted, before its explanation.
    rf"|(?<![\w@.-])(?P<bare>\p{{Lu}}[\p{{L}}\p{{N}}]{{2,20}}){H}\("
    rf"(?=(?i:heet|echte{H}naam|eigenlijk|alias|bijnaam))"
)
#: "lange hein", "kleine Joey", "dikke Mo": a nickname of a word and a name.
_NICKNAME_PREFIX = regex.compile(
    r"(?<![\w@.-])(?P<name>(?i:kleine|lange|dikke|grote|gekke|stille|rooie|zwarte"
    r"|mooie|boze|gekke|domme)[ \t](?P<first>\p{L}[\p{Ll}-]{1,20}))(?![\w@-])"
)
#: Prepositions after which, in a chat, a first name that is also a word
#: is still a name: "zeg dat je bij bo slaapt".
_CHAT_BEFORE = frozenset({"bij", "naar", "voor", "aan", "van"})


#: One of these stands in every match of ``_NAMING`` ("heette" holds
#: "heet", "bijgenaamd" "genaamd").
_NAMING_CUES = ("heet", "heten", "genaamd", "bijnaam", "alias", "roepnaam")
_NICKNAME_PREFIX_CUES = tuple(
    "kleine lange dikke grote gekke stille rooie zwarte mooie boze domme".split()
)
#: A quoted nickname of ``_NICKNAME`` comes after the last word of one of
#: its cues ("bekend als", "noemen ze hem", "een zekere", "ene"), or before
#: one of the last ("echte naam", "oftewel"), or before a bracket.
_QUOTED_NICKNAME_CUES = ("bekend", "alias", "bijnaam", "noemen", "zekere", "ene")
_CUE_BEFORE_QUOTE = regex.compile(
    rf"(?i:als|alias|bijnaam|hem|haar|zekere|ene)[ \t]+[{QUOTE}]"
)
_EXPLAINED_NICKNAME_CUES = ("echte", "werkelijkheid", "ofwel", "oftewel")
#: The characters of ``H``.
_H_CHARS = " \t\xa0"
_AFTER_QUOTED_BRACKET = regex.compile(r"\p{Lu}|(?i:account|profiel|@)")
#: A bare nickname stands before a bracket that opens with one of these.
_BARE_NICKNAME_CUES = ("(heet", "(echte", "(eigenlijk", "(alias", "(bijnaam")


def detect_lowercase_names(text: str, context: Context) -> Iterator[Candidate]:
    yield from _lowercase_first_names(text, context)
    lower = _lowered_text(text)
    if _mentions(lower, _NAMING_CUES):
        yield from _named(text, context)
    if _mentions(lower, _NICKNAME_PREFIX_CUES):
        yield from _prefixed_nicknames(text, context)
    if _may_hold_a_nickname(text, lower):
        yield from _nicknames(text, context)


def _may_hold_a_nickname(text: str, lower: str) -> bool:
    """Whether ``_NICKNAME`` can match: the cheap tests of words that each
    of its matches holds, so that most texts need no scan (#13)."""
    if any(quote in text for quote in QUOTE) and (
        _mentions(lower, _EXPLAINED_NICKNAME_CUES)
        or _quote_before_bracket(text)
        or (
            _mentions(lower, _QUOTED_NICKNAME_CUES)
            and _CUE_BEFORE_QUOTE.search(text) is not None
        )
    ):
        return True
    # Each bare cue opens with a bracket (#13).
    return "(" in text and _mentions(lower, _BARE_NICKNAME_CUES)


def _quote_before_bracket(text: str) -> bool:
    """A quote right before "(", or before one space and "(", and a capital
    or "account", "profiel" or "@" after it: "'Dish' (Dinesh Sitaldin)"."""
    for at in occurrences(text, "("):
        quote = at - 1
        if quote >= 1 and text[quote] in _H_CHARS:
            quote -= 1
        if (
            quote >= 0
            and text[quote] in QUOTE
            and _AFTER_QUOTED_BRACKET.match(text, at + 1)
        ):
            return True
    return False


def _lowercase_first_names(text: str, context: Context) -> Iterator[Candidate]:
    """First names in lower case where the text says they are people."""
    chat = is_chat(text, context)
    for match in _name_like_words(text, context, chat=chat):
        word = match.group()
        if word not in context.first_names:
            # "jaydennnn": a first name with its last letter drawn out.
            if not (chat and _drawn_out_first_name(word, context)):
                continue  # most words: decided without looking around them
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)
            continue
        before = text[max(0, match.start() - 20) : match.start()].split()
        after = text[match.end() : match.end() + 20].split()
        previous = before[-1].lower().strip(",") if before else ""
        following = after[0].lower().strip(",.!?") if after else ""
        cue = previous in _PERSON_BEFORE or following in _PERSON_AFTER
        noun = previous in _PERSON_NOUN or (
            chat and (cue or previous in _CHAT_BEFORE) and len(word) > 1
        )
        if not _lowercase_first_name(word, context, noun=noun):
            continue
        if len(word) == 2 and not (chat and (cue or previous in _CHAT_BEFORE)):
            continue
        if chat or cue:
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


#: In a text of ASCII only (``\p{Ll}`` is a-z there, ``\w`` A-Z, a-z, 0-9
#: and "_"), each match of ``_LOWER_WORD`` is a run of a-z and "-" between
#: characters that are no letter, digit, "_", "@" or "-". With a-z and "-"
#: kept, those characters written as "A" and all others as a space, each
#: match is one of the words of ``split``, found at several times the speed
#: of a scan (#13). The other words ("Aan" of "Jan", "yara" of ".yara") are
#: looked for too, and ``_LOWER_WORD.match`` drops them.
_ASCII_WORDS = _ascii_classes(
    {char: char for char in string.ascii_lowercase + "-"}
    | {_UPPER_AND_DIGITS + "_@": "A"}
)


def _name_like_words(text: str, context: Context, *, chat: bool) -> list[regex.Match]:
    """The matches of ``_LOWER_WORD`` that ``_lowercase_first_names`` can
    take, in the order of the text: a first name that can be one in lower
    case next to some word (``noun`` only widens), or in a chat a word in no
    list ending in a doubled letter, as a drawn out name does. Most texts
    have none, so the distinct words are tested first, at C speed, and only
    those that pass are looked for (#13). A match is a whole run of
    lower-case letters and hyphens, of 2 to 21, so a match at each place
    the word stands is the one ``finditer`` finds there."""
    if text.isascii():
        words = set(text.translate(_ASCII_WORDS).split())
    else:
        words = set(_LOWER_WORD.findall(text))
    wanted = {
        word
        for word in words & context.first_names
        if len(word) > 1 and _lowercase_first_name(word, context, noun=True)
    }
    if chat:
        wanted.update(
            word
            for word in words - context.first_names - context.dictionary
            if len(word) > 1 and word[-1] == word[-2] and "A" not in word
        )
    found = []
    for start in places(text, wanted):
        match = _LOWER_WORD.match(text, start)
        if match and match.group() in wanted:
            found.append(match)
    return found


def _named(text: str, context: Context) -> Iterator[Candidate]:
    for match in _NAMING.finditer(text):
        for group in ("first", "second"):
            word = match.group(group)
            if word and _named_word(word, context):
                yield Candidate(*match.span(group), Label.PERSON, PERSON)


def _prefixed_nicknames(text: str, context: Context) -> Iterator[Candidate]:
    for match in _NICKNAME_PREFIX.finditer(text):
        first = match.group("first").lower()
        if first in context.first_names and first not in context.stop_words:
            yield Candidate(*match.span("name"), Label.PERSON, PERSON)


def _nicknames(text: str, context: Context) -> Iterator[Candidate]:
    for match in matches_at(_NICKNAME, text, sorted(_nickname_starts(text))):
        group = next(g for g in ("before", "after", "bare") if match.group(g))
        value = match.group(group).strip()
        if not lexicon.protects(value) and value.lower() not in context.stop_words:
            start = match.start(group) + match.group(group).index(value)
            yield Candidate(start, start + len(value), Label.PERSON, PERSON)


#: The cues before a quoted nickname, a space for each ``[ \t]`` in them.
_BEFORE_QUOTED_NICKNAME = frozenset(
    {"bekend als", "alias", "bijnaam", "noemen ze hem", "noemen ze haar"}
    | {"een zekere", "ene"}
)
_BEFORE_QUOTED_NICKNAME_LENGTHS = sorted({len(cue) for cue in _BEFORE_QUOTED_NICKNAME})
#: What opens the bracket after a bare nickname.
_BARE_NICKNAME_EXPLAINED = ("heet", "echte", "eigenlijk", "alias", "bijnaam")


def _nickname_starts(text: str) -> set[int]:
    """Where a match of ``_NICKNAME`` can start, so that it is tried only
    there, not at each character (#13): at a quote (a nickname before its
    explanation); at a cue that ends in spaces before a quote ("alias
    'Dex'"); 4 to 22 characters before a bracket that opens with an
    explanation (a bare nickname: "Dutchy (heet eigenlijk …)")."""
    starts = set()
    for quote in QUOTE:
        for at in occurrences(text, quote):
            starts.add(at)
            gap = at
            while gap and text[gap - 1] in " \t":
                gap -= 1
            if gap == at:
                continue
            for length in _BEFORE_QUOTED_NICKNAME_LENGTHS:
                if gap < length:
                    break
                cue = _lowered(text[gap - length : gap]).replace("\t", " ")
                if cue in _BEFORE_QUOTED_NICKNAME:
                    starts.add(gap - length)
    for at in occurrences(text, "("):
        if (
            at >= 4
            and text[at - 1] in _H_CHARS
            and _lowered(text[at + 1 : at + 10]).startswith(_BARE_NICKNAME_EXPLAINED)
        ):
            starts.update(range(max(0, at - 22), at - 3))
    return starts


def _drawn_out_first_name(word: str, context: Context) -> bool:
    if word in context.dictionary:
        return False
    short = regex.sub(r"(\p{Ll})\1+$", r"\1", word)
    return short != word and short in context.first_names and len(short) >= 3


def _named_word(word: str, context: Context) -> bool:
    if (
        word in context.stop_words
        or word in context.common_words
        or lexicon.protects(word)
    ):
        return False
    return word in context.first_names or (
        len(word) >= 3 and word not in context.dictionary
    )


def first_name_in_person_context(
    text: str, candidate: Candidate, context: Context
) -> bool:
    """One word that is a first name (and also a place, or the engine would
    not ask) right after a word that only goes with a person."""
    word = text[candidate.start : candidate.end]
    lower = word.lower()
    if " " in word or lower not in context.first_names or lower in context.common_words:
        return False
    before = text[max(0, candidate.start - 20) : candidate.start].split()
    # Not "en": "Peel en Maas" is a municipality.
    return bool(before) and before[-1].lower() in (_PERSON_BEFORE - {"en"}) | {"zich"}


def _lowercase_first_name(word: str, context: Context, *, noun: bool) -> bool:
    return (
        (noun or word not in _WORD_NAMES)
        and word in context.first_names
        and word not in context.common_words
        and word not in context.stop_words
        and word not in context.placenames
        and word not in context.interfixes
        and not lexicon.protects(word)
    )


def detect_first_names_with_initial(text: str, context: Context) -> Iterator[Candidate]:
    for match in _FIRST_AND_INITIAL.finditer(text):
        first = match.group("first").lower()
        if first in context.first_names and first not in context.common_words:
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


#: A capitalised word, or a hyphenated pair ("Nieuw-Vennep").
_CAPITAL_PAIR = regex.compile(
    r"(?<![\w@.'’-])(?P<first>\p{Lu}\p{Ll}{1,20})[ \t]"
    r"(?P<last>\p{Lu}\p{Ll}{1,25}(?:-\p{Lu}\p{Ll}{1,25})?)(?![\w@'’-])"
)


def detect_first_name_and_surname(text: str, context: Context) -> Iterator[Candidate]:
    """A known first name and a capitalised word are a person, also when the
    word is a place or a word ("Peter Gastel", "Sanne Putten"), unless the
    two together are a place or the word names a place or a role."""
    for match in _CAPITAL_PAIR.finditer(text):
        first, last = match.group("first"), match.group("last")
        pair = f"{first} {last}".lower()
        lower = last.lower()
        if (
            not (
                _plain_first_name(first, context)
                or _before_a_rare_surname(text, match, context)
            )
            or pair in context.placenames
            or lexicon.protects(pair)
            or lexicon.protects(last)
            or lower in context.stop_words
            or lower in lexicon.ROLE_NOUNS
            or lower in lexicon.NAMED_PLACE_WORDS
            or addresses.STREET_SUFFIX.search(lower)
            and lower not in context.placenames
        ):
            continue
        yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


def _before_a_rare_surname(text: str, match: regex.Match, context: Context) -> bool:
    """ "Riet Zeldenrust": a first name that is also a word ("riet") before a
    surname that is no word in use and no place, inside a sentence."""
    first, last = match.group("first").lower(), match.group("last").lower()
    # The search for a sentence's start last: most pairs fail a lookup (#13).
    return (
        last in context.surnames
        and last not in context.frequent_words
        and last not in context.placenames
        and first not in context.stop_words
        and first not in lexicon.ROLE_NOUNS
        and not lexicon.protects(first)
        and not opens_sentence(text, match.start())
    )


def _plain_first_name(word: str, context: Context) -> bool:
    lower = word.lower()
    return (
        lower in context.first_names
        and lower not in context.common_words
        and lower not in context.stop_words
        and lower not in context.placenames
        and lower not in _WORD_NAMES
        and not lexicon.protects(word)
    )
