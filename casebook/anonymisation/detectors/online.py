"""E-mail addresses, web addresses and handles."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import lexicon
from ..labels import Label
from ..scanning import (
    WORD_OR_DASH,
    CharClass,
    CueWords,
    lowered_text,
    matches_at,
    places,
    starts_near,
)
from .base import (
    HANDLE,
    QUOTE,
    STRUCTURED,
    TRAILING_PUNCTUATION,
    Candidate,
    Context,
    finditer_near,
)

#: Also written to fool harvesters: "naam(at)provider.nl", "naam [at] x.nl".
_DOT = r"(?:\.|[ \t]?(?i:\(dot\)|\[dot\])[ \t]?)"
_EMAIL = regex.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}(?:@|[ \t]?(?i:\(at\)|\[at\]|\{at\})[ \t]?)"
    + r"[\w-]{1,63}(?:"
    + _DOT
    + r"[\w-]{1,63}){0,5}"
    + _DOT
    + r"[A-Za-z]{2,18}\b"
)
#: The "@" of every match of ``_EMAIL``, at most 65 characters after its start.
_AT = regex.compile(r"@|(?i:\(at\)|\[at\]|\{at\})")
TLDS = (
    "com|nl|be|org|net|me|tv|app|eu|io|gg|de|fr|uk|info|live|social|to|ly|"
    "co|us|es|it|pl|tr|ma|ru|ua|biz|online|site|xyz"
)
_URL_SCHEME = regex.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'`\[\]{}|\\^]{1,500}")
_URL_BARE = regex.compile(
    rf"(?i)(?<![\w@./-])((?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.){{1,4}}(?:{TLDS}))"
    r"(/[^\s<>\"'`\[\]{}|\\^]{0,500})?(?![\w.-]*@)(?![\w-])"
)
_HANDLE = regex.compile(
    r"(?<![\w@.+/-])@[\p{L}\p{N}_](?:[\p{L}\p{N}_.]{0,38}[\p{L}\p{N}_])?(?![\w@])"
)


_SCHEME_AND_WWW = regex.compile(r"(?i)^(?:https?://)?(?:www\.)?")


def _host(url: str) -> tuple[str, str]:
    """(host without www, path) of a URL written with or without scheme."""
    rest = _SCHEME_AND_WWW.sub("", url)
    host, _, path = rest.partition("/")
    return host.lower(), path


def _domain_is_protected(host: str, context: Context) -> bool:
    if host in lexicon.PROTECTED_DOMAINS:
        return True
    labels = host.split(".")
    if len(labels) >= 2 and ".".join(labels[-2:]) in lexicon.PROTECTED_DOMAINS:
        return True
    # A municipality's own site: amsterdam.nl, denhaag.nl, gemeente-ede.nl.
    name = labels[-2] if len(labels) >= 2 else host
    return name.removeprefix("gemeente").strip("-") in context.domain_places


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in TRAILING_PUNCTUATION:
        # Keep a closing bracket that belongs to the URL itself.
        if text[end - 1] == ")" and "(" in text[start : end - 1]:
            break
        end -= 1
    return end


_AT_WORDS = ("@", "(at)", "[at]", "{at}")
_IN_USER_NAME = CharClass(r"[\w.+-]")
_SPACE_OR_TAB = (" ", "\t")


def _emails(text: str) -> Iterator[regex.Match]:
    """``_EMAIL.finditer(text)``, tried only where a match can start (#13):
    the user name before an "@" (or a space and "(at)") is made of
    characters that the character before a match is none of, so a match
    starts where that run of them starts."""
    lowered = lowered_text(text)
    if lowered is None:
        return finditer_near(_EMAIL, text, _AT, 65)
    starts: set[int] = set()
    for at in places(lowered, _AT_WORDS):
        ends = (at, at - 1) if at > 0 and text[at - 1] in _SPACE_OR_TAB else (at,)
        for start in ends:
            while start > 0 and _IN_USER_NAME[text[start - 1]]:
                start -= 1
            starts.add(start)
    return matches_at(_EMAIL, text, sorted(starts))


def detect_emails(text: str, context: Context) -> Iterator[Candidate]:
    for match in _emails(text):
        yield Candidate(match.start(), match.end(), Label.EMAIL, STRUCTURED)


#: Any two-letter country domain, with a path: "linktr.ee/naam".
_URL_COUNTRY = regex.compile(
    r"(?i)(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,4}[a-z]{2}"
    r"/[^\s<>\"'`\[\]{}|\\^]{1,500}"
)
#: The end of the domain of every match of ``_URL_COUNTRY``, at most 255
#: characters (four labels) after its start.
_COUNTRY_END = regex.compile(r"(?i)\.[a-z]{2}/")


#: The first two letters of each ending in ``TLDS``.
_TLD_HEADS = frozenset(tld[:2] for tld in TLDS.split("|"))
_SCHEME_WORDS = ("http", "www.")
_IN_HOST = CharClass(r"[\w@./-]")


def _with_scheme(text: str, lowered: str | None) -> Iterator[regex.Match]:
    """``_URL_SCHEME.finditer(text)``: every match starts with "http" or
    "www.", so it is tried only there (#13)."""
    if lowered is None:
        return _URL_SCHEME.finditer(text)
    return matches_at(_URL_SCHEME, text, places(lowered, _SCHEME_WORDS))


def _bare_domains(text: str, lowered: str | None) -> Iterator[regex.Match]:
    """``_URL_BARE.finditer(text)``, tried only where a match can start
    (#13). Every match has a dot before the first letters of an ending,
    and what comes before that dot is letters, digits, dots and dashes
    after a character that is none of those, "@" or "/": a match can only
    start where the run of those characters (and "@" and "/") before such
    a dot starts."""
    if lowered is None:
        return _URL_BARE.finditer(text)
    starts: set[int] = set()
    for dot in places(lowered, (".",)):
        if lowered[dot + 1 : dot + 3] in _TLD_HEADS:
            start = dot
            while start > 0 and _IN_HOST[text[start - 1]]:
                start -= 1
            starts.add(start)
    return matches_at(_URL_BARE, text, sorted(starts))


def detect_urls(text: str, context: Context) -> Iterator[Candidate]:
    for match in finditer_near(_URL_COUNTRY, text, _COUNTRY_END, 255):
        end = _trim(text, match.start(), match.end())
        yield Candidate(match.start(), end, Label.URL, STRUCTURED)
    """URLs with a path (a profile, a group invitation, a post) are always
    removed; a bare domain only when it is not a platform, an authority or
    a municipality."""
    lowered = lowered_text(text)
    for match in _with_scheme(text, lowered):
        end = _trim(text, match.start(), match.end())
        host, path = _host(text[match.start() : end])
        if path.strip("/") or not _domain_is_protected(host, context):
            yield Candidate(match.start(), end, Label.URL, STRUCTURED)
    for match in _bare_domains(text, lowered):
        end = _trim(text, match.start(), match.end())
        host, path = _host(text[match.start() : end])
        if path.strip("/"):
            yield Candidate(match.start(), end, Label.URL, STRUCTURED)
        elif "." in host and not _domain_is_protected(host, context):
            # "J.P." or "o.a." are no domains: require a known TLD (above)
            # and a label of two letters or more.
            if len(host.split(".")[-2]) >= 2:
                yield Candidate(match.start(), end, Label.URL, STRUCTURED - 1)


def detect_handles(text: str, context: Context) -> Iterator[Candidate]:
    for match in _HANDLE.finditer(text):
        end = match.end()
        # "@Mart S.": a display name with an initial, as Facebook writes it.
        initial = _MENTION_INITIAL.match(text, end)
        if initial and match.group()[1:2].isupper():
            end = initial.end()
        surname = _MENTION_SURNAME.match(text, end)
        if (
            surname
            and match.group()[1:].lower() in context.first_names
            and surname.group(1).lower() not in context.frequent_words
        ):
            end = surname.end()  # "@Harrie Kuipers": a display name
        yield Candidate(match.start(), end, Label.HANDLE, HANDLE)
    yield from _handles_by_cue(text, context)
    yield from _handles_by_shape(text, context)


# A word with an underscore is a user name wherever it stands; a quoted word
# that mixes letters and digits or has a dot inside ('larsz050',
# 'semmie.events') is one too. Quoted phrases with spaces are group names,
# which stay.
_UNDERSCORED = regex.compile(
    r"(?<![\w@.])(?:[\p{L}\p{N}.]*_[\p{L}\p{N}_.]*[\p{L}\p{N}_]"
    r"|[\p{L}\p{N}][\p{L}\p{N}.]{1,38}_)"  # "hollandsepedojagers_"
)
#: A capital inside a word ("TheRealSjaak", "smuldersTV"): a user name when
#: quoted or named as one; brands like "TikTok" are protected words.
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
#: Also a name and a number: "gechat als 'Lotje 13'".
_QUOTED_WORD = regex.compile(
    rf"(?<=[{QUOTE}])(?P<word>[\p{{L}}\p{{N}}_.]{{3,40}}(?:[ \t]\d{{1,4}})?)"
    rf"(?=[{QUOTE}])"
)
_PLATFORM_COLON = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + lexicon.alternation(lexicon.PLATFORMS, ignore_case=True)
    + r")\s?:\s?@?(?P<word>[\p{L}\p{N}_.]{3,40})"
)


_MENTION_INITIAL = regex.compile(r"[ \t]\p{Lu}\.(?=[\s,;:)]|$)")
_MENTION_SURNAME = regex.compile(r"[ \t](\p{Lu}\p{Ll}{2,25})(?![\w@-])")

#: "@rens_zundert_bda en RZ076", "accounts als katwijk.onrust en
#: RijnsburgRebels": a word listed with a user name is one when its shape
#: says so too.
_COORDINATED = regex.compile(
    r"[ \t]*(?:,|[ \t](?:en|of|and|&|plus))[ \t]+@?(?P<word>[\p{L}\p{N}_.]{3,40})"
)


def coordinated_handles(
    text: str, found: list[Candidate], context: Context
) -> Iterator[Candidate]:
    """User names listed after one already found."""
    for candidate in found:
        if candidate.label is not Label.HANDLE:
            continue
        end = candidate.end
        while (match := _COORDINATED.match(text, end)) is not None:
            word = match.group("word").rstrip(".")
            shaped = _CAMEL.search(word) or (
                any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
            )
            if not (shaped or _looks_like_user_name(word, context, quoted=False)):
                break
            if lexicon.protects(word) or word.lower() in context.common_words:
                break
            start = match.start("word")
            yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)
            end = start + len(word)


