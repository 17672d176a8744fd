"""The Dutch analysis of the search: Snowball's stems, and the two joins it
misses (a plural -s after a vowel, a doubled consonant before -en)."""

import pytest

from portal.search.analysis import _plural_s, _undouble, analyse, stem

# The common OAOV words: singular and plural share one stem.
PAIRS = [
    ("rel", "rellen"),  # Snowball: 'rell' (undoubled by us)
    ("dwangsom", "dwangsommen"),  # Snowball: 'dwangsomm' (undoubled by us)
    ("noodverordening", "noodverordeningen"),
    ("jongere", "jongeren"),
    ("demonstratie", "demonstraties"),  # Snowball keeps -s after a vowel
    ("interventie", "interventies"),
    ("gemeente", "gemeenten"),
    ("gemeente", "gemeentes"),
    ("bijeenkomst", "bijeenkomsten"),
    ("leerkring", "leerkringen"),
    ("gebiedsverbod", "gebiedsverboden"),
    ("noodbevel", "noodbevelen"),
    ("maatregel", "maatregelen"),
    ("oproep", "oproepen"),
    ("school", "scholen"),
]


@pytest.mark.parametrize(("singular", "plural"), PAIRS)
def test_singular_and_plural_share_a_stem(singular, plural):
    assert stem(singular) == stem(plural)


@pytest.mark.parametrize(
    ("word", "without"),
    [
        ("demonstraties", "demonstratie"),
        ("gemeentes", "gemeente"),
        ("camera", "camera"),
        ("huis", "huis"),  # a double vowel: the s is the word's own
        ("kaas", "kaas"),
        ("reis", "reis"),
        ("apvs", "apvs"),
        ("oaos", "oaos"),  # too short to tell
    ],
)
def test_plural_s_after_a_single_vowel(word, without):
    assert _plural_s(word) == without


@pytest.mark.parametrize(
    ("snowball", "undoubled"),
    [("rell", "rel"), ("dwangsomm", "dwangsom"), ("feest", "feest"), ("ee", "ee")],
)
def test_undouble_a_final_double_consonant(snowball, undoubled):
    assert _undouble(snowball) == undoubled


def test_analyse_drops_stop_words_and_accents_and_punctuation():
    assert analyse("Het gebiedsverbod van de Burgemeester; coördinatie!") == (
        "gebiedsverbod burgemeester coordinatie"
    )
    assert analyse("rellen_x 2025") == "rel x 2025"
    assert analyse("de het een") == ""
