"""The pre-checks that make the name, school and address detectors faster
(#13) find everything the full scan finds: each shortcut is held here to
the reasoning that makes it exact.
"""

import random
import sys

import regex

from casebook.anonymisation import lexicon, scanning
from casebook.anonymisation.detectors import addresses, names, schools

#: Every character, but the surrogates (no str holds them alone).
ALL_CHARACTERS = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000
)


def test_case_odd_letters_are_all_that_lower_does_not_give():
    """A letter that a case-insensitive pattern matches with a letter of a
    role, a cue or a stem is, in lower case, that letter; but for CASE_ODD."""
    letters = set("".join(lexicon.ROLE_NOUNS)) | set("".join(lexicon.NAME_CUES))
    letters |= set("".join(schools._AT_SCHOOL_WORDS + schools._GENERIC_WORDS))
    letters |= set("abcdefghijklmnopqrstuvwxyz")
    odd = {
        char
        for letter in letters
        for char in regex.findall("(?i)" + regex.escape(letter), ALL_CHARACTERS)
        if char.lower() != letter
    }
    assert odd <= set(scanning.CASE_ODD)


def test_lowered_text():
    assert scanning.lowered_text("Wethouder JANSEN") == "wethouder jansen"
    assert scanning.lowered_text("Wethouder İlhan") is None
    assert scanning.lowered_text("meſtre") is None


def test_every_name_cue_has_a_stem():
    for cue in lexicon.NAME_CUES:
        assert any(stem in cue for stem in names._CUE_STEMS), cue


def test_every_role_is_letters_and_hyphens_with_a_last_dot():
    for role in lexicon.ROLE_NOUNS:
        assert regex.fullmatch(r"[\w-]+\.?", role) and role == role.lower(), role


def test_matches_at_skips_what_a_match_covers():
    pattern = regex.compile(r"(?<!\w)a\w*")
    text = "ab aab xa a"
    starts = [at for at, char in enumerate(text) if char == "a"]
    found = [m.span() for m in scanning.matches_at(pattern, text, starts)]
    assert found == [m.span() for m in pattern.finditer(text)]


def test_roles_and_cues_found_as_by_a_full_scan():
    texts = [
        "De WETHOUDER: Jan Smit en dhr. P. de Vries, mw.Jansen, mevr. (V): Ans",
        "Verdachte(M): Karel Appel; de loco-burgemeester Bram Ruiter zei",
        "stroman Piet, de wijkagent Hassan en agente Priya, x.agent Kees",
        "genaamd 'Sem', ook bekend als Mocro; met de naam Bosrave, roepnaam Jo",
        "kmet de naam Kees, bijnaam Appie, achternaam: Vos, heette Lisa",
        "de ſtudent Ilse en de İnspecteur Koen",
    ]
    for text in texts:
        lowered = scanning.lowered_text(text)
        for pattern, matches in (
            (names._BY_ROLE, names._role_matches(text, lowered)),
            (names._BY_CUE, names._cue_matches(text, lowered)),
        ):
            assert [m.span() for m in matches] == [
                m.span() for m in pattern.finditer(text)
            ], text


def test_other_script_character_is_what_a_run_begins_with():
    text = "Hij heet Алексей, zij “Wang” 王伟 ✓"
    assert names._OTHER_SCRIPT_CHAR.search("".join(set(text)))
    assert not names._OTHER_SCRIPT_CHAR.search("".join(set("Zoë’s café ✓")))


def test_school_words_are_lower_case_and_each_kind_has_a_stem():
    for word in schools._AT_SCHOOL_WORDS + schools._GENERIC_WORDS:
        assert word == word.lower(), word
    for kind in schools._SCHOOL_KINDS + schools._SCHOOL_LABELS:
        assert any(stem in kind for stem in schools._SCHOOL_STEMS), kind


def test_leading_words():
    assert schools._leading_words(("zit", "zitten", r"groep[ ]\d", "a b")) == (
        "a",
        "groep",
        "zit",
    )


