"""The shortcuts of ``detectors.informal`` (#13): each cheap test or
narrowed search must find what the plain scan of the whole text finds."""

import regex

from casebook.anonymisation import scanning
from casebook.anonymisation.detectors import informal
from casebook.anonymisation.detectors.base import QUOTE, Context

LETTERS = {
    letter: regex.compile(rf"(?i){letter}") for letter in "abcdefghijklmnopqrstuvwxyz"
}


def context(first_names=(), dictionary=(), stop_words=()) -> Context:
    empty: frozenset[str] = frozenset()
    return Context(
        streets=empty,
        placenames=empty,
        common_words=empty,
        stop_words=frozenset(stop_words),
        interfixes=empty,
        domain_places=empty,
        first_names=frozenset(first_names),
        surnames=empty,
        place_prefixes=empty,
        dictionary=frozenset(dictionary),
        frequent_words=empty,
    )


def test_lowered_keeps_every_letter_that_ignore_case_matches():
    # (?i) matches "ſ" to s and "İ" to i: a test on the lowered text must
    # find those letters there too.
    any_letter = regex.compile(r"(?i)[a-z]")
    for code in range(0x20000):
        char = chr(code)
        if any_letter.fullmatch(char):
            for letter, pattern in LETTERS.items():
                if pattern.fullmatch(char):
                    assert letter in informal._lowered(char), hex(code)
    assert informal._lowered("REACTİES") == "reacties"
    assert informal._lowered("Profiſt") == "profist"


CHATS = [
    "",
    ":",
    "a: b",
    "[03-02-24 21:14] Yara: hoi\n[03-02-24 21:15] Stef: hee: ja\n",
    "\n03-02-24 21:14 - Yara: hoi\r\n03-02-24 21:15 - Stef:\tjo\n",
    "[21:14] Yara: a: b: c\n  > Yara: hoi\nStef: hee\nYara: ja\nstorm: x\n",
    "Onderwerp: melding\nLisa Voorst: wij komen\nkoen: ok\nLisa Voorst: top",
    "x\r[21:14] Yara: hoi\n[21:14: x\n[12:00] : leeg\n[12:00]Yara :\tzo\n",
    "tekst zonder dubbele punt\nmaar met regels\n",
]


def test_colon_lines_find_what_the_chat_patterns_find():
    for text in CHATS:
        for pattern in (informal._CHAT_LINE, informal._SPEAKER_LINE):
            expected = [m.span() for m in pattern.finditer(text)]
            found = [m.span() for m in informal._colon_lines(pattern, text)]
            assert found == expected, (pattern.pattern, text)


WORDS = [
    "yara en ilse, (yara) 'yara' yara's yara.nl @yara yara@x -yara yara- "
    "yaraX Xyara yara2 yara_ jan-willem jan willem-jan ayara yaranna anna "
    "annanna annna jaydennnn jaydenn jayden-- stef.x stef. stef's-x de made",
    "yara",
    "yarayara yara",
    "Yara YARA yÄra",
]


def test_name_like_words_are_the_matches_the_loop_takes():
    names = {"yara", "ilse", "jan-willem", "jan", "anna", "jayden", "de", "stef"}
    ctx = context(first_names=names, dictionary={"made", "annna"}, stop_words={"de"})
    for text in WORDS:
        found = [m.span() for m in informal._name_like_words(text, ctx, chat=True)]
        expected = [
            m.span()
            for m in informal._LOWER_WORD.finditer(text)
            if (m.group() in names and m.group() != "de")
            or (
                m.group() not in names
                and m.group() not in ctx.dictionary
                and m.group()[-1] == m.group()[-2]
            )
        ]
        assert found == expected, text


def test_cue_words_stand_in_every_match():
    examples = [
        (
            informal._NAMING,
            informal._NAMING_CUES,
            [
                "heet",
                "Heette",
                "heten",
                "genaamd",
                "bijgenaamd",
                "BIJNAAM",
                "alias",
                "roepnaam",
            ],
            "{} yara",
        ),
        (
            informal._NICKNAME_PREFIX,
            informal._NICKNAME_PREFIX_CUES,
            informal._NICKNAME_PREFIX_CUES,
            "{} hein",
        ),
        (
            informal._REPLIES_HEADER,
            informal._REPLIES_CUES,
            ["Reacties", "comments", "ANTWOORDEN"],
            "{}:",
        ),
    ]
    for pattern, cues, words, shape in examples:
        for word in words:
            for written in (word, word.upper(), word.title()):
                text = shape.format(written)
                assert pattern.search(text), text
                assert informal._mentions(informal._lowered(text), cues), text


