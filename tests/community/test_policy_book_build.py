"""The policy book built from factory data: its themes, conclusions and
solutions, no member names, the PDF's pages and text, and the same book
when built twice."""

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from community.models import PolicyBookPage, Post
from community.policybook.periods import half_year_parse
from community.policybook.services import policy_book_build
from tests.accounts.factories import MemberFactory
from tests.second_factor import login_with_second_factor

from .factories import MeetingNoteFactory, PostFactory, ThemeFactory, ThreadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]

H1 = half_year_parse("2026-H1")


def _at(month: int, day: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(2026, month, day, 14, 0))


@pytest.fixture
def discussions(home_page):
    police = MemberFactory(
        first_name="Marloes", last_name="Verbeek", organisation="Politie Eenheid Oost"
    )
    town = MemberFactory(
        first_name="Hakan", last_name="Yildiz", organisation="Gemeente Zwolle"
    )
    online = ThemeFactory(name="Online opruiing", slug="online-opruiing", order=1)
    quiet = ThemeFactory(name="Jaarwisseling", slug="jaarwisseling", order=2)
    ThemeFactory(name="Zonder activiteit", slug="stil", order=3)
    thread = ThreadFactory(theme=online, author=town, title="Hoe vroeg signaleren?")
    PostFactory(
        thread=thread,
        author=town,
        body="<p>Hoe zien jullie oproepen op sociale media op tijd?</p>",
        created_at=_at(2),
    )
    PostFactory(
        thread=thread,
        author=police,
        body="<p>Een vast meldpunt bij de politie werkt.</p>",
        created_at=_at(3),
        marked_as=Post.Mark.CONCLUSION,
    )
    PostFactory(
        thread=thread,
        author=town,
        body="<p>Een gezamenlijk webcareteam van gemeente en politie.</p>",
        created_at=_at(4),
        marked_as=Post.Mark.SOLUTION,
    )
    PostFactory(
        thread=thread,
        author=police,
        body="<p>Verborgen conclusie die niet in het boek mag.</p>",
        created_at=_at(4),
        marked_as=Post.Mark.CONCLUSION,
        hidden=True,
        approved=False,
    )
    PostFactory(  # the second half year: not in this book
        thread=thread,
        author=police,
        body="<p>Conclusie van na de zomer.</p>",
        created_at=_at(9),
        marked_as=Post.Mark.CONCLUSION,
    )
    other = ThreadFactory(theme=quiet, author=police, title="Vuurwerkoverlast")
    PostFactory(
        thread=other,
        author=police,
        body="<p>Wie heeft ervaring met een vuurwerkverbod?</p>",
        created_at=_at(5),
    )
    MeetingNoteFactory(
        theme=quiet,
        meeting_date=dt.date(2026, 5, 20),
        agenda_item="Evaluatie oud en nieuw",
        said="<p>De aanpak werkte in de wijken.</p>",
        conclusions="<ul><li>Eerder beginnen met jongerenwerk.</li></ul>",
    )
    return {"members": [police, town], "themes": [online, quiet]}


def _pdf_text(page: PolicyBookPage) -> tuple[PdfReader, str]:
    page.pdf.file.open("rb")
    reader = PdfReader(io.BytesIO(page.pdf.file.read()))
    page.pdf.file.close()
    return reader, "\n".join(p.extract_text() for p in reader.pages)


def test_book_has_themes_conclusions_and_solutions(discussions):
    page = policy_book_build(period=H1)
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    chapters = list(draft.chapters.all())
    assert [c.title for c in chapters] == ["Online opruiing", "Jaarwisseling"]
    online = chapters[0].content
    assert [q["title"] for q in online["questions"]] == ["Hoe vroeg signaleren?"]
    assert online["conclusions"] == [
        {"paragraphs": ["Een vast meldpunt bij de politie werkt."], "source": "politie"}
    ]
    assert online["solutions"][0]["source"] == "gemeente"
    quiet = chapters[1].content
    assert quiet["conclusions"] == []
    # A list stays a list: as the "- " lines members type.
    assert quiet["notes"][0]["conclusions"] == "- Eerder beginnen met jongerenwerk."
    assert page.period == "2026-H1" and not page.live
    assert page.title == "Beleidsboek eerste halfjaar 2026"


def test_web_edition_shows_content_without_names(discussions, client, editor):
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    login_with_second_factor(client, editor)
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Een vast meldpunt bij de politie werkt." in html
    assert "Verborgen conclusie" not in html
    assert "Conclusie van na de zomer" not in html
    assert "Er zijn in dit halfjaar geen conclusies getrokken" in html
    for member in discussions["members"]:
        assert member.last_name not in html
        assert member.first_name not in html
    assert 'href="#thema-online-opruiing"' in html
    assert 'id="thema-online-opruiing"' in html
    assert "<svg" in html and "<title id=" in html
    assert page.pdf.url in html


def test_pdf_has_cover_contents_page_numbers_and_no_names(discussions):
    page = policy_book_build(period=H1)
    page.refresh_from_db()
    reader, text = _pdf_text(page)
    # Cover, contents, introduction, two themes, the activity overview and
    # the colophon.
    assert len(reader.pages) == 7
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Beleidsboek eerste halfjaar 2026" in cover
    contents = reader.pages[1].extract_text()
    assert "Online opruiing" in contents and "4" in contents
    assert "Een vast meldpunt bij de politie werkt." in text
    assert "— politie" in text
    assert "Verborgen conclusie" not in text
    for member in discussions["members"]:
        assert member.last_name not in text
    assert reader.pages[3].extract_text().strip().endswith("4")


