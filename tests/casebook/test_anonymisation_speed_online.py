"""The shortcuts of the number and online detectors and the birth dates find
exactly what the patterns they stand in for find (#13)."""

import random
import string
import sys

import pytest
import regex

from casebook.anonymisation import dates, scanning
from casebook.anonymisation.detectors import numbers, online

#: Every character but the surrogates.
ALL_CHARACTERS = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
)
#: What cue words are made of.
CUE_CHARACTERS = string.ascii_lowercase + string.digits + " .-:'@/_*"


def test_lowering_finds_what_ignoring_case_matches():
    """Outside the characters ``lowered_text`` refuses, a character matches an
    ASCII cue character case-insensitively exactly when it lowers to it."""
    lowering = {cue: set() for cue in CUE_CHARACTERS}
    for ch in ALL_CHARACTERS:
        if (lower := ch.lower()) in lowering:
            lowering[lower].add(ch)
    for cue in CUE_CHARACTERS:
        pattern = regex.compile("(?i)" + regex.escape(cue))
        matched = {m.group() for m in pattern.finditer(ALL_CHARACTERS)}
        assert matched ^ lowering[cue] <= set(scanning.CASE_ODD), cue


def test_only_refused_characters_lower_to_more_than_one():
    longer = {ch for ch in ALL_CHARACTERS if len(ch.lower()) != 1}
    assert longer <= set(scanning.CASE_ODD)


def test_lowered_text():
    assert scanning.lowered_text("Zaaknummer PL09") == "zaaknummer pl09"
    assert scanning.lowered_text("ſaak") is None
    assert scanning.lowered_text("İd") is None


@pytest.mark.parametrize(
    "text",
    [
        "ZAAKNUMMER 123, nrnr Nummer, p.v. P.V.-nr",
        "VT-zorgmeldingnummer: 12345 en meldkenmerk AB123",
        "",
        "nr",
        "zaak Kenmerk nummer",  # the "K" is the Kelvin sign
    ],
)
@pytest.mark.parametrize(
    "words", [numbers._CASE_WORDS, numbers._ID_WORDS, numbers._ANY_NUMBER_WORDS]
)
def test_places_are_the_overlapped_matches(text, words):
    pattern = scanning.alternation_of(words)
    expected = [m.start() for m in pattern.finditer(text, overlapped=True)]
    assert scanning.places(scanning.lowered_text(text), words) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PL0900-2024123456 en ECLI:NL:RBAMS:2024:1234, zaak 16/123456-24",
        "ZVH-GM-2025-0093/ZM-2025-00832 x-25-0411784 2024-ZVH-00417 25/NN/7718",
        "onder nr ZM-2025-00832;VTH-26-018842_ a-VTH-26-018842 ３３/123456",
        "",
    ],
)
def test_case_shapes_as_finditer(text):
    expected = [m.span() for m in numbers._CASE_SHAPES.finditer(text)]
    assert [m.span() for m in numbers._case_shapes(text)] == expected


def test_case_shapes_in_mixed_texts_as_finditer():
    """Pieces of case numbers and what may stand around them, at random."""
    pieces = [
        "PL", "0900", "2024123456", "ZVH", "GM", "ZM", "2025", "00832", "16",
        "123456", "24", "25", "NN", "7718", "ECLI:NL:RBAMS:2024:1234", "x", "_",
        "é", "３", "-", "/", " ", ".", ":",
    ]  # fmt: skip
    rng = random.Random(13)
    for _ in range(1000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        test_case_shapes_as_finditer(text)


#: The cue patterns of ``detect_case_numbers``, their cue words, the reach
#: and the words that may stand before a cue word.
CUE_NUMBER_PATTERNS = [
    (numbers._CASE_BY_CUE, (numbers._CASE_WORDS, numbers._CASE_WORD), 17, 2),
    (numbers._ID_BY_CUE, (numbers._ID_WORDS, numbers._ID_WORD), 20, 0),
    (
        numbers._ANY_NUMBER_CUE,
        (numbers._ANY_NUMBER_WORDS, numbers._ANY_NUMBER_WORD),
        24,
        0,
    ),
]
CUE_NUMBER_TEXTS = [
    "onder het nummer 12345, met\tnr. AB1234 en xx-onder\nhet nr 123456",
    "VT-zorgmeldingnummer: 12345, p.v. 123456 en P.V.-nr 2024-1234",
    "paspoortnummer NX1234567, het IMEI-nummer van de telefoon is 3569123456",
    "relatienummer BJKP81X, CJIB-betalingskenmerk 1234567890, Halt-nummer: 24-1",
    "dossier\n\nnummer 12345; onder  het nummer 1234; zaak-id#AB12345",
    "zaaknummer12345 nummer-nr 4000 1177 2384 0095, met het  nummer 123456",
    "Kenmerk 123456 (the K is the Kelvin sign), de ſaak 12345, İd-kaart 123456",
    "",
]


@pytest.mark.parametrize("text", CUE_NUMBER_TEXTS)
def test_cue_numbers_as_finditer(text):
    lowered = scanning.lowered_text(text)
    for pattern, cue, reach, words_before in CUE_NUMBER_PATTERNS:
        expected = [m.span() for m in pattern.finditer(text)]
        found = numbers._near_cue_words(
            pattern, text, lowered, cue, reach, words_before
        )
        assert [m.span() for m in found] == expected, pattern.pattern[:30]


def test_cue_numbers_in_mixed_texts_as_finditer():
    """Cue words, filler words, numbers and separators in random order."""
    pieces = [
        *numbers._CASE_WORDS,
        *numbers._ID_WORDS,
        "onder", "met", "het", "van de", "is", "xx-", "-", ".", ":", "#",
        "12345", "AB1234", "2024", "06-12345678", "PL0900-2024123456",
    ]  # fmt: skip
    separators = ["", " ", "  ", "\t", "\n", ", ", "-", "/", "_", "\xa0"]
    rng = random.Random(13)
    for _ in range(300):
        text = "".join(
            rng.choice(pieces) + rng.choice(separators)
            for _ in range(rng.randint(1, 12))
        )
        test_cue_numbers_as_finditer(text)


def test_char_class_remembers_the_regex_answer():
    word = scanning.CharClass(r"[\w-]")
    for ch in "a-_é\u0301 .,/":
        assert word[ch] == bool(regex.fullmatch(r"[\w-]", ch))
        assert word[ch] == bool(regex.fullmatch(r"[\w-]", ch))


@pytest.mark.parametrize(
    "text",
    [
        "x²_ab en a.²_b, @jan_ en e\u0301x_y",  # a number sign, a combining mark
        "__init__ hollandsepedojagers_ _x a_b_c_d",
        "'larsz050', ‘semmie.events’ en „Lotje 13”",
        "Gebruiker: 'Anne' via het ACCOUNT anne_2 of snapchat-account: pim.x",
        "accountnaam x.y, username ab_cd, onder de naam 'X'",
        "",
    ],
)
def test_handle_shortcuts_as_finditer(text):
    for pattern, shortcut in (
        (online._UNDERSCORED, online._underscored),
        (online._QUOTED_WORD, online._quoted_words),
        (online._HANDLE_CUE, online._handle_cue_matches),
    ):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in shortcut(text)] == expected