NICKNAMES = [
    "bekend als 'K-Roma'",
    "Bekend\tals  ‘Kay’",
    'hij heet alias "Dex"',
    "zijn bijnaam 'Dex'",
    "noemen ze hem 'Dex'",
    "noemen ze haar “Dex”",
    "een zekere 'Dex'",
    "gemene 'Dex'",
    "'kleine joel' mee, echte naam Joël",
    "'Dex' in werkelijkheid",
    "'Dex' ofwel Dexter",
    "'Dex' oftewel Dexter",
    "'Dish' (Dinesh Sitaldin)",
    "'Dish'(account x)",
    "'Nootdorp Nightcrawler'\xa0(@x)",
    "'Dish' (profiel)",
    "Dutchy (heet eigenlijk Dustin Honig)",
    "Dutchy (echte naam Dustin)",
    "Dutchy\xa0(Eigenlijk Dustin)",
    "Dutchy (alias x)",
    "Dutchy (bijnaam x)",
]


def test_nickname_precheck_lets_every_match_through():
    for text in NICKNAMES:
        assert informal._NICKNAME.search(text), text
        assert informal._may_hold_a_nickname(text, informal._lowered(text)), text


def test_nickname_precheck_skips_text_without_cues():
    for text in ["Hij zei 'nee' (later)", "(Piet) 'x'", "een 'x'", "ene x"]:
        assert not informal._NICKNAME.search(text), text
        assert not informal._may_hold_a_nickname(text, informal._lowered(text))


def test_quote_before_bracket_needs_a_quote_right_before_it():
    assert informal._quote_before_bracket("'x' (Piet)")
    assert informal._quote_before_bracket("'x'(@x)")
    assert not informal._quote_before_bracket("'x'  (Piet)")
    assert not informal._quote_before_bracket("(Piet) 'x'")
    assert not informal._quote_before_bracket(" (Piet)")
    assert not informal._quote_before_bracket("'x' (piet)")
    for quote in QUOTE:
        assert informal._quote_before_bracket(f"x{quote} (Piet)")


SHAPED = [
    "kevin.maakt.rumoer en ikbensanne.xo, o.a. r.rumble.0572 yaas.el.h "
    "www.site.nl x@y.nl a.b (dex.rdm) ²ab.cd é.f 'ab.cd' "
    + "a" * 35
    + ".bc "
    + "b" * 29
    + ".cd",
    "OproerOost020 en AlphenWordtWakker, xXdylanXx iPhone GroenLinks "
    "@OproerOost PostNL " + "Ab" * 20 + " (DrentheRoert) ²aB " + "c" * 31 + "D",
    "boshovenbende0495 covid19 abcd12 abcde123456 x.abcd12 ab-abcd12 abcd١٢ "
    + "abc" * 11
    + "12\nabcd12",
    "",
    "a",
]


def assert_found_near_cues(text: str) -> None:
    dots = informal._DOT_IN_WORD
    other = informal._LOWER_BEFORE_CAPITAL_OR_DIGIT
    for pattern, cue in (
        (informal._DOTTED, dots),
        (informal._CAMEL_WORD, other),
        (informal._LETTERS_AND_DIGITS, other),
    ):
        expected = [m.span() for m in pattern.finditer(text)]
        starts = informal._starts_near(text, cue)
        found = [m.span() for m in scanning.matches_at(pattern, text, sorted(starts))]
        assert found == expected, (pattern.pattern, text)


def test_shaped_patterns_found_near_their_cues_as_by_a_scan():
    for text in SHAPED:
        assert_found_near_cues(text)


PLATFORMS = [
    "Zijn Snapchat is dylan2009, haar insta: x, op TikTok als kyra.nl",
    "voor haar TikTok kyranijlandd, zijn Insta-account dex.rdm, m'n snap  x",
    "z'n\tYouTube-kanaal bla, mijn microsoft teams naam, hun X is abc_d",
    "(insta is yara.x) 'tiktok als dex' online is x, steams teams is abc",
    "ZİJN İNSTA İS yara.x en mİjn snap zaza",
    "Zijn ſnapchat iſ dylan2009",
    "zijn insta is dex\u0307 en zijn snap is yara",
    "jouw whatsapp-groep heet dex, je linkedin als jan.de.vries",
    "",
]


