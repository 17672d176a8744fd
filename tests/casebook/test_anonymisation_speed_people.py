"""The faster forms of lexicon and people (#13) find exactly what the plain
forms they replace find.

Each test holds one assumption that a faster form rests on, or compares it
with the plain form on texts made to hit the corner cases.
"""

import random
import re
import sys

import regex

from casebook.anonymisation import lexicon

#: Every character, for the assumptions about case and word characters.
ALL_CHARACTERS = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
)


def _cue_letters() -> set[str]:
    """The characters of every word that a cue looks for in folded text."""
    words = [phrase for phrase in lexicon.PROTECTED if " " in phrase]
    words += [*lexicon.CAR_MAKES, *lexicon._OPERATIONS, "corporatie", "woonstichting"]
    return {char for word in words for char in word.lower() if char != " "}


def test_folded_text_spells_each_letter_as_a_case_insensitive_pattern_does():
    for letter in _cue_letters():
        for char in regex.findall("(?i)" + regex.escape(letter), ALL_CHARACTERS):
            assert lexicon._folded(char) == letter, (letter, char)


def test_a_word_character_in_folded_text_is_one_in_the_text():
    """The cues' lookbehind (?<![a-z0-9_\\-]) in the folded text rejects no
    place where regex's (?<![\\w-]) accepts one in the text."""
    folded = lexicon._folded(ALL_CHARACTERS)
    assert folded is not None
    word = regex.compile(r"[\w-]")
    for match in re.finditer(r"[a-z0-9_\-]", folded):
        assert word.match(ALL_CHARACTERS[match.start()]), match.start()


def test_spaces_and_quotes_stay_as_they_are_and_re_takes_every_space():
    for char in regex.findall(r"\s", ALL_CHARACTERS):
        assert re.match(r"\s", char) and lexicon._folded(char) == char
    assert lexicon._folded(" \t'‘\"“") == " \t'‘\"“"


def test_folded_text_keeps_positions():
    assert lexicon._folded("OPENBAAR MİNİSTERİE ſnap") == "openbaar ministerie snap"
    assert lexicon._folded("KELVIN \u212a") == "kelvin k"


def _plain_protected_spans(text: str) -> list[tuple[int, int]]:
    return [
        *(match.span() for match in lexicon._PHRASES.finditer(text)),
        *(match.span() for match in lexicon._REGIONAL_BODY.finditer(text)),
        *(match.span() for match in lexicon._NAMED_BY_SHAPE.finditer(text)),
    ]


_EXAMPLES = [
    "Het Openbaar Ministerie en het OPENBAAR  MINISTERIE en openbaar\nministerie.",
    "De Keti Koti-viering, de Keti Koti-Viering en (Zwarte Piet) bij ½Zwarte Piet.",
    "OPENBAAR MİNİSTERİE, Tata ſteel, de Graafschap-supporters, code rood rood.",
    # A cue that leads to no phrase, then one that starts inside it.
    "de Algemene Wet Politiegegevens",
    "Zorg- en Veiligheidshuis, GGD Hollands Noorden, Veilig Thuis West-Brabant.",
    "Veiligheidsregio Gooi en Vechtstreek; basisteam Utrecht Oost; RTV Rijnmond",
    # One example or more of each alternative of _NAMED_BY_SHAPE on its own.
    "Stichting Rijnwijs",
    "de Jeugdstichting De Brug",
    "Dienst Regionale Informatieorganisatie",
    "woningcorporatie Lekstede Wonen",
    "Woonstichting De Key",
    "CORPORATIE Ymere",
    "FC Den Bosch",
    "RKSV Nuenen",
    "Helmond Sport",
    "Philips Stadion",
    "Stadion De Goffert",
    "Sportpark Het Noorden",
    "Vrij Westland Verzet",
    "Apeldoorn Zegt Nee",
    "Oldambt Jagers",
    "Jagers Rijk van Nijmegen",
    "Boerenverzet Flevoland",
    "Dorpsbelang Oost",
    "Trots op de Kop van Overijssel",
    "Hart voor LV",
    "Stop de Windmolens",
    "een grijze Opel Astra, een VOLKSWAGEN Golf GTI, een škoda Octavia, ŠKODA 120",
    "een mercedes-benz C200 en een Mercedes-Benz Sprinter, een opel 2008",
    "SGBO 'Derby'",
    "operatie “Storm”",
    'Project "Alpha" en actie ‘Beta’',
    # Several alternatives in one text.
    "Dorpsbelang Oost en Zegt Nee en Stop de de Bosch en Jong Ajax-Feyenoord",
    "Nederland in Verzet tegen Extinction Rebellion; Farmers Defence Force.",
    "de FC Twente-SC Heerenveen, FK Ajax Cape Town City en Almere City United",
]

_PIECES = [
    *(phrase for phrase in lexicon.PROTECTED if " " in phrase),
    *lexicon.CAR_MAKES,
    *lexicon._REGIONAL_BODIES,
    *lexicon._FOUNDATIONS,
    *lexicon._CLUBS,
    *lexicon._CLUB_ENDS,
    *lexicon._OPERATIONS,
    *"Verzet Ontwaakt Wakker Zegt Nee Rebellion Jagers belang Trots op Hart voor"
    " Stop de van het den der en aan Den De Het Jansen Utrecht Oost Golf 2008"
    " GTI Derby corporatie woonstichting Sportpark Dorps jagers".split(),
]
_SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", "\xa0", "-", "'", "‘", "“", '"']
_SEPARATORS += ["’", "”", ", ", ". ", "(", ")", "½", "İ", "ſ", "\u212a", "x"]


def _shuffled_text(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(1, 12)):
        piece = rng.choice(_PIECES)
        piece = rng.choice([piece, piece.upper(), piece.title(), piece.lower()])
        pieces += [piece, rng.choice(_SEPARATORS)]
    return "".join(pieces)


def test_protected_spans_are_those_of_the_plain_patterns():
    rng = random.Random(13)
    texts = _EXAMPLES + [_shuffled_text(rng) for _ in range(3000)]
    found = 0
    for text in texts:
        spans = lexicon.protected_spans(text)
        assert spans == _plain_protected_spans(text), text
        found += len(spans)
    assert found > 3000  # the texts do hit the patterns


def test_named_by_shape_takes_the_first_alternative_at_a_position():
    # "Stadion De Goffert" is both the third ("… Stadion") and the fifth
    # shape's; the alternation's order decides.
    text = "Philips Stadion De Goffert, Stadion Galgenwaard Sport"
    assert lexicon._named_by_shape_spans(text, lexicon._folded(text)) == [
        match.span() for match in lexicon._NAMED_BY_SHAPE.finditer(text)
    ]
