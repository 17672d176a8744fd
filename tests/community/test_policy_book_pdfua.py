"""The policy book's PDF as an accessible government publication (PDF/UA-1).

No veraPDF here (it needs Java): these tests walk the PDF's structure tree
with pypdf and check what PDF/UA asks of this book: tagged, a title shown as
title, Dutch, headings in order, every figure with alternative text, the
chart data as tables."""

import datetime as dt
import io
import os
import re
import shutil
import subprocess

import pytest
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from community.models import PolicyBookPage, Post
from community.policybook.periods import half_year_parse
from community.policybook.services import policy_book_build
from tests.accounts.factories import MemberFactory

from .factories import MeetingNoteFactory, PostFactory, ThemeFactory, ThreadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]

H1 = half_year_parse("2026-H1")


def _at(month: int, day: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, month, day, 14, 0))


@pytest.fixture
def book(home_page) -> PolicyBookPage:
    author = MemberFactory(organisation="Gemeente Zwolle")
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing", order=1)
    thread = ThreadFactory(theme=theme, author=author, title="Hoe vroeg signaleren?")
    PostFactory(thread=thread, author=author, body="<p>Hoe?</p>", created_at=_at(2))
    PostFactory(
        thread=thread,
        author=author,
        body="<p>Een vast meldpunt werkt.</p>",
        created_at=_at(3),
        marked_as=Post.Mark.CONCLUSION,
    )
    MeetingNoteFactory(
        theme=theme,
        meeting_date=dt.date(2026, 5, 20),
        agenda_item="Evaluatie",
        said="<p>De aanpak werkte.</p>",
    )
    page = policy_book_build(period=H1)
    page.refresh_from_db()
    return page


def _pdf_bytes(page: PolicyBookPage) -> bytes:
    with page.pdf.file.open("rb") as file:
        return file.read()


def _elements(node, found: list[DictionaryObject]) -> list[DictionaryObject]:
    """The structure elements below ``node`` in reading order."""
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()
        # Integers are marked-content ids; /MCR and /OBJR point at content.
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            found.append(kid)
            _elements(kid, found)
    return found


def _structure(pdf: bytes) -> tuple[PdfReader, list[DictionaryObject]]:
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is not tagged"
    return reader, _elements(root["/StructTreeRoot"].get_object(), [])


def test_pdf_is_tagged_dutch_and_shows_its_title(book):
    reader, elements = _structure(_pdf_bytes(book))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert catalog["/Lang"] == "nl"
    assert reader.metadata.title == "Beleidsboek eerste halfjaar 2026"
    assert elements[0]["/S"] == "/Document"
    # PDF/UA-1 identifies itself in the XMP metadata.
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp


def test_headings_are_tagged_in_order(book):
    _reader, elements = _structure(_pdf_bytes(book))
    levels = [
        int(e["/S"][2])
        for e in elements
        if len(e["/S"]) == 3 and e["/S"].startswith("/H") and e["/S"][2].isdigit()
    ]
    assert levels[0] == 1
    assert {1, 2, 3} <= set(levels)
    # No level is skipped on the way down (H2 to H4 would be).
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels
    assert levels.count(1) == 1


def test_every_figure_has_alternative_text_and_the_data_a_table(book):
    _reader, elements = _structure(_pdf_bytes(book))
    figures = [e for e in elements if e["/S"] == "/Figure"]
    # Four activity charts at least (the cover's logo may add one).
    assert len(figures) >= 4
    for figure in figures:
        assert str(figure.get("/Alt", "")).strip(), figure
    alts = [str(f["/Alt"]) for f in figures]
    assert "Discussies per thema" in alts
    tables = [e for e in elements if e["/S"] == "/Table"]
    assert tables
    tags = {e["/S"] for e in elements}
    assert {"/TR", "/TH", "/TD", "/Caption", "/L", "/LI"} <= tags


def test_weasyprint_reports_nothing_missing(home_page, caplog):
    """WeasyPrint logs an error for what PDF/UA lacks (no lang, an image
    without alt) and writes the PDF anyway: the log must stay clean."""
    ThemeFactory(name="Online opruiing", slug="online-opruiing")
    with caplog.at_level("WARNING", logger="weasyprint"):
        policy_book_build(period=H1)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]