def test_platform_patterns_tried_at_platforms_find_what_a_scan_finds():
    ctx = context()
    for text in PLATFORMS:
        lower = informal._lowered(text)
        starts = informal._platform_starts(text, lower)
        if starts is None:
            assert "\u0307" in text
            continue
        owners = informal._possessive_starts(text, lower, starts)
        for pattern, tried in (
            (informal._AFTER_PLATFORM, starts),
            (informal._OWN_PLATFORM, owners),
        ):
            expected = [m.span() for m in pattern.finditer(text)]
            found = [
                m.span() for m in scanning.matches_at(pattern, text, sorted(tried))
            ]
            assert found == expected, (pattern.pattern[:30], text)
        assert list(informal._platform_handles(text, lower, ctx)) is not None


SHAPED_CUES = [
    (
        informal._PREFIXED,
        informal._PREFIXED_CUES,
        False,
        [
            "lil kay",
            "yung dex",
            "young dex",
            "big mick",
            "king kay",
            "queen x1",
            "baby yara",
        ],
    ),
    (
        informal._NAMED_TWO_WORDS,
        ("naam",),
        True,
        [
            "MET DE NAAM stille wolf.",
            "onder de Naam stille wolf en",
            "GENAAMD ab cd.",
        ],
    ),
    (
        informal._STAGE_NAME,
        ("DJ", "Dj", "MC"),
        False,
        [
            "DJ Boswachter",
            "Dj Vos",
            "MC Vos Haas",
        ],
    ),
    (
        informal._REPLY_LINE,
        informal._REPLY_CUES,
        True,
        [
            "REACTIE van Henk B.: ja",
            "> Antwoord Nijkerkse Patriot: x",
            "Reply xy:",
        ],
    ),
    (
        informal._ACCOUNT_THAT_IS_CALLED,
        informal._ACCOUNT_NOUNS,
        True,
        [
            "een ACCOUNT dat lossergang HEET",
            "kanaal die x.y heette",
            "Profiel dat abc heten",
            "PAGINA die abc noemt",
        ],
    ),
    (
        informal._ACCOUNT_THAT_IS_CALLED,
        informal._IS_CALLED,
        True,
        [
            "een ACCOUNT dat lossergang HEET",
            "kanaal die x.y heette",
            "Profiel dat abc heten",
            "PAGINA die abc noemt",
        ],
    ),
]


def test_shaped_cue_words_stand_in_every_match():
    for pattern, cues, ignore_case, texts in SHAPED_CUES:
        for text in texts:
            assert pattern.search(text), text
            folded = informal._lowered(text) if ignore_case else text
            assert informal._mentions(folded, cues), text


def fuzz(alphabet: str | list[str], count: int = 2000, seed: int = 13) -> list[str]:
    """Random texts of the characters (or pieces) of ``alphabet``."""
    import random

    rng = random.Random(seed)
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for _ in range(count)
    ]


def test_every_lower_word_of_an_ascii_text_is_a_word_of_split():
    pieces = "ab" * 8 + "yz-_.'@ \t\nAZ09:/\x1c"
    for text in [*fuzz(pieces), "a" * 30 + " " + "b" * 21 + " " + "c" * 22]:
        words = set(text.translate(informal._ASCII_WORDS).split())
        assert set(informal._LOWER_WORD.findall(text)) <= words, text


def test_name_like_words_on_odd_text_are_the_matches_the_loop_takes():
    names = {"ab", "ba", "aab", "ab-ba", "yz"}
    ctx = context(first_names=names, dictionary={"bb"})
    for text in fuzz("ab" * 6 + "bbyz-_.'’@ \nAZ0é"):
        for chat in (True, False):
            found = [m.span() for m in informal._name_like_words(text, ctx, chat=chat)]
            expected = [
                m.span()
                for m in informal._LOWER_WORD.finditer(text)
                if m.group() in names
                or chat
                and m.group() not in ctx.dictionary
                and m.group()[-1] == m.group()[-2]
            ]
            assert found == expected, text


def test_shaped_patterns_near_cues_on_odd_text():
    pieces = [*"abcdAB12²._@/- \n", "abcd", "abcde", "12", "12", "x.y"]
    for text in fuzz(pieces, count=3000):
        assert_found_near_cues(text)