def test_school_patterns_found_as_by_a_full_scan():
    texts = [
        "Hij ZIT op De Werfhorst en zat toch op Baanbreker; de conciërge van Het Erf",
        "CONCIËRGE VAN DE Klimop, juffrouw op 't Kompas, groep\xa07 op De Vlinder",
        "School: Helinium. xschool: Nee. Opleiding:Koning Willem I College",
        "basisschool De Klimop, xvmbo-school De Brug, Openbare basisschool Het Anker",
        "OBS De Linde en PCBS Het Kompas; de xOBS Noord, de BS De Wilg",
        "RSG Broklede, SG De Rijzert, KBS Sint Jan, ISK Het Baken, SBO De Wissel",
        "CSG Liudger en OSG Sevenwolden, de RKBS De Wingerd; IKC Het Palet",
        "de leerlingen van De ſchool zitten op De İris",
    ]
    for text in texts:
        lowered = scanning.lowered_text(text)
        for pattern, searched, words, stems in (
            (schools._SCHOOL_BY_ATTENDANCE, lowered, schools._AT_SCHOOL_WORDS, ()),
            (
                schools._SCHOOL_LABEL,
                lowered,
                schools._SCHOOL_LABELS,
                schools._SCHOOL_STEMS,
            ),
            (
                schools._SCHOOL_GENERIC,
                lowered,
                schools._GENERIC_WORDS,
                schools._SCHOOL_STEMS,
            ),
            (schools._SCHOOL_ACRONYM, text, schools._SCHOOL_ACRONYMS, ()),
            (schools._SCHOOL_ACRONYM, text, schools._ACRONYM_WORDS, ()),
        ):
            found = schools._matches(pattern, text, searched, words, stems)
            assert [m.span() for m in found] == [
                m.span() for m in pattern.finditer(text)
            ], (text, pattern.pattern[:40])


def test_suffixes_searched_from_the_end_find_what_forwards_finds():
    words = [
        "Dorpsstraat",
        "KERKWEG",
        "kerkweg\n",
        "weg\n\n",
        "Str.",
        "straatje",
        "Straatjes",
        "Klaverweide",
        "verhoek",
        "ſtraat",
        "Wegen",
        "",
        "hogeschool",
        "School\n",
        "academies",
    ]
    for searched in (
        addresses.STREET_SUFFIX,
        addresses._ADDRESS_SUFFIX,
        names._SCHOOL_END,
    ):
        forwards = regex.compile(searched.pattern.replace("(?r", "(?", 1))
        for word in words:
            assert bool(searched.search(word)) == bool(forwards.search(word)), word


def test_capitalised_runs_found_as_by_a_full_scan():
    texts = [
        "Over Jan Smit en de Goudse Waarheid; park Schothorst Noord",
        "met Anna-Lena Visser-De\u00a0Boer, x-Piet Jansen, 3Karel Appel",
        "De Vries Van Dijk Bakker Smit Mulder: Wang Wei.\tOleksandr Kovalenko",
        "zei\tEmma Bos, é Sara Kok, ñJosé Garcia, _Ali Khan",
    ]
    for text in texts:
        assert [m.span() for m in names._capitalised_runs(text)] == [
            m.span() for m in names._CAPITALISED_RUN.finditer(text)
        ], text


def test_every_residence_cue_has_a_stem():
    cues = regex.match(r"\(\?i\)\(\?:([a-z|]+)\)", addresses._RESIDENCE_CUE.pattern)
    for cue in cues.group(1).split("|"):
        assert any(stem in cue for stem in addresses._RESIDENCE_STEMS), cue
    assert addresses._residence_before("Wonende  aan de Kerkstraat ", 27)
    assert addresses._residence_before("WOONADRES: Kerkstraat nr. ", 26)
    assert not addresses._residence_before("bij de Kerkstraat ", 18)
    assert addresses._residence_before("woonſ ADREſ Kerkstraat ", 23) == bool(
        addresses._RESIDENCE_CUE.search("woonſ ADREſ Kerkstraat ")
    )


def _words_before_one_at_a_time(text: str, end: int) -> list[tuple[int, int]]:
    """The words before ``end`` as found before #13, one by one."""
    window_start = max(0, end - 90)
    spans = [
        (window_start + m.start(), window_start + m.end())
        for m in regex.finditer(r"[\p{L}\p{N}'’.-]+", text[window_start:end])
    ]
    result: list[tuple[int, int]] = []
    for start, stop in reversed(spans):
        if regex.search(r"[,;:!?()\n]", text[stop : result[-1][0] if result else end]):
            break
        result.append((start, stop))
        if len(result) == 6:
            break
    return list(reversed(result))


def test_words_before_in_one_call():
    rnd = random.Random(13)
    alphabet = "ab Cé1.-'’ ,;:!?()\n\t\xa0/\"&"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(120)))
        end = rnd.randrange(len(text) + 1)
        expected = _words_before_one_at_a_time(text, end)
        assert addresses._words_before(text, end) == expected, (text, end)