def test_building_twice_gives_the_same_book(discussions):
    first = policy_book_build(period=H1)
    first.refresh_from_db()
    revisions = first.revisions.count()
    _reader, text = _pdf_text(first)
    first.pdf.file.open("rb")
    pdf_bytes = first.pdf.file.read()
    first.pdf.file.close()

    second = policy_book_build(period=H1)
    second.refresh_from_db()
    assert second.pk == first.pk
    assert PolicyBookPage.objects.count() == 1
    assert second.revisions.count() == revisions
    assert second.pdf_id == first.pdf_id
    second.pdf.file.open("rb")
    assert second.pdf.file.read() == pdf_bytes
    second.pdf.file.close()


def test_rebuild_keeps_the_advisers_intro_and_order(discussions):
    page = policy_book_build(period=H1)
    draft = page.get_latest_revision_as_object()
    draft.intro = "<p>Ingeleid door de adviseur.</p>"
    chapters = list(draft.chapters.all())
    chapters[0].sort_order, chapters[1].sort_order = 1, 0
    draft.chapters = sorted(chapters, key=lambda c: c.sort_order)
    draft.save_revision()

    policy_book_build(period=H1)
    page.refresh_from_db()
    again = page.get_latest_revision_as_object()
    assert again.intro == "<p>Ingeleid door de adviseur.</p>"
    assert [c.title for c in again.chapters.all()] == [
        "Jaarwisseling",
        "Online opruiing",
    ]


def test_half_year_without_discussions_says_so(home_page, client, editor):
    ThemeFactory(name="Online opruiing", slug="online-opruiing")
    page = policy_book_build(period=half_year_parse("2025-H2"))
    page.get_latest_revision().publish()
    login_with_second_factor(client, editor)
    html = client.get(page.url).content.decode()
    assert "geen discussies en geen verslagen" in html
    page.refresh_from_db()
    _reader, text = _pdf_text(page)
    assert "geen discussies" in text


def test_enormous_and_hostile_posts_are_printed_safely(home_page, client, editor):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    thread = ThreadFactory(theme=theme, title="<script>alert('titel')</script>")
    hostile = (
        '<p>Let op<script>alert("x")</script></p><img src="https://evil.example/x"'
        ' onerror="alert(1)"><iframe src="https://evil.example"></iframe>'
        '<a href="javascript:alert(1)">klik</a><style>body{display:none}</style>'
        "<p>&lt;b&gt;geen opmaak&lt;/b&gt;</p><svg onload=alert(1)>"
    )
    PostFactory(thread=thread, body=hostile, created_at=_at(2))
    enormous = "<p>" + "Heel lang bericht over signalen. " * 3_100 + "</p>"
    assert len(enormous) > 100_000
    PostFactory(
        thread=thread, body=enormous, created_at=_at(3), marked_as=Post.Mark.CONCLUSION
    )
    PostFactory(
        thread=thread, body=hostile, created_at=_at(4), marked_as=Post.Mark.SOLUTION
    )
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    login_with_second_factor(client, editor)
    html = client.get(page.url).content.decode()
    main = html.split("<main", 1)[1]
    for bad in ("<script>alert", "onerror", "<iframe", "javascript:", "evil.example"):
        assert bad not in main
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt;" in main
    assert "&lt;b&gt;geen opmaak&lt;/b&gt;" in main
    # The 100 kB conclusion is cut to a readable length.
    assert "Heel lang bericht" in main and len(main) < 60_000
    page.refresh_from_db()
    reader, text = _pdf_text(page)
    assert "Let op" in text and "alert(1)" not in text
    assert len(reader.pages) < 12


def test_web_edition_queries_do_not_grow_with_themes(home_page, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_theme(n):
        theme = ThemeFactory(name=f"Thema {n}", slug=f"thema-{n}", order=n)
        thread = ThreadFactory(theme=theme)
        PostFactory(thread=thread, created_at=_at(2))
        PostFactory(thread=thread, created_at=_at(3), marked_as=Post.Mark.CONCLUSION)

    def queries() -> int:
        page = policy_book_build(period=H1)
        page.refresh_from_db()
        page.get_latest_revision().publish()
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    add_theme(1)
    few = queries()
    for n in range(2, 8):
        add_theme(n)
    assert queries() == few


def test_cases_belong_to_a_theme_by_its_case_tags(discussions, home_page):
    from freezegun import freeze_time

    from tests.casebook.factories import CaseIndexPageFactory, CasePageFactory

    online = discussions["themes"][0]
    online.case_tags = "Opruiing, tiktok"
    online.save()
    index = CaseIndexPageFactory(parent=home_page)

    def publish(title, tag, when):
        case = CasePageFactory(parent=index, title=title, region="Gemeente Ede")
        case.tags.add(tag)
        with freeze_time(when):
            case.save_revision().publish()

    publish("Oproep tot rellen na voetbalwedstrijd", "opruiing", _at(3))
    publish("Illegaal feest in het bos", "feesten", _at(3))
    publish("Rellen na de zomer", "tiktok", _at(9))
    page = policy_book_build(period=H1)
    chapters = list(page.get_latest_revision_as_object().chapters.all())
    assert chapters[0].content["cases"] == [
        {"title": "Oproep tot rellen na voetbalwedstrijd", "region": "Gemeente Ede"}
    ]
    assert chapters[1].content["cases"] == []