def test_colon_lines_on_odd_text():
    pieces = [*"ab[]0:: \t\n\r-.>", "[12:00]", "03-02-24 21:14 -", "Yara", ": "]
    for text in fuzz(pieces, count=3000):
        for pattern in (informal._CHAT_LINE, informal._SPEAKER_LINE):
            expected = [m.span() for m in pattern.finditer(text)]
            found = [m.span() for m in informal._colon_lines(pattern, text)]
            assert found == expected, (pattern.pattern, text)


def test_shaped_patterns_near_cues_in_ascii_and_other_text():
    pieces = [*"abzAZ09_.-@/ \n", "a.b", "aB", "a1", "abcd12", "x_y"]
    for text in fuzz(pieces, count=3000):
        assert_found_near_cues(text)
        assert_found_near_cues(text + " é")


def test_nicknames_tried_at_their_starts_are_found_as_by_a_scan():
    pieces = [
        *QUOTE, *"( \t\xa0.\nxA", "Dex", "Dutchy", "kleine joel", "bekend als",
        "BEKEND\tALS", "alias", "Bijnaam", "noemen ze hem", "NOEMEN ZE HAAR",
        "een zekere", "ene", "gemene", "echte naam", "in werkelijkheid", "ofwel",
        "oftewel", "(heet", "(Echte naam", "(eigenlijk", "(alias", "(bijnaam",
        "(Dinesh", "(account", "(@", "İ", "ſ",
    ]  # fmt: skip
    for text in [*NICKNAMES, *fuzz(pieces, count=4000)]:
        expected = [m.span() for m in informal._NICKNAME.finditer(text)]
        starts = informal._nickname_starts(text)
        found = [
            m.span()
            for m in scanning.matches_at(informal._NICKNAME, text, sorted(starts))
        ]
        assert found == expected, text
        if expected:
            assert informal._may_hold_a_nickname(text, informal._lowered(text)), text


def test_handle_context_as_a_trie_matches_where_the_list_did():
    from casebook.anonymisation import lexicon

    listed = regex.compile(
        r"(?i)(?:account|kanaal|profiel|pagina|gebruiker|naam|noemt|noemde|volgt"
        r"|volgde|gevolgd|reageerde|reactie|plaatste|deelde|gedeeld|post|video|clip"
        r"|zich|filmpje|bericht|berichten|van|door|"
        + "|".join(regex.escape(p) for p in sorted(lexicon.PLATFORMS, key=len)[::-1])
        + r")\W{1,4}(?:(?:het|de|een|op|\p{L}+)\W{1,3}){0,2}$"
    )
    pieces = [
        " ", ", ", ": ", "\n", "het", "de", "op", "Van", "door", "account", "X",
        "TikTok", "snap", "snapchat", "truth social", "facebook messenger",
        "videoclip", "posts", "kanaal:", "wij", "postNL", "ſ", "İ",
    ]  # fmt: skip
    for before in fuzz(pieces, count=4000):
        found = informal._HANDLE_CONTEXT.search(before) is not None
        assert found == (listed.search(before) is not None), before


def test_reply_speakers_gate_lets_every_reply_through():
    ctx = context()

    def scanned(text):
        found = []
        for header in informal._REPLIES_HEADER.finditer(text):
            block_end = text.find("\n\n", header.end())
            block_end = len(text) if block_end < 0 else block_end
            for match in informal._SPEAKER_LINE.finditer(text, header.end(), block_end):
                if informal._could_speak(match["name"], ctx):
                    found.append(match.span())
        return found

    pieces = [
        "Reacties", "COMMENTS", "antwoorden", "reacties:", "REACTİES", ":", ": ",
        "\n", "\n", " ", "\t", "Yara", "dex_99", "storm", "ok", "> ",
    ]  # fmt: skip
    texts = [*fuzz(pieces, count=4000), "Reacties:\nYara: ja\ndex_99: nee"]
    assert scanned(texts[-1])
    for text in texts:
        found = [m.span() for m in informal._reply_speakers(text, ctx)]
        assert found == scanned(text), text


def test_only_dotted_capital_i_is_longer_in_lower_case():
    # _platform_starts reads positions in _lowered(text) as positions in text.
    longer = [code for code in range(0x110000) if len(chr(code).lower()) != 1]
    assert longer == [0x130]
    assert informal._platform_starts("İnsta is x", informal._lowered("İnsta is x"))
    assert informal._platform_starts("x\u0307 insta", "x insta") is None
