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
from tests.events.factories import EventIndexPageFactory, EventPageFactory

from .factories import PostFactory, ThemeFactory, ThreadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]

H1 = half_year_parse("2026-H1")
IN_H1 = timezone.make_aware(dt.datetime(2026, 3, 10, 14, 0))


def _members_only(page) -> None:
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(
        Group.objects.filter(name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )


@pytest.fixture
def book(home_page, member):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing", order=1)
    theme.case_tags = "opruiing"
    theme.save()
    events = EventIndexPageFactory(parent=home_page)
    for title, members_only in (
        ("Openbare bijeenkomst over signalen", False),
        ("Besloten bijeenkomst over signalen", True),
    ):
        event = EventPageFactory(
            parent=events,
            title=title,
            kind="cop",
            starts_at=IN_H1,
            ends_at=IN_H1 + dt.timedelta(hours=1),
        )
        if members_only:
            _members_only(event)
        thread = ThreadFactory(theme=theme, author=member, event=event)
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
            _members_only(case)
    page = policy_book_build(period=H1)
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.readme_claim(
    "A published policy book quotes only cases and names only meetings that "
    "everyone may see."
)
def test_web_edition_lists_only_the_public_case(client, book):
    response = client.get(book.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Openbare casus over een oproep" in html
    assert "Besloten casus" not in html


@pytest.mark.readme_claim(
    "A published policy book quotes only cases and names only meetings that "
    "everyone may see."
)
def test_web_edition_names_only_the_public_meeting(client, book):
    html = client.get(book.url).content.decode()
    assert "Openbare bijeenkomst over signalen" in html
    assert "Besloten bijeenkomst" not in html


@pytest.mark.readme_claim(
    "A published policy book quotes only cases and names only meetings that "
    "everyone may see."
)
def test_pdf_lists_only_the_public_case(book):
    book.pdf.file.open("rb")
    reader = PdfReader(io.BytesIO(book.pdf.file.read()))
    book.pdf.file.close()
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Openbare casus over een oproep" in text
    assert "Besloten casus" not in text