def test_cue_words_find_every_word():
    listed = ["account", "het account", "accountnaam", "user", "username", "naam"]
    words = scanning.CueWords(listed, parts=("account",))
    text = "het accountnaam van user username, naam"
    assert words.places(text) == scanning.places(text, listed)
    assert words.places("") == []


@pytest.mark.parametrize(
    "text",
    [
        "zie WWW.Leerkring.NL/x, https://t.me/naam en http://x.y.z.w.v.nl",
        "naam@x.nl, o.a. J.P. en linktr.ee/naam (via x.com/p) of ab-cd.online.",
        "a/b.nl x@y.com.de é.nl e\u0301.nl ..nl K.co ſ.it",
        "",
    ],
)
def test_url_shortcuts_as_finditer(text):
    lowered = scanning.lowered_text(text)
    for pattern, shortcut in (
        (online._URL_SCHEME, online._with_scheme),
        (online._URL_BARE, online._bare_domains),
    ):
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in shortcut(text, lowered)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "mail naam@x.nl, a.b+c@d.co.uk of naam (at) x (dot) nl, naam[AT]x.nl",
        "@jan, a@b@c.nl, é\u0301@x.nl, x.y@, naam\t{at}x.com",
        "",
    ],
)
def test_emails_as_finditer(text):
    expected = [m.span() for m in online._EMAIL.finditer(text)]
    assert [m.span() for m in online._emails(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "AB-12-34, 12-ABC-3 en 1-ABC-23; x-AB-12-34 en AB-12-345",
        "٣٣-AB-12 (AB-12-CD) 99-XX-9",
        "",
    ],
)
def test_plates_as_finditer(text):
    expected = [m.span() for m in numbers._PLATE.finditer(text)]
    assert [m.span() for m in numbers._plates(text)] == expected


def test_rstrip_strips_every_regex_space():
    """The birth-date checks strip white space with ``str.rstrip`` before
    they look at how a text ends; a ``\\s`` it kept would hide a match."""
    spaces = [m.group() for m in regex.finditer(r"\s", ALL_CHARACTERS)]
    assert all(not space.rstrip() for space in spaces)


@pytest.mark.parametrize(
    "text",
    [
        "Jan (geb. 03-04-2007), GEBOREN in 1999, DOB: 1-2-2003, D.O.B. 2001",
        "geb 12 maart; date of birth 2-3-2004; *2001 en * 2002; dob; geboortejaar",
        "",
    ],
)
def test_birth_cues_as_finditer(text):
    expected = [m.span() for m in dates._BIRTH_CUE.finditer(text)]
    assert dates._cue_spans(text) == expected


@pytest.mark.parametrize(
    ("before", "noun", "age"),
    [
        ("de moeder (", True, False),
        ("de vader, geb.\n", True, False),
        ("zoon , GEB  ", True, False),
        ("de 16-jarige (", False, True),
        ("16 jaar oud, ", False, True),
        ("moeder (x", False, False),
    ],
)
def test_birth_date_tails(before, noun, age):
    stripped = before.rstrip()
    assert bool(dates._PERSON_NOUN_BEFORE.search(before)) is noun
    assert bool(dates._AGE_BEFORE.search(before)) is age
    assert stripped.endswith(dates._NOUN_TAIL) or not noun
    assert stripped.endswith(dates._AGE_TAIL) or not age


@pytest.mark.parametrize(
    "gap", [" (", ", ", " (geb. ", ",geb", " ( geb\n", " en ", "("]
)
def test_right_after_name_ends_as_the_tail_says(gap):
    if dates._RIGHT_AFTER_NAME.match(gap):
        assert ("Jan" + gap).rstrip().endswith(dates._NOUN_TAIL)
