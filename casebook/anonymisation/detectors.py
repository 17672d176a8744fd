"""Detectors for what Deduce does not know: handles, case numbers, plates,
schools, checksummed numbers, addresses by street list, and names by cue.

Each detector is a function ``(text, context) -> Iterator[Candidate]``. They
may overlap each other and Deduce; the engine keeps the candidate with the
highest priority (then the longest). Patterns are written so that a long
text cannot make them backtrack: every repetition is bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from . import checks, lexicon
from .labels import Label

# Priorities: a structured number beats a name that happens to lie inside
# it; a school or an address beats the person it is named after.
CUE_NUMBER, STRUCTURED, HANDLE, PHONE, PLACE, DATE, PERSON = 50, 40, 35, 30, 25, 20, 10


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: Label
    priority: int


@dataclass(frozen=True)
class Context:
    """Lookup data the detectors need (from Deduce's lists, lower case)."""

    streets: frozenset[str]
    placenames: frozenset[str]
    common_words: frozenset[str]
    stop_words: frozenset[str]
    #: Tussenvoegsels, and each of their words ("van", "der", "'t").
    interfixes: frozenset[str]
    #: Place names as they appear in a domain: "denhaag", "alphenaandenrijn".
    domain_places: frozenset[str]
    #: Deduce's first names, lower case.
    first_names: frozenset[str]
    #: Beginnings (4 letters and more) of place names, to tell the adjective
    #: of a place ("Goudse", "Tilburgse") from a name.
    place_prefixes: frozenset[str]


Detector = Callable[[str, Context], Iterator[Candidate]]

_QUOTE = "'\"‘’“”„‚"
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"’”"

# --- e-mail, URLs, handles ------

_EMAIL = regex.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\.[A-Za-z]{2,18}\b"
)
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


def _host(url: str) -> tuple[str, str]:
    """(host without www, path) of a URL written with or without scheme."""
    rest = regex.sub(r"(?i)^(?:https?://)?(?:www\.)?", "", url)
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
    while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
        # Keep a closing bracket that belongs to the URL itself.
        if text[end - 1] == ")" and "(" in text[start : end - 1]:
            break
        end -= 1
    return end


def detect_emails(text: str, context: Context) -> Iterator[Candidate]:
    for match in _EMAIL.finditer(text):
        yield Candidate(match.start(), match.end(), Label.EMAIL, STRUCTURED)


def detect_urls(text: str, context: Context) -> Iterator[Candidate]:
    """URLs with a path (a profile, a group invitation, a post) are always
    removed; a bare domain only when it is not a platform, an authority or
    a municipality."""
    for match in _URL_SCHEME.finditer(text):
        end = _trim(text, match.start(), match.end())
        host, path = _host(text[match.start() : end])
        if path.strip("/") or not _domain_is_protected(host, context):
            yield Candidate(match.start(), end, Label.URL, STRUCTURED)
    for match in _URL_BARE.finditer(text):
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
        yield Candidate(match.start(), match.end(), Label.HANDLE, HANDLE)
    yield from _handles_by_cue(text, context)
    yield from _handles_by_shape(text, context)


# A word with an underscore is a user name wherever it stands; a quoted word
# that mixes letters and digits or has a dot inside ('larsz050',
# 'semmie.events') is one too. Quoted phrases with spaces are group names,
# which stay.
_UNDERSCORED = regex.compile(r"(?<![\w@.])[\p{L}\p{N}.]*_[\p{L}\p{N}_.]*[\p{L}\p{N}_]")
#: A capital inside a word ("TheRealSjaak", "smuldersTV"): a user name when
#: quoted or named as one; brands like "TikTok" are protected words.
_CAMEL = regex.compile(r"\p{Ll}\p{Lu}")
_QUOTED_WORD = regex.compile(
    rf"(?<=[{_QUOTE}])(?P<word>[\p{{L}}\p{{N}}_.]{{3,40}})(?=[{_QUOTE}])"
)
_PLATFORM_COLON = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(p) for p in sorted(lexicon.PLATFORMS, key=len)[::-1])
    + r")\s?:\s?@?(?P<word>[\p{L}\p{N}_.]{3,40})"
)