_NAME_CHAR = CharClass(r"[\p{L}\p{N}.]")
_BEFORE_UNDERSCORED = CharClass(r"[\w@.]")


def _underscored(text: str) -> Iterator[regex.Match]:
    """``_UNDERSCORED.finditer(text)``, tried only where a match can start
    (#13): every match has an underscore, and only letters, digits and dots
    before its first one."""
    starts: set[int] = set()
    for underscore in places(text, ("_",)):
        start = underscore
        while True:
            if start == 0 or not _BEFORE_UNDERSCORED[text[start - 1]]:
                starts.add(start)
            if start == 0 or not _NAME_CHAR[text[start - 1]]:
                break
            start -= 1
    return matches_at(_UNDERSCORED, text, sorted(starts))


def _quoted_words(text: str) -> Iterator[regex.Match]:
    """``_QUOTED_WORD.finditer(text)``: every match starts right after a
    quote, so it is tried only there (#13)."""
    return matches_at(_QUOTED_WORD, text, [at + 1 for at in places(text, QUOTE)])


def _handles_by_shape(text: str, context: Context) -> Iterator[Candidate]:
    for match in _underscored(text):
        start, end = match.start(), _trim(text, match.start(), match.end())
        yield Candidate(start, end, Label.HANDLE, HANDLE)
    # Every match of ``_PLATFORM_COLON`` has a colon (#13).
    platform_colon = _PLATFORM_COLON.finditer(text) if ":" in text else ()
    for pattern, matches in (
        (_QUOTED_WORD, _quoted_words(text)),
        (_PLATFORM_COLON, platform_colon),
    ):
        for match in matches:
            word = match.group("word").rstrip(".")
            mixed = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
            dotted = "." in word.strip(".")
            if pattern is _QUOTED_WORD and _after_group_noun(text, match.start()):
                continue  # "de Snapchatgroep 'pedojagers 024'": a group's name
            if (
                mixed or dotted or _CAMEL.search(word) or pattern is _PLATFORM_COLON
            ) and _looks_like_user_name(word, context):
                start = match.start("word")
                yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)


