"""Building again a half year whose book is published never touches the
live book (#12): the new PDF waits with the draft revision, hidden from
visitors, and replaces the public one only when that revision is published."""

import io

import pytest
from pypdf import PdfReader

from community.models import PolicyBookPage, Post
from community.policybook.services import policy_book_build

from .factories import PostFactory, ThreadFactory
from .test_policy_book_build import H1, _at, discussions  # noqa: F401 - fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]

NEW = "Nieuwe conclusie die nog niet is nagekeken."


def _bytes(document) -> bytes:
    with document.file.open("rb") as pdf:
        return pdf.read()


def _text(document) -> str:
    reader = PdfReader(io.BytesIO(_bytes(document)))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _published_then_rebuilt(discussions) -> tuple[PolicyBookPage, bytes, str]:  # noqa: F811
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    public = _bytes(page.pdf)
    thread = ThreadFactory(theme=discussions["themes"][0], title="Na publicatie")
    PostFactory(thread=thread, body=f"<p>{NEW}</p>", created_at=_at(5))
    PostFactory(
        thread=thread,
        body=f"<p>{NEW}</p>",
        created_at=_at(6),
        marked_as=Post.Mark.CONCLUSION,
    )
    return page, public, page.pdf.url


def test_a_rebuild_leaves_the_public_pdf_and_web_edition_alone(
    discussions,  # noqa: F811
    client,
):
    page, public, url = _published_then_rebuilt(discussions)
    policy_book_build(period=H1)
    page.refresh_from_db()
    assert _bytes(page.pdf) == public and page.pdf.url == url
    assert NEW not in _text(page.pdf)
    web = client.get(page.url)
    assert web.status_code == 200 and NEW not in web.content.decode()
    # The new PDF waits with the draft, out of visitors' reach.
    assert page.draft_pdf is not None and NEW in _text(page.draft_pdf)
    assert client.get(page.draft_pdf.url).status_code == 404
    assert client.get(url).status_code == 200


def test_publishing_the_draft_makes_its_pdf_the_public_one(
    discussions,  # noqa: F811
    client,
):
    page, public, url = _published_then_rebuilt(discussions)
    policy_book_build(period=H1)
    page.refresh_from_db()
    waiting = page.draft_pdf

    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.pdf.url == url and page.draft_pdf is None
    assert _bytes(page.pdf) != public and NEW in _text(page.pdf)
    assert NEW in client.get(page.url).content.decode()
    assert not type(waiting).objects.filter(pk=waiting.pk).exists()


def test_a_rebuild_without_news_leaves_nothing_waiting(discussions):  # noqa: F811
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    revisions = page.revisions.count()
    policy_book_build(period=H1)
    page.refresh_from_db()
    assert page.draft_pdf is None and page.revisions.count() == revisions