def _handles_by_shape(text: str, context: Context) -> Iterator[Candidate]:
    for match in _UNDERSCORED.finditer(text):
        start, end = match.start(), _trim(text, match.start(), match.end())
        yield Candidate(start, end, Label.HANDLE, HANDLE)
    for pattern in (_QUOTED_WORD, _PLATFORM_COLON):
        for match in pattern.finditer(text):
            word = match.group("word").rstrip(".")
            mixed = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
            dotted = "." in word.strip(".")
            if (
                mixed or dotted or _CAMEL.search(word) or pattern is _PLATFORM_COLON
            ) and _looks_like_user_name(word, context):
                start = match.start("word")
                yield Candidate(start, start + len(word), Label.HANDLE, HANDLE)


_HANDLE_CUE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(cue) for cue in lexicon.HANDLE_CUES)
    + r")(?:\s+(?:is|was|heet|heette|van|op|genaamd))?\s*:?\s*"
    + rf"(?:[{_QUOTE}](?P<quoted>[^{_QUOTE}\n]{{2,40}})[{_QUOTE}]"
    + r"|(?P<bare>[\p{L}\p{N}_.]{3,40}))"
)


def _looks_like_user_name(word: str, context: Context, *, quoted: bool = True) -> bool:
    """Digits, an underscore, a dot or a capital inside make a user name.
    A plain lower-case word only counts in quotes: "account 'sanne'", but
    not "account aanvragen" or "het account werd verwijderd"."""
    word = word.rstrip(".")
    if word.lower() in context.common_words or lexicon.protects(word):
        return False
    if _CAMEL.search(word):
        return True
    if any(ch.isdigit() for ch in word) or "_" in word or "." in word:
        return not word.isdigit()
    return quoted and word.islower() and len(word) >= 4


def _handles_by_cue(text: str, context: Context) -> Iterator[Candidate]:
    for match in _HANDLE_CUE.finditer(text):
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


# --- phone numbers, numbers with a checksum, IPs, plates ------

_PHONE_NL = regex.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)"
    # "074 - 245 66 01": a dash with a space either side between the groups.
    r"[1-9](?:(?:[ \t]?-[ \t]?|[\s.-])?\)?[\s.-]?\d){8}(?![\w]|[.,-]\d)"
)
_PHONE_INTERNATIONAL = regex.compile(
    r"(?<![\w+/.,-])(?:\+|00)(?!31)[1-9]\d{0,2}(?:[\s.-]?\(?\d{1,5}\)?){2,6}"
    r"(?![\w]|[.,-]\d)"
)
_SERVICE_NUMBER = regex.compile(r"^0(?:800|90\d)")


def is_service_number(value: str) -> bool:
    """0800 and 090x numbers belong to organisations (0900-8844 is the
    police), never to a person."""
    return bool(_SERVICE_NUMBER.match(checks.digits_only(value)))


def detect_phones(text: str, context: Context) -> Iterator[Candidate]:
    for match in _PHONE_NL.finditer(text):
        digits = checks.digits_only(match.group())
        national = regex.sub(r"^(?:0031|31)", "0", digits)
        if national.startswith("00"):
            national = national[1:]
        if len(national) == 10 and not is_service_number(national):
            yield Candidate(match.start(), match.end(), Label.PHONE, PHONE)
    for match in _PHONE_INTERNATIONAL.finditer(text):
        if 8 <= len(checks.digits_only(match.group())) <= 15:
            yield Candidate(match.start(), match.end(), Label.PHONE, PHONE)


_IBAN = regex.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\w])")
_BSN = regex.compile(
    r"(?<![\w.,/-])(?:\d{9}|\d{4}[.\s]\d{2}[.\s]\d{3}|\d{3}[.\s]\d{3}[.\s]\d{3}"
    r"|\d{3}[.\s]\d{2}[.\s]\d{2}[.\s]\d{2})(?![\w]|[.,/-]\d)"
)
_AMOUNT_BEFORE = regex.compile(r"(?i)(?:€|eur|euro|\$|£|ƒ)\s*$")
_AMOUNT_AFTER = regex.compile(r"(?i)^\s*(?:euro|eur|€|dollar|views|keer|volgers)\b")


