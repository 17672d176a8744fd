"""The pure text helpers: cleaning the query, words, stems and the excerpt."""

from portal.search.text import (
    MAX_QUERY_LENGTH,
    highlight,
    query_clean,
    query_terms,
)


def test_query_clean_strips_control_characters_and_collapses_space():
    assert query_clean("  demon\x00stratie\t\n in\u200b Den   Haag ") == (
        "demon stratie in Den Haag",
        False,
    )


def test_query_clean_shortens_long_queries():
    text, shortened = query_clean("woord " * 2000)
    assert shortened
    assert len(text) <= MAX_QUERY_LENGTH
    assert text == text.strip()


def test_query_terms_keep_letters_and_digits_only():
    assert query_terms("' OR 1=1 --") == ["or", "1"]
    assert query_terms('<script>alert("x")</script>') == ["script", "alert", "x"]
    assert query_terms("Noodverordening, noodverordening; APV!") == [
        "noodverordening",
        "apv",
    ]
    assert query_terms("jongeren­werker café coördinatie") == [
        "jongeren",
        "werker",
        "café",
        "coördinatie",
    ]
    assert query_terms("*** -- ''") == []


def test_highlight_marks_words_sharing_the_stem():
    excerpt = highlight(
        ["Na de demonstratie sprak de gemeente met demonstranten."],
        ["demonstraties"],
    )
    assert str(excerpt) == (
        "Na de <mark>demonstratie</mark> sprak de gemeente met demonstranten."
    )


def test_highlight_is_case_insensitive_and_keeps_the_original_case():
    excerpt = highlight(["Gemeenten en de Politie"], ["gemeente", "POLITIE"])
    assert str(excerpt) == "<mark>Gemeenten</mark> en de <mark>Politie</mark>"


def test_highlight_escapes_page_text_and_query():
    excerpt = highlight(
        ['<b>Let op</b> & "script" <script>alert(1)</script>'], ["script", "<b>"]
    )
    assert "<script>" not in excerpt and "<b>" not in excerpt
    assert "&lt;b&gt;Let op&lt;/b&gt; &amp; &quot;<mark>script</mark>&quot;" in excerpt
    assert "&lt;<mark>script</mark>&gt;alert(1)" in excerpt


def test_highlight_never_marks_inside_a_word():
    assert "<mark>" not in highlight(["Een ordeverstoring"], ["verstoring"])


def test_highlight_prefers_the_text_that_matches():
    excerpt = highlight(
        ["Een samenvatting zonder het woord.", "In de tekst: een noodverordening."],
        ["noodverordening"],
    )
    assert str(excerpt) == "In de tekst: een <mark>noodverordening</mark>."


def test_highlight_without_a_match_shows_the_summary():
    assert str(highlight(["Samenvatting.", "Meer"], ["fenomeenkaart"])) == (
        "Samenvatting."
    )


def test_highlight_of_a_long_text_shows_a_window_around_the_first_match():
    text = " ".join(["vulling"] * 200) + " de barrière hier " + " ".join(["rest"] * 200)
    excerpt = str(highlight([text], ["barrière"], length=120))
    assert "<mark>barrière</mark>" in excerpt
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert len(excerpt) < 120 + len("<mark></mark>… …  ")
    assert "vulli " not in excerpt + " "  # cut at spaces, not inside words


def test_highlight_marks_every_number_and_synonyms_passed_along():
    excerpt = highlight(["Na de rel kwamen meer rellen en onrust."], ["rel", "onrust"])
    assert str(excerpt) == (
        "Na de <mark>rel</mark> kwamen meer <mark>rellen</mark> en <mark>onrust</mark>."
    )


def test_highlight_leaves_stop_words_and_word_starts_unmarked():
    excerpt = highlight(["De relatie en de rel"], ["de", "rel"])
    assert str(excerpt) == "De relatie en de <mark>rel</mark>"


def test_highlight_of_nothing_is_empty():
    assert highlight([], ["woord"]) == ""
    assert highlight(["   "], ["woord"]) == ""
    assert str(highlight(["Tekst"], [])) == "Tekst"