def test_pdfinfo_says_tagged(book, tmp_path):
    if not shutil.which("pdfinfo"):
        if os.environ.get("LEERKRING_REQUIRE_PDF"):
            pytest.fail("pdfinfo missing: apt-get install poppler-utils")
        pytest.skip("poppler-utils missing")
    path = tmp_path / "boek.pdf"
    path.write_bytes(_pdf_bytes(book))
    info = subprocess.run(  # noqa: S603 - our own file, a fixed tool
        [shutil.which("pdfinfo"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert "Beleidsboek eerste halfjaar 2026" in info


@pytest.fixture
def listed(home_page) -> PolicyBookPage:
    """A theme whose messages hold "- " lists, typed as members type them,
    and with no solutions, notes, meetings or cases."""
    from community.sanitise import message_clean

    author = MemberFactory(organisation="Politie Eenheid Oost")
    theme = ThemeFactory(name="Jaarwisseling", slug="jaarwisseling", order=1)
    thread = ThreadFactory(theme=theme, author=author, title="Wat werkt?")
    PostFactory(
        thread=thread,
        author=author,
        body=message_clean("Wat werkt bij u?\n\n- een meldpunt\n- cameratoezicht"),
        created_at=_at(2),
    )
    PostFactory(
        thread=thread,
        author=author,
        body=message_clean("Twee lessen:\n1. vroeg beginnen\n2. samen optrekken"),
        created_at=_at(3),
        marked_as=Post.Mark.CONCLUSION,
    )
    page = policy_book_build(period=H1)
    page.refresh_from_db()
    return page


def _chapter_lines(page: PolicyBookPage) -> list[str]:
    """The chapter's text lines, without list markers (drawn apart from the
    text), the running head and the page number."""
    reader = PdfReader(io.BytesIO(_pdf_bytes(page)))
    text = reader.pages[3].extract_text()
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return [
        line
        for line in lines
        if line
        and not re.fullmatch(r"[•◦]|\d+\.", line)
        and not line.startswith("Leerkring ·")
        and not line.isdigit()
    ]


def test_dash_lists_print_as_lists(listed):
    lines = _chapter_lines(listed)
    # Each item on a line of its own, without the dash typed before it.
    assert lines[lines.index("Wat werkt bij u?") + 1 :][:2] == [
        "een meldpunt",
        "cameratoezicht",
    ]
    assert lines[lines.index("Twee lessen:") + 1 :][:3] == [
        "vroeg beginnen",
        "samen optrekken",
        "— politie",
    ]
    assert not any(line.startswith("- ") for line in lines)
    _reader, elements = _structure(_pdf_bytes(listed))
    # The contents, the questions, the question's own list and the numbered
    # conclusion.
    assert sum(e["/S"] == "/L" for e in elements) == 4
    assert sum(e["/S"] == "/LI" for e in elements) >= 5


def test_an_empty_section_prints_its_line_and_nothing_below(listed):
    lines = _chapter_lines(listed)
    solutions = lines.index("Voorgestelde oplossingen")
    assert lines[solutions + 1].startswith("Er zijn in dit halfjaar geen oplossingen")
    assert lines[solutions + 2] == "Uit de bijeenkomsten"
    assert lines[solutions + 3].startswith("Geen verslagen")
    assert lines[solutions + 4] == "Bijeenkomsten en casussen"
    # The chapter ends with that line: no empty list, no heading residue.
    assert " ".join(lines[solutions + 5 :]) == (
        "Geen bijeenkomsten van de community of practice en geen gepubliceerde "
        "casussen over dit thema in dit halfjaar."
    )


def test_the_web_edition_shows_the_same_lists(listed, client, editor):
    from tests.second_factor import login_with_second_factor

    listed.get_latest_revision().publish()
    login_with_second_factor(client, editor)
    html = client.get(listed.url).content.decode()
    assert "<ul><li>een meldpunt</li><li>cameratoezicht</li></ul>" in html
    assert "<ol><li>vroeg beginnen</li><li>samen optrekken</li></ol>" in html
    assert '<span class="book-quote__source">— politie</span>' in html