def detect_ibans(text: str, context: Context) -> Iterator[Candidate]:
    for match in _IBAN.finditer(text):
        # Greedy on spaces: try the longest prefix that passes the checksum,
        # so "NL91 ABNA 0417 1643 00 TE" does not swallow the next word.
        value = match.group()
        for end in range(len(value), 14, -1):
            if value[end - 1] != " " and checks.iban_is_valid(value[:end]):
                yield Candidate(match.start(), match.start() + end, Label.IBAN, 40)
                break


def detect_bsns(text: str, context: Context) -> Iterator[Candidate]:
    for match in _BSN.finditer(text):
        before = text[max(0, match.start() - 6) : match.start()]
        after = text[match.end() : match.end() + 10]
        if _AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after):
            continue
        if checks.passes_elfproef(match.group()):
            yield Candidate(match.start(), match.end(), Label.BSN, STRUCTURED)


_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = regex.compile(rf"(?<![\w.])(?:{_OCTET}\.){{3}}{_OCTET}(?![\w]|\.\d)")
_IPV6 = regex.compile(
    r"(?i)(?<![\w:])(?:[0-9a-f]{1,4}:){1,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})"
    r"(?![\w:])"
)


def detect_ips(text: str, context: Context) -> Iterator[Candidate]:
    for match in _IPV4.finditer(text):
        yield Candidate(match.start(), match.end(), Label.IP_ADDRESS, STRUCTURED)
    for match in _IPV6.finditer(text):
        value = match.group()
        groups = [group for group in value.split(":") if group]
        # Times ("23:15:00") also look like this: demand a compressed "::",
        # or six groups and more.
        if ("::" in value and len(groups) >= 2) or len(groups) >= 6:
            yield Candidate(match.start(), match.end(), Label.IP_ADDRESS, STRUCTURED)


_PLATE = regex.compile(rf"(?<![\w-])(?:{checks.PLATE_PATTERN})(?![\w-])")
_PLATE_CUE = regex.compile(
    r"(?i)\bkenteken(?:plaat|nummer)?\s*(?:is|was|van)?\s*:?\s*"
    r"(?P<plate>[A-Z0-9]{1,3}-?[A-Z0-9]{2,3}-?[A-Z0-9]{1,3})(?![\w-])"
)


def detect_plates(text: str, context: Context) -> Iterator[Candidate]:
    for match in _PLATE.finditer(text):
        yield Candidate(match.start(), match.end(), Label.PLATE, STRUCTURED)
    for match in _PLATE_CUE.finditer(text):
        value = match.group("plate").upper()
        if checks.plate_sidecode(value) or checks.plate_with_dashes(value):
            start, end = match.span("plate")
            yield Candidate(start, end, Label.PLATE, STRUCTURED)


# --- police and case numbers, identity numbers ------

