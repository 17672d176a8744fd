"""The policy book is public, so it quotes only cases everyone may see: a
members-only case's title stays out of the web edition and the PDF."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from freezegun import freeze_time
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from community.policybook.periods import half_year_parse
from community.policybook.services import policy_book_build
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from tests.casebook.factories import CaseIndexPageFactory, CasePageFactory

from .factories import PostFactory, ThemeFactory, ThreadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]

H1 = half_year_parse("2026-H1")
IN_H1 = timezone.make_aware(dt.datetime(2026, 3, 10, 14, 0))


@pytest.fixture
def book(home_page, member):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing", order=1)
    theme.case_tags = "opruiing"
    theme.save()
    thread = ThreadFactory(theme=theme, author=member, title="Hoe vroeg signaleren?")
    PostFactory(thread=thread, author=member, body="<p>Vraag</p>", created_at=IN_H1)
    index = CaseIndexPageFactory(parent=home_page)
    for title, members_only in (
        ("Openbare casus over een oproep", False),
        ("Besloten casus over een oproep", True),
    ):
        case = CasePageFactory(parent=index, title=title)
        case.tags.add("opruiing")
        with freeze_time(IN_H1):
            case.save_revision().publish()
        if members_only:
            restriction = PageViewRestriction.objects.create(
                page=case, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set(
                Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
            )
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


def test_web_edition_lists_only_the_public_case(client, book):
    response = client.get(book.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Openbare casus over een oproep" in html
    assert "Besloten casus" not in html


def test_pdf_lists_only_the_public_case(book):
    book.pdf.file.open("rb")
    reader = PdfReader(io.BytesIO(book.pdf.file.read()))
    book.pdf.file.close()
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Openbare casus over een oproep" in text
    assert "Besloten casus" not in text
