"""Whatever members paste, only the whitelisted formatting is stored."""

import pytest

from community.errors import InvalidMessage
from community.sanitise import MAX_LENGTH, message_clean, rich_text_clean


def test_allowed_formatting_survives():
    html = (
        "<p>Een <strong>vette</strong> en <em>schuine</em> tekst.</p>"
        "<ul><li>een</li></ul><ol><li>twee</li></ol>"
        "<blockquote>citaat</blockquote><p>regel<br>nieuwe regel</p>"
    )
    assert rich_text_clean(html) == html


def test_plain_text_becomes_paragraphs():
    cleaned = rich_text_clean("Eerste alinea\nzelfde alinea\n\nTweede alinea")
    assert cleaned == "<p>Eerste alinea<br>\nzelfde alinea</p><p>Tweede alinea</p>"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (
            "Wat wij deden:\n- de wijkagent gebeld\n- ouders ingelicht\nDaarna rust.",
            "<p>Wat wij deden:</p><ul><li>de wijkagent gebeld</li>"
            "<li>ouders ingelicht</li></ul><p>Daarna rust.</p>",
        ),
        ("* een\n• twee", "<ul><li>een</li><li>twee</li></ul>"),
        ("1. eerst\n2) dan", "<ol><li>eerst</li><li>dan</li></ol>"),
        # Not a list: a dash inside a sentence, a minus sign, a year.
        ("Min -5 graden\n-5 graden", "<p>Min -5 graden<br>\n-5 graden</p>"),
        ("2024. Een jaar.", "<p>2024. Een jaar.</p>"),
        ("- <script>x</script>item", "<ul><li>item</li></ul>"),
    ],
)
def test_plain_lists_as_in_an_email(typed, stored):
    assert rich_text_clean(typed) == stored


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script><p>tekst</p>",
        "<p>tekst</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        '<img src=x onerror="alert(1)"><p>tekst</p>',
        '<p onclick="alert(1)" style="color:red">tekst</p>',
        "<style>body{display:none}</style><p>tekst</p>",
        '<svg onload="alert(1)"><script>alert(1)</script></svg><p>tekst</p>',
        '<iframe src="https://evil.example"></iframe><p>tekst</p>',
        "<p>tekst</p><!-- <script>alert(1)</script> -->",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"
        "</style></mglyph></table></mtext></math><p>tekst</p>",
    ],
)
def test_hostile_html_is_removed(hostile):
    cleaned = rich_text_clean(hostile)
    lowered = cleaned.lower()
    for bad in ("<script", "onerror", "onclick", "onload", "style", "<svg", "<img"):
        assert bad not in lowered
    assert "alert" not in lowered
    assert "iframe" not in lowered
    assert "tekst" in cleaned


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java&#09;script:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "ftp://files.example/x",
    ],
)
def test_dangerous_link_targets_are_dropped(href):
    cleaned = rich_text_clean(f'<p><a href="{href}">klik</a></p>')
    assert "href" not in cleaned
    assert "klik" in cleaned


def test_safe_links_get_nofollow_noopener():
    cleaned = rich_text_clean(
        '<p><a href="https://www.ccv.nl/" target="_blank" title="x">CCV</a> '
        '<a href="mailto:info@ccv.example">mail</a></p>'
    )
    assert '<a href="https://www.ccv.nl/" rel="nofollow noopener">CCV</a>' in cleaned
    assert '<a href="mailto:info@ccv.example" rel="nofollow noopener">mail</a>' in (
        cleaned
    )
    assert "target" not in cleaned and "title" not in cleaned


def test_bare_addresses_become_safe_links():
    cleaned = rich_text_clean("Zie https://www.hetccv.nl/ voor meer.")
    assert 'href="https://www.hetccv.nl/"' in cleaned
    assert 'rel="nofollow noopener"' in cleaned


def test_other_tags_are_stripped_but_their_text_kept():
    cleaned = rich_text_clean("<h1>Kop</h1><div><span>tekst</span></div>")
    assert "<h1" not in cleaned and "<div" not in cleaned
    assert "Kop" in cleaned and "tekst" in cleaned


def test_text_that_looks_like_markup_is_escaped():
    assert "&lt;" in rich_text_clean("<p>3 &lt; 4 en a<b</p>")


@pytest.mark.parametrize(
    "empty", ["", "   ", "<p></p>", "<script>alert(1)</script>", "<p>&nbsp;</p>"]
)
def test_empty_after_cleaning_is_refused_with_a_message(empty):
    with pytest.raises(InvalidMessage, match="leeg"):
        message_clean(empty)


def test_too_long_is_refused_with_the_length():
    with pytest.raises(InvalidMessage) as caught:
        message_clean("a" * (MAX_LENGTH + 1))
    assert "20.001" in str(caught.value)
    assert len(message_clean("a" * MAX_LENGTH)) > MAX_LENGTH


def test_wagtail_notes_keep_internal_links_and_bold():
    cleaned = rich_text_clean(
        '<p><b>vet</b> <a linktype="page" id="3">pagina</a>'
        '<a href="javascript:x()">slecht</a></p><script>x</script>',
        wagtail=True,
    )
    assert '<a linktype="page" id="3">pagina</a>' in cleaned
    assert "<b>vet</b>" in cleaned
    assert "javascript" not in cleaned and "<script" not in cleaned


@pytest.mark.django_db
def test_meeting_notes_are_sanitised_on_every_save_not_only_in_clean():
    from tests.community.factories import MeetingNoteFactory

    note = MeetingNoteFactory(
        said='<p>Gezegd</p><script>window.__xss=1</script><img src=x onerror="x()">',
        conclusions='<p><a href="javascript:x()">conclusie</a></p>',
    )
    note.refresh_from_db()
    assert "<script" not in note.said and "onerror" not in note.said
    assert "Gezegd" in note.said
    assert "javascript" not in note.conclusions and "conclusie" in note.conclusions