_HANDLE_CUE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(cue) for cue in lexicon.HANDLE_CUES)
    + r")(?:\s+(?:is|was|heet|heette|van|op|genaamd))?\s*:?\s*"
    + rf"(?:[{QUOTE}](?P<quoted>[^{QUOTE}\n]{{2,40}})[{QUOTE}]"
    # "de gebruiker noorderling 1990": a word and a year or an area code.
    + r"|(?P<bare>[\p{L}\p{N}_.]{3,40}(?:[ \t]\d{2,4}(?![\w.,:/-]))?))"
)


def _looks_like_user_name(word: str, context: Context, *, quoted: bool = True) -> bool:
    """Digits, an underscore, a dot or a capital inside make a user name.
    A plain lower-case word only counts in quotes: "account 'sanne'", but
    not "account aanvragen" or "het account werd verwijderd"."""
    word = word.rstrip(".")
    head = word.split()[0].lower() if word.strip() else word
    if head in context.common_words or head in context.stop_words:
        return False  # "account had 312 volgers"
    if word.lower() in context.common_words or lexicon.protects(word):
        return False
    if _CAMEL.search(word):
        return True
    if any(ch.isdigit() for ch in word) or "_" in word or "." in word:
        return not word.replace(" ", "").isdigit()
    if word.islower() and len(word) >= 5 and word not in context.dictionary:
        return True  # "account boefjesuitbrummen": in no Dutch word list
    return quoted and word.islower() and len(word) >= 4


