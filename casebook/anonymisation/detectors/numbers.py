"""Phone numbers, numbers with a checksum, IP addresses, licence plates,
police and case numbers, identity numbers.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .. import checks
from ..labels import Label
from ..scanning import (
    WORD_OR_DASH,
    CharClass,
    alternation_of,
    lowered_text,
    matches_at,
    occurrences,
    places,
    starts_near,
)
from .base import (
    CUE_NUMBER,
    PHONE,
    STRUCTURED,
    Candidate,
    Context,
    finditer_near,
)

_PHONE_NL = regex.compile(
    r"(?<![\w+/.,-])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|\(?0)"
    # "074 - 245 66 01": a dash with a space either side between the groups.
    # An en dash too, as word processors write it: "075 – 612 30 48".
    r"[1-9](?:(?:[ \t]?[-–][ \t]?|[\s.–-])?\)?[\s.–-]?\d){8}(?![\w]|[.,-]\d)"
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


_STARTS_WITH_DATE = regex.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:19|20)\d{2}(?!\d)"
)


_COUNTRY_CODE = regex.compile(r"^(?:0031|31)")


def detect_phones(text: str, context: Context) -> Iterator[Candidate]:
    for match in _PHONE_NL.finditer(text):
        if _STARTS_WITH_DATE.match(match.group()):
            continue  # "[06-06-2024 16:40]": a chat's time stamp
        digits = checks.digits_only(match.group())
        national = _COUNTRY_CODE.sub("0", digits)
        if national.startswith("00"):
            national = national[1:]
        if len(national) == 10 and not is_service_number(national):
            start = match.start()
            if match.group().startswith("(") and ")" not in match.group():
                start += 1  # "(06-48291736)": the bracket is around the number
            yield Candidate(start, match.end(), Label.PHONE, PHONE)
    # Every international number starts with "+" or "00" (#13).
    international = "+" in text or "00" in text
    for match in _PHONE_INTERNATIONAL.finditer(text) if international else ():
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
#: Every plate has a dash at most 3 characters after its start.
_DASH = regex.compile(r"-")
_CAPITAL_OR_DIGIT = CharClass(r"[A-Z\d]")
_PLATE_CUE = regex.compile(
    r"(?i)\bkenteken(?:plaat|nummer)?\s*(?:is|was|van)?\s*:?\s*"
    r"(?P<plate>[A-Z0-9]{1,3}-?[A-Z0-9]{2,3}-?[A-Z0-9]{1,3})(?![\w-])"
)


def _plates(text: str) -> Iterator[regex.Match]:
    """``_PLATE.finditer(text)``, tried only at the starts of words up to 3
    characters before a dash (#13)."""
    dashes = places(text, ("-",))
    starts = starts_near(text, dashes, 3, WORD_OR_DASH, _CAPITAL_OR_DIGIT)
    return matches_at(_PLATE, text, starts)


def detect_plates(text: str, context: Context) -> Iterator[Candidate]:
    for match in _plates(text):
        yield Candidate(match.start(), match.end(), Label.PLATE, STRUCTURED)
    lowered = lowered_text(text)
    # Every match of ``_PLATE_CUE`` holds the word (#13).
    if lowered is not None and "kenteken" not in lowered:
        return
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
    r"|casusnummer|casusnr\.?|zorgmeldingnummer|meldingnr\.?"
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
    r"|relatienummer|huurdernummer|contractnummer|betalingskenmerk|debiteurnummer"
    r"|personeelsnummer|polisnummer|imei(?:-nummer)?|v-nummer|vreemdelingennummer"
    r"|ov-chipkaartnummer|kaartnummer|abonneenummer|telefoonabonnement"
)
# "het IMEI-nummer van de telefoon is 3569…": a few filler words may sit
# between the cue and the number.
_FILLER = (
    r"(?:,?\s+(?:nummer|nr\.?|no\.?|number|van|de|het|zijn|haar|hun|die|deze|dit"
    r"|telefoon|toestel|verdachte|betrokkene|aangifte|melding|zaak|bij|op|in|voor"
    r"|is|was|luidt|met|onder|staat|stond|opgemaakt|geregistreerd|ingeschreven"
    r"|(?-i:[A-Z]{2,4}:)|(?-i:[A-Z]{2,6}(?=\s+[A-Z]{0,6}\d)))){0,5}"
)
_NUMBER_AFTER_CUE = (
    _FILLER + r"\s*[:#]?\s*"
    # Groups of four digits too: "4000 1177 2384 0095".
    r"(?P<number>\d{4}(?:[ ]\d{4}){2,4}(?![\w])|(?=[A-Za-z0-9/._-]{0,40}\d)"
    r"[A-Z0-9][A-Za-z0-9]{0,30}(?:[/._-][A-Za-z0-9]{1,30}){0,4})"
)
#: Any word for a number of a file or a registration, as organisations
#: coin them ("Halt-nummer:", "VT-registratienr.", "meldkenmerk"); not the
#: numbers found as what they are (phones, houses, postcodes, plates).
_ANY_NUMBER_CUE = regex.compile(
    r"(?i)(?<![\w-])(?![\w-]*(?:telefoon|mobiel|huis|post|rug|fax|kenteken|06))"
    r"[\w-]{0,24}(?:nummer|nr\.?|registratie|kenmerk)[ \t]*[:#]?[ \t]*"
    r"(?P<number>(?=[A-Za-z0-9/._-]{0,40}\d)"
    r"[A-Z0-9][A-Za-z0-9]{0,30}(?:[/._-][A-Za-z0-9]{1,30}){0,4})"
)
#: The beginnings of the cue words of ``_CASE_BY_CUE``: every match has one
#: at most 17 characters after its start ("VT-zorgmeldingnummer",
#: "onder het nummer").
_CASE_WORDS = (
    "bvh registratie mutatie zaak dossier casus meld parket proces pv p.v. kenmerk"
    " incident referentie aangifte bekeuring boete cjib nummer nr"
).split()
_CASE_WORD = alternation_of(_CASE_WORDS)
#: The same for ``_ID_BY_CUE``, at most 20 characters after its start
#: ("AB-vreemdelingennummer").
_ID_WORDS = "nummer nr pas kaart identiteit bewijs kenmerk imei abonnement".split()
_ID_WORD = alternation_of(_ID_WORDS)
#: The words every match of ``_ANY_NUMBER_CUE`` has, at most 24 characters
#: after its start.
_ANY_NUMBER_WORDS = "nummer nr registratie kenmerk".split()
_ANY_NUMBER_WORD = alternation_of(_ANY_NUMBER_WORDS)
_DATE = regex.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:\d{2}|(?:19|20)\d{2})"
    r"|(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])"
)
_CASE_BY_CUE = regex.compile(
    rf"(?i)(?<![\w-])(?:[a-z]{{1,6}}-)?(?:{_CASE_CUES}){_NUMBER_AFTER_CUE}"
)
# "CJIB-betalingskenmerk", "VT-registratie": a cue may carry a prefix.
_ID_BY_CUE = regex.compile(
    rf"(?i)(?<![\w-])(?:[a-z]{{1,6}}-)?(?:{_ID_CUES}){_NUMBER_AFTER_CUE}"
)
_CASE_SHAPES = regex.compile(
    r"(?<![\w/-])(?:PL\d{4}[- ]?\d{6,12}"  # BVH registration: PL0900-2024123456
    r"|\d{2}/\d{5,7}-\d{2}"  # parketnummer: 16/123456-24
    r"|\d{2}/\d{6,7}"  # parketnummer without the year
    # A care or Halt report, a case file: ZM-2025-00832, ZVH-GM-2025-0093.
    r"|[A-Z]{1,5}(?:-[A-Z]{1,4})?-(?:19|20)\d{2}-\d{3,8}"
    r"|(?:1[5-9]|2\d)-\d{6,8}"  # year and serial: 25-0411784
    r"|[A-Z]{2,5}-(?:1[5-9]|2\d)-\d{4,8}"  # VTH-26-018842, MLD-26-05871
    r"|(?:1[5-9]|2\d)/[A-Z]{2,3}/\d{3,6}"  # 25/NN/7718
    r"|(?:19|20)\d{2}-[A-Z]{2,5}-\d{3,8}"  # a dossier: 2024-ZVH-00417
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
#: Every match of ``_DOCUMENT_CUE`` holds one of these.
_DOCUMENT_WORDS = ("paspoort", "id-kaart", "identiteits", "rijbewijs", "document")


def _document_numbers(text: str, lowered: str | None) -> Iterator[Candidate]:
    # Only taken after a document word: none in the text, no scan (#13).
    if lowered is not None and not any(word in lowered for word in _DOCUMENT_WORDS):
        return
    for match in _DOCUMENT_NUMBER.finditer(text):
        letters = sum(ch.isalpha() for ch in match.group())
        near = text[max(0, match.start() - 60) : match.start()]
        if 2 <= letters <= 7 and _DOCUMENT_CUE.search(near):
            yield Candidate(match.start(), match.end(), Label.ID_NUMBER, CUE_NUMBER)


_DIGIT = CharClass(r"\d")
_SHAPE_BEFORE = CharClass(r"[\w/-]")


def _shape_cues(text: str) -> list[int]:
    """Places at most 15 characters after the start of every match of
    ``_CASE_SHAPES``, in order: each match but "PL…" and "ECLI…" has a
    dash or a slash right after a digit ("16/…", "ZVH-GM-2025-…")."""
    cues = [
        at
        for mark in "-/"
        for at in occurrences(text, mark)
        if at > 0 and _DIGIT[text[at - 1]]
    ]
    cues.extend(occurrences(text, "PL"))
    cues.extend(occurrences(text, "ECLI"))
    return sorted(cues)


def _run_start(text: str, at: int, chars: CharClass = WORD_OR_DASH) -> int:
    """Where the run of ``chars`` (by default letters, digits, "_" and "-")
    that holds ``at`` begins (``at`` itself when the character before is
    none of them)."""
    while at and chars[text[at - 1]]:
        at -= 1
    return at


def _case_shapes(text: str) -> Iterator[regex.Match]:
    """``_CASE_SHAPES.finditer(text)``, tried only where a match can start
    (#13): where the run of ``[\\w/-]`` that holds one of its cues (a dash
    or slash after a digit, "PL", "ECLI") begins. A match starts after none
    of those characters, and up to its cue has nothing else ("ZVH-GM-2025-",
    "16/"; "PL" and "ECLI" open it), so it starts where that run does."""
    starts = {_run_start(text, cue, _SHAPE_BEFORE) for cue in _shape_cues(text)}
    return matches_at(_CASE_SHAPES, text, sorted(starts))


_SPACE = CharClass(r"\s")


def _near_cue_words(
    pattern: regex.Pattern,
    text: str,
    lowered: str | None,
    cue: tuple[list[str], regex.Pattern],
    reach: int,
    words_before: int = 0,
) -> Iterator[regex.Match]:
    """``pattern.finditer(text)`` for a pattern that opens with
    ``(?<![\\w-])`` and whose every match holds one of the ``cue`` words
    (case-insensitive; also as their pattern) at most ``reach`` characters
    after its start, with nothing between its start and where that word
    begins but letters, digits, "_" and "-" (``[\\w-]``), or that and
    ``words_before`` words more, each followed by one ``\\s`` ("onder het
    nummer"): tried only where such a run of ``[\\w-]`` begins (#13).

    No match can start elsewhere: the lookbehind puts its start where a run
    of ``[\\w-]`` begins, and that run is the one that holds the cue word
    (or one of the ``words_before`` runs before it). Walking back from the
    word over the run finds that one place. ``reach`` is used only where
    the text cannot be lowered and the cues are scanned for instead."""
    words, alternation = cue
    if lowered is None:
        return finditer_near(pattern, text, alternation, reach)
    starts = set()
    for at in places(lowered, words):
        at = _run_start(text, at)
        starts.add(at)
        for _ in range(words_before):
            if at < 2 or not _SPACE[text[at - 1]] or not WORD_OR_DASH[text[at - 2]]:
                break
            at = _run_start(text, at - 1)
            starts.add(at)
    return matches_at(pattern, text, sorted(starts))


_YEAR_ONLY = regex.compile(r"(?:19|20)\d{2}")


def detect_case_numbers(text: str, context: Context) -> Iterator[Candidate]:
    lowered = lowered_text(text)
    yield from _document_numbers(text, lowered)
    for match in _case_shapes(text):
        if not match.group().startswith("ECLI"):
            yield Candidate(match.start(), match.end(), Label.CASE_NUMBER, CUE_NUMBER)
    taken: set[int] = set()
    for pattern, label, minimum, cue, reach, words_before in (
        # "onder het nummer": two words before the cue word "nummer".
        (_CASE_BY_CUE, Label.CASE_NUMBER, 4, (_CASE_WORDS, _CASE_WORD), 17, 2),
        (_ID_BY_CUE, Label.ID_NUMBER, 3, (_ID_WORDS, _ID_WORD), 20, 0),
        (
            _ANY_NUMBER_CUE,
            Label.CASE_NUMBER,
            4,
            (_ANY_NUMBER_WORDS, _ANY_NUMBER_WORD),
            24,
            0,
        ),
    ):
        matches = _near_cue_words(pattern, text, lowered, cue, reach, words_before)
        for match in matches:
            number = match.group("number").rstrip("./-_")
            digits = sum(ch.isdigit() for ch in number)
            # A member's code of letters and digits: "relatienummer BJKP81X".
            coded = label is Label.ID_NUMBER and len(number) >= 6 and digits >= 1
            if (digits < minimum and not coded) or len(number) < 5:
                continue
            if _YEAR_ONLY.fullmatch(number):
                continue  # "zaak uit 2024": a year, not a number
            if _DATE.fullmatch(number):
                continue  # "Mutatie 02-01-2025, 01:12 uur": the event's date
            if _PHONE_NL.fullmatch(number):
                continue  # "onder nummer 06-…" is a phone number, found as such
            start = match.start("number")
            if pattern is _ANY_NUMBER_CUE and start in taken:
                continue  # found by a named cue, with its own label
            taken.add(start)
            yield Candidate(start, start + len(number), label, CUE_NUMBER)