_CASE_CUES = (
    r"bvh[- ]?(?:nummer|nr\.?|registratie(?:nummer)?)?|bvh|registratienummer"
    r"|registratienr\.?|registratie|mutatienummer|mutatienr\.?|mutatie"
    r"|zaaknummer|zaaknr\.?|zaak-id|zaakid|dossiernummer|dossiernr\.?"
    r"|parketnummer|parketnr\.?|parket|proces-verbaalnummer|proces-verbaal"
    r"|pv-nummer|pv-nr\.?|pv|p\.v\.|kenmerk|meldingsnummer|meldingnummer"
    r"|meldnummer|incidentnummer|incidentnr\.?|referentienummer|referentie"
    r"|aangiftenummer|procesnummer|rolnummer|bekeuringsnummer|boetenummer"
    r"|cjib-nummer|zaak|dossier|(?:onder|met)\s(?:het\s)?(?:nummer|nr\.?)"
)
_ID_CUES = (
    r"paspoortnummer|paspoort|id-kaartnummer|id-kaart|identiteitskaartnummer"
    r"|identiteitskaart|identiteitsbewijs|documentnummer|rijbewijsnummer|rijbewijs"
    r"|klantnummer|klantnr\.?|pasnummer|lidnummer|leerlingnummer|studentnummer"
    r"|personeelsnummer|polisnummer|imei(?:-nummer)?|v-nummer|vreemdelingennummer"
    r"|ov-chipkaartnummer|kaartnummer|abonneenummer|telefoonabonnement"
)
# "het IMEI-nummer van de telefoon is 3569…": a few filler words may sit
# between the cue and the number.
_FILLER = (
    r"(?:,?\s+(?:nummer|nr\.?|no\.?|number|van|de|het|zijn|haar|hun|die|deze|dit"
    r"|telefoon|toestel|verdachte|betrokkene|aangifte|melding|zaak|bij|op|in|voor"
    r"|is|was|luidt|met|onder|staat|stond|opgemaakt|geregistreerd|ingeschreven"
    r"|(?-i:[A-Z]{2,4}:))){0,5}"
)
_NUMBER_AFTER_CUE = (
    _FILLER + r"\s*[:#]?\s*"
    r"(?P<number>(?=[A-Za-z0-9/._-]{0,40}\d)"
    r"[A-Z0-9][A-Za-z0-9]{0,30}(?:[/._-][A-Za-z0-9]{1,30}){0,4})"
)
_CASE_BY_CUE = regex.compile(rf"(?i)(?<![\w-])(?:{_CASE_CUES}){_NUMBER_AFTER_CUE}")
_ID_BY_CUE = regex.compile(rf"(?i)(?<![\w-])(?:{_ID_CUES}){_NUMBER_AFTER_CUE}")
_CASE_SHAPES = regex.compile(
    r"(?<![\w/-])(?:PL\d{4}[- ]?\d{6,12}"  # BVH registration: PL0900-2024123456
    r"|\d{2}/\d{5,7}-\d{2}"  # parketnummer: 16/123456-24
    r"|\d{2}/\d{6,7}"  # parketnummer without the year
    r"|ECLI:NL:[A-Z]{2,6}:\d{4}:[A-Z0-9]{1,10}"  # court ruling: public, kept below
    r")(?![\w/-])"
)


# Dutch passport and identity-card numbers: nine letters and digits, the
# last a digit, no letter O; taken only near a document word.
_DOCUMENT_NUMBER = regex.compile(r"(?<![\w-])[A-NP-Z]{2}[A-NP-Z0-9]{6}\d(?![\w-])")
_DOCUMENT_CUE = regex.compile(
    r"(?i)(?:paspoort|id-kaart|identiteitskaart|identiteitsbewijs|rijbewijs"
    r"|reisdocument|verblijfsdocument|document)"
)


def detect_case_numbers(text: str, context: Context) -> Iterator[Candidate]:
    for match in _DOCUMENT_NUMBER.finditer(text):
        letters = sum(ch.isalpha() for ch in match.group())
        near = text[max(0, match.start() - 60) : match.start()]
        if 2 <= letters <= 7 and _DOCUMENT_CUE.search(near):
            yield Candidate(match.start(), match.end(), Label.ID_NUMBER, CUE_NUMBER)
    for match in _CASE_SHAPES.finditer(text):
        if not match.group().startswith("ECLI"):
            yield Candidate(match.start(), match.end(), Label.CASE_NUMBER, CUE_NUMBER)
    for pattern, label, minimum in (
        (_CASE_BY_CUE, Label.CASE_NUMBER, 4),
        (_ID_BY_CUE, Label.ID_NUMBER, 3),
    ):
        for match in pattern.finditer(text):
            number = match.group("number").rstrip("./-_")
            if sum(ch.isdigit() for ch in number) < minimum or len(number) < 5:
                continue
            if regex.fullmatch(r"(?:19|20)\d{2}", number):
                continue  # "zaak uit 2024": a year, not a number
            if _PHONE_NL.fullmatch(number):
                continue  # "onder nummer 06-…" is a phone number, found as such
            start = match.start("number")
            yield Candidate(start, start + len(number), label, CUE_NUMBER)


# --- postcodes and addresses ------

_POSTCODE = regex.compile(
    r"(?<![\w-])(?P<digits>[1-9]\d{3})(?P<space>\s?)(?P<letters>[A-Z]{2}|[a-z]{2})"
    r"(?![\w-])"
)
#: Upper-case pairs that after a year are words ("in 2024 OM en politie").
_POSTCODE_WORDS = frozenset(
    "OM EU NL VS UK AM PM EN IN OP TE BV NV KM MM CM KG ME OK NU DE ZO JA IK".split()
)
_FOLLOWED_BY_PLACE = regex.compile(r"^,?\s{1,3}(?:te\s)?\p{Lu}\p{L}")