def test_street_words_without_a_capital_are_none():
    text = "we gingen naar de kerkstraat 12 en Kerkstraat 14"
    assert addresses._street_words(text, text.index("12")) == []
    words = addresses._street_words(text, text.index("14"))
    assert text[words[0][0] : words[-1][1]] == "naar de kerkstraat 12 en Kerkstraat"


def test_a_street_without_a_cue_is_the_one_with_a_cue_or_none():
    """detect_addresses looks for a street as if cued first (#13): a cue
    only adds the last way to find one."""
    from casebook.anonymisation import engine

    context = engine._context(engine.warm())
    text = (
        "Wonende Klaverweide 14, op de Kerkweg Oost 23, naar Zonnehof 7, "
        "de Burgemeester van Randwijcklaan 8, in Amsterdam 12 en Nieuwbouw 5 "
        "aan de Dorpsstraat 3 en Plein 1944 nr. 112"
    )
    for number in regex.finditer(r"\d+", text):
        words = addresses._street_words(text, number.start())
        with_cue = addresses._street_before(text, words, context, cued=True)
        without = addresses._street_before(text, words, context)
        assert without is None or without == with_cue, number.group()
        assert with_cue is not None or without is None


def test_street_after_a_name_with_the_endings_as_a_trie():
    endings = "|".join(regex.escape(ending) for ending in addresses.STREET_ENDINGS)
    one_by_one = regex.compile(
        rf"{names.H}(?:\p{{Lu}}[\p{{L}}-]*{names.H})?\p{{Lu}}\p{{Ll}}*(?:{endings})\b"
    )
    for after in (
        " Pololaan 3",
        " Vleerstraatje",
        " Vleerstraatjes",
        "\tDe Str. 4",
        " Van Goghstr.",
        " Pololaan",
        ", Pololaan",
        " Kerkwegen",
        "\xa0Grote Markt",
        " Markt",
        " zei",
        "",
    ):
        text = "Marco" + after
        assert bool(names._STREET_AFTER.match(text, 5)) == bool(
            one_by_one.match(text, 5)
        ), after
        assert bool(one_by_one.match(text, 5)) <= (text[5:6] in names._H_CHARACTERS)


def test_no_letter_before_a_role_is_one_in_lower_case():
    """_ROLE_PLACE skips a place after an ASCII letter, digit, _ or - in the
    lower-case text: only such a character in the text gives one, where
    _BY_ROLE cannot begin either; "ö" (of "coördinator") likewise."""
    word_or_hyphen = regex.compile(r"[\w-]")
    for char in ALL_CHARACTERS:
        lower = char.lower()
        if lower in set("0123456789abcdefghijklmnopqrstuvwxyz_-ö"):
            assert word_or_hyphen.match(char), hex(ord(char))


def test_nicknames_and_initials_found_as_by_a_full_scan():
    texts = [
        "Albertus (Bert) Nijland en d'Artagnan (Art) van Dijk; Jan (Kees) (Piet) Smit",
        "Anne-Marie (Mies) de Vries, x-Jan (Jo) Bos, Jan(Jo) Bos, Jan  (Jo) Bos",
        "Medeverdachte Jurvin C. (16), Ab C., Abcdefghijklmnopqrstuvw D.; Jo E.:",
        "Jurvin\u00a0C.\u00a0(16), éJurvin C. (1), Jürgen K.; Ole P.Q., Ann B. ,",
    ]
    for text in texts:
        for pattern, found in (
            (names._NICKNAME_INSIDE, names._nicknames_inside(text)),
            (names._WORD_AND_INITIAL, names._words_and_initials(text)),
        ):
            assert [m.span() for m in found] == [
                m.span() for m in pattern.finditer(text)
            ], text


def test_street_or_school_ending_as_the_patterns_tell_it():
    look_alike = regex.findall(r"(?i)[a-z.]", ALL_CHARACTERS)
    endings = addresses.STREET_ENDINGS + names._SCHOOL_ENDINGS
    words = ["kerk", "", "-", "ab\n", "weg\n", "wegen", "ſtraat", "Straat"]
    for ending in endings:
        words += [f"kerk{ending}", f"{ending}\n", f"{ending}x", ending[1:]]
        for char in look_alike:
            for at in (0, len(ending) - 1):
                words.append("x" + ending[:at] + char + ending[at + 1 :])
    for word in words:
        lower = word.lower()
        expected = bool(
            addresses.STREET_SUFFIX.search(lower) or names._SCHOOL_END.search(lower)
        )
        assert names._street_or_school_ending(lower) == expected, repr(word)