# Compiled once: regex.findall(string, ...) looks its pattern up in a cache
# on every call (#13).
_WORD_OR_DASH_RUN = regex.compile(r"[\w-]+")


def _after_group_noun(text: str, start: int) -> bool:
    """Whether a group noun stands just before ``start`` ("de groep 'X'",
    "een groep onder de naam 'X'")."""
    before = text[max(0, start - 30) : start].lower()
    words = _WORD_OR_DASH_RUN.findall(before)
    return any(word in lexicon.GROUP_NOUNS for word in words[-4:])


_HANDLE_CUE_WORDS = CueWords(
    lexicon.HANDLE_CUES, parts=("account", "naam", "door", "zich", "van")
)


def _handle_cue_matches(text: str) -> Iterator[regex.Match]:
    """``_HANDLE_CUE.finditer(text)``: every match starts with a cue word,
    so it is tried only where one stands (#13)."""
    lowered = lowered_text(text)
    if lowered is None:
        return _HANDLE_CUE.finditer(text)
    cues = _HANDLE_CUE_WORDS.places(lowered)
    return matches_at(
        _HANDLE_CUE, text, starts_near(text, cues, 0, WORD_OR_DASH, WORD_OR_DASH)
    )


def _handles_by_cue(text: str, context: Context) -> Iterator[Candidate]:
    for match in _handle_cue_matches(text):
        if match.group("quoted") and _after_group_noun(text, match.start()):
            continue
        if match.group("quoted"):
            value = match.group("quoted").strip()
            if lexicon.protects(value):
                continue
            start = match.start("quoted")
            yield Candidate(start, start + len(value), Label.HANDLE, HANDLE)
        elif _looks_like_user_name(match.group("bare"), context, quoted=False):
            start = match.start("bare")
            end = start + len(match.group("bare").rstrip("."))
            yield Candidate(start, end, Label.HANDLE, HANDLE)