def detect_postcodes(text: str, context: Context) -> Iterator[Candidate]:
    for match in _POSTCODE.finditer(text):
        letters = match.group("letters")
        after = text[match.end() : match.end() + 40]
        before = text[max(0, match.start() - 30) : match.start()]
        near_address = _FOLLOWED_BY_PLACE.match(after) or regex.search(
            r"\d\s?[a-zA-Z]?,?\s*$", before
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


STREET_SUFFIX = regex.compile(
    r"(?i)(?:straat|str\.|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|markt"
    r"|pad|park|plantsoen|steeg|baan|dam|boulevard|allee|erf|veld|hout|burg|pier"
    r"|wal|haven|brink|ring|plaats|poort|akker|oord|rade|wijk|zijde|straatje)$"
)
#: With a house number after it, more endings make a street: new-build
#: streets and a hamlet's lanes ("Klaverweide 14", "Bongerdkamp 3"). Not in
#: STREET_SUFFIX, which also decides that a word is no name ("Verhoek").
_ADDRESS_SUFFIX = regex.compile(
    STREET_SUFFIX.pattern[:-2]
    + r"|weide|kamp|gaarde|stede|donk|hoek|schans|zoom|kant|hage|horst|vliet)$"
)
_HOUSE_NUMBER = regex.compile(
    r"(?<=[\p{L}.'’]\s{1,3})(?P<number>[1-9]\d{0,3})"
    r"(?P<addition>\s?[a-zA-Z](?![\w])|\s?-\s?\d{1,4}(?!\d)|\s?(?:hs|bis|zw|rd|I{1,3})\b)?"
    # Not a count: "het Malieveld 2000 demonstranten", "de Dam 300 supporters".
    r"(?![\w]|[.,:]\d|\s?(?:%|uur|jaar|keer|euro|minuten|man|mensen|personen"
    r"|jongeren|deelnemers|leden|volgers|berichten|views|meter|km|auto's"
    r"|\p{Ll}+(?:anten|enten|ers|aars|ieren|lingen))\b)"
)
_ADDRESS_CUE = regex.compile(
    r"(?i)(?:woon\w*|adres\w*|wonend\w*|verblijf\w*|ingeschreven|aan\s+de|aan\s+het"
    r"|op\s+de|op\s+het|op\s+nummer|pand|woning|huis|bij)\W{0,3}$"
)
_WORD = regex.compile(r"[\p{L}\p{N}'’.-]+")


_CLAUSE_BREAK = regex.compile(r"[,;:!?()\n]")


def _words_before(text: str, end: int, limit: int = 6) -> list[tuple[int, int]]:
    """Spans of the (up to ``limit``) words that end just before ``end``."""
    window_start = max(0, end - 90)
    window = text[window_start:end]
    spans = [
        (window_start + m.start(), window_start + m.end())
        for m in _WORD.finditer(window)
    ]
    # Stop at sentence punctuation between words.
    result: list[tuple[int, int]] = []
    for start, stop in reversed(spans):
        gap = text[stop : result[-1][0] if result else end]
        if _CLAUSE_BREAK.search(gap):
            break
        result.append((start, stop))
        if len(result) == limit:
            break
    return list(reversed(result))


def _street_before(
    text: str, number_start: int, context: Context
) -> tuple[int, bool] | None:
    """The start of the street name before a house number, and whether the
    name is certain (in the street list with several words, or with a
    street suffix) rather than a single listed word that is also common."""
    words = _words_before(text, number_start)
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
    return None


#: Titles that open a street name: "Gravin Wilhelminastraat", "Burgemeester
#: de Withstraat", "Koningin Julianalaan".
_STREET_TITLES = frozenset(
    """
    graaf gravin koning koningin prins prinses hertog hertogin burgemeester
    dokter dr. generaal kapitein pastoor pater professor prof. sint st.
    jonkheer jhr. admiraal kardinaal bisschop meester mr. ridder baron
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
        found = _street_before(text, match.start(), context)
        if found is None:
            continue
        start, certain = found
        before = text[max(0, start - 40) : start]
        after = text[match.end() : match.end() + 30]
        cue = bool(_ADDRESS_CUE.search(before) or _FOLLOWED_BY_PLACE.match(after))
        cue = cue or bool(regex.match(r",?\s*[1-9]\d{3}\s?[A-Z]{2}", after))
        year_like = int(match.group("number")) >= 1900
        if (certain and not year_like) or cue:
            yield Candidate(start, match.end(), Label.ADDRESS, PLACE)


# --- schools ------

# Names and school names never run over a line end: in HTML that is the
# end of a paragraph or a list item. _H is the space within a line.
_H = r"[ \t\xa0]"
_NAME_WORD = r"\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*){0,3}"
_SCHOOL_NAME = (
    rf"(?:(?:De|Het|'t|Den){_H})?{_NAME_WORD}"
    rf"(?:{_H}(?:(?:van|de|der|den|het|op|aan|in|'t){_H})?{_NAME_WORD}){{0,4}}"
)
_SCHOOL_GENERIC = regex.compile(
    rf"(?i)\b(?:(?:islamitische|christelijke|katholieke|openbare){_H})?"
    rf"(?:basisschool|basisscholen|school|scholengemeenschap|kindcentrum"
    rf"|integraal{_H}kindcentrum|montessorischool|daltonschool|jenaplanschool"
    rf"|vrije{_H}school|brede{_H}school|praktijkschool|middelbare{_H}school"
    rf"|vmbo-school|mbo-school|mbo-opleiding){_H}"
    rf"(?-i:(?P<name>{_SCHOOL_NAME}))"
)
_SCHOOL_ACRONYM = regex.compile(
    rf"\b(?:OBS|CBS|PCBS|RKBS|KBS|SBO|VSO|IKC|CSG|RSG|OSG|PCC|ROC|ISK|SG|BS){_H}"
    rf"(?P<name>{_SCHOOL_NAME})"
)
_SCHOOL_SUFFIX = regex.compile(
    rf"\b(?P<name>(?:{_NAME_WORD}{_H}){{1,4}}"
    r"(?:College|Lyceum|Gymnasium|Atheneum|Scholengemeenschap|Campus|Academie|Mavo"
    r"|Vmbo|Havo|School|Scholen|Schoolgemeenschap))\b"
    rf"(?P<tail>(?:{_H}{_NAME_WORD}){{0,3}})"
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
    """ "Montessori Lyceum Amsterdam": the place may stay."""
    head, _, last = text[start:end].rpartition(" ")
    if head and last.lower() in context.placenames:
        return start + len(head)
    return end


#: A school named after a "School:" label in a report ("School: Helinium").
_SCHOOL_LABEL = regex.compile(
    rf"(?m)(?<![\w-])(?i:school|opleiding){_H}?:{_H}?(?P<name>{_SCHOOL_NAME})"
)


def detect_schools(text: str, context: Context) -> Iterator[Candidate]:
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


# --- names that Deduce does not find ------

_INTERFIX = (
    rf"(?:van{_H}de|van{_H}der|van{_H}den|van{_H}'t|van{_H}het|in{_H}'t|op{_H}de"
    r"|van|de|der|den|ten|ter|te|la|le|el|al|da|dos|del|du|bin|ben|ibn)"
)
_INITIALS = rf"(?:\p{{Lu}}\.{_H}?){{1,4}}"
_PERSON_NAME = (
    rf"(?:{_INITIALS}{_H}?)?(?:{_INTERFIX}{_H})?{_NAME_WORD}"
    rf"(?:{_H}(?:{_INTERFIX}{_H})?{_NAME_WORD}){{0,3}}"
)
_BY_ROLE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(noun) for noun in sorted(lexicon.ROLE_NOUNS, key=len)[::-1])
    + rf"){_H}(?-i:(?P<name>{_PERSON_NAME}))"
)
_BY_CUE = regex.compile(
    r"(?i)(?<![\w-])(?:"
    + "|".join(regex.escape(cue) for cue in lexicon.NAME_CUES)
    + rf"){_H}?:?{_H}[{_QUOTE}]?(?-i:(?P<name>{_PERSON_NAME}))"
)
_INITIALS_NAME = regex.compile(
    rf"(?<![\w.]){_INITIALS}{_H}?(?:{_INTERFIX}{_H})?(?:{_NAME_WORD})"
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


def _trim_name(
    text: str, start: int, end: int, context: Context, *, honorific: bool = False
) -> int | None:
    """Drop trailing words that are not names (protected words, function
    words, places); None when nothing name-like remains. A place right after
    a tussenvoegsel stays: "J. de Vries" (Vries is a village)."""
    words = [m.group() for m in regex.finditer(r"\S+", text[start:end])]
    ends = [m.end() for m in regex.finditer(r"\S+", text[start:end])]
    while words:
        word = words[-1].strip(".")
        lower = word.lower()
        # "J. de Vries" (Vries is a village), "R. Oosterhout": no place
        # follows an initial or a tussenvoegsel.
        after_interfix = len(words) > 1 and (
            words[-2].lower() in context.interfixes
            or regex.fullmatch(r"(?:\p{Lu}\.)+", words[-2])
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


def detect_names(text: str, context: Context) -> Iterator[Candidate]:
    for pattern in (_BY_ROLE, _BY_CUE, _INITIALS_NAME):
        for match in pattern.finditer(text):
            if "name" in match.groupdict():
                start, end = match.span("name")
            else:
                start, end = match.span()
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
    for run in _OTHER_SCRIPT_RUN.finditer(text):
        # A few words in another alphabet inside a Dutch text are names; a
        # long run is a quoted message, kept for the reader to judge.
        if len(run.group().split()) > 6:
            continue
        for match in _OTHER_SCRIPT_NAME.finditer(text, run.start(), run.end()):
            yield Candidate(match.start(), match.end(), Label.PERSON, PERSON)


_CAPITALISED = r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}*){0,3}"
_CAPITALISED_RUN = regex.compile(
    rf"(?<![\w-])(?P<before>(?:\p{{L}}+{_H})?)"
    rf"(?P<run>{_CAPITALISED}(?:{_H}{_CAPITALISED}){{1,3}})(?![\w-])"
)
_ARTICLES = frozenset({"de", "het", "een", "'t"})


def is_place_adjective(word: str, context: Context) -> bool:
    lower = word.lower()
    for ending in ("sche", "se"):
        stem = lower.removesuffix(ending)
        if stem != lower and len(stem) >= 4 and stem in context.place_prefixes:
            return True
    return False


def _name_like(word: str, context: Context) -> bool:
    """A capitalised word that is in no list of ordinary words."""
    lower = word.lower()
    parts = lower.split("-")
    return not (
        lower in context.common_words
        or lower in context.placenames
        or lexicon.protects(word)
        or lower in lexicon.ROLE_NOUNS
        or any(
            part in context.placenames or part in lexicon.PLACE_PARTS for part in parts
        )
        or STREET_SUFFIX.search(lower)
        or regex.search(r"(?:college|lyceum|gymnasium|school|academie)$", lower)
        or is_place_adjective(word, context)
    )


def detect_name_runs(text: str, context: Context) -> Iterator[Candidate]:
    """Two to four capitalised words that are in no word list are a name
    Deduce does not know ("Oleksandr Kovalenko", "Wang Wei"); not after an
    article or a place noun ("de Goudse Waarheid", "park Schothorst")."""
    for match in _CAPITALISED_RUN.finditer(text):
        before = match.group("before").strip().lower()
        if before in _ARTICLES or before in lexicon.LOCATION_NOUNS:
            continue
        words = list(regex.finditer(r"\S+", match.group("run")))
        while words and not _name_like(words[0].group(), context):
            words.pop(0)
        while words and not _name_like(words[-1].group(), context):
            words.pop()
        if len(words) < 2 or not all(_name_like(w.group(), context) for w in words):
            continue
        offset = match.start("run")
        yield Candidate(
            offset + words[0].start(), offset + words[-1].end(), Label.PERSON, PERSON
        )


DETECTORS: tuple[Detector, ...] = (
    detect_emails,
    detect_urls,
    detect_handles,
    detect_phones,
    detect_ibans,
    detect_bsns,
    detect_ips,
    detect_plates,
    detect_case_numbers,
    detect_postcodes,
    detect_addresses,
    detect_schools,
    detect_names,
    detect_name_runs,
)


def detect_all(text: str, context: Context) -> list[Candidate]:
    return [
        candidate for detector in DETECTORS for candidate in detector(text, context)
    ]
