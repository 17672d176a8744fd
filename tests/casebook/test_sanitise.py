"""Free text on the way in: a few formatting tags survive, nothing that can
run, load, restyle or link."""

import pytest

from casebook.sanitise import html_clean, html_text, is_blank, plain_clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Een regel", "<p>Een regel</p>"),
        ("Alinea 1\n\nAlinea 2\nregel 2", "<p>Alinea 1</p><p>Alinea 2<br>regel 2</p>"),
        (
            "<p>Met <strong>vet</strong>, <em>cursief</em></p>",
            "<p>Met <strong>vet</strong>, <em>cursief</em></p>",
        ),
        (
            "<p><b>oud</b> en <i>schuin</i></p>",
            "<p><strong>oud</strong> en <em>schuin</em></p>",
        ),
        ("<ul><li>een</li><li>twee</li></ul>", "<ul><li>een</li><li>twee</li></ul>"),
        ("<script>alert(1)</script>Tekst", "<p>Tekst</p>"),
        ('<p onclick="steal()" style="color:red" class="x">Tekst</p>', "<p>Tekst</p>"),
        ("<img src=x onerror=alert(1)>Tekst", "<p>Tekst</p>"),
        ('<a href="https://tiktok.com/@jantje">profiel</a>', "<p>profiel</p>"),
        ('<a href="javascript:alert(1)">klik</a>', "<p>klik</p>"),
        ("<style>p{display:none}</style><p>zichtbaar</p>", "<p>zichtbaar</p>"),
        ("<svg><script>x</script></svg><p>rest</p>", "<p>rest</p>"),
        ('<iframe src="https://evil.example"></iframe>', ""),
        ("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>"),
        ("<!-- commentaar --><p>tekst</p>", "<p>tekst</p>"),
        ("<p>Кирилица и عربى</p>", "<p>Кирилица и عربى</p>"),
    ],
)
def test_html_clean(raw, clean):
    assert html_clean(raw) == clean


def test_bare_addresses_stay_text_for_the_anonymiser():
    assert html_clean("zie https://t.me/groep123") == "<p>zie https://t.me/groep123</p>"


def test_blank_after_cleaning():
    assert is_blank(html_clean("<script>x</script>  <p> </p>"))
    assert not is_blank(html_clean("<p>x</p>"))


def test_plain_fields_lose_all_markup():
    assert (
        plain_clean("<b>Titel</b> <script>alert(1)</script>  met\n regels")
        == "Titel met regels"
    )
    assert plain_clean("a < b") == "a < b"


def test_html_text_gives_the_lines():
    assert (
        html_text("<p>Een &amp; twee</p><ul><li>drie</li></ul>") == "Een & twee\ndrie"
    )
