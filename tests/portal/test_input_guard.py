"""Input no form can produce gets a clear answer and changes nothing: a NUL
or another control character anywhere in the address or a form is refused
with a Dutch 400 page before any view runs, an id past what a database
integer holds is not found, and hand-typed years, months and ids are read by
the safe parsers. Each case below answered 500 in the outside security test
of #12; the site-wide fuzz test is tests/security/test_url_fuzz.py."""

import datetime as dt

import pytest
from django.urls import reverse

from casebook.models import CaseSubmission
from community.models import Post
from events.models import Registration
from portal.core.params import id_in_range, parse_id, parse_month, parse_year
from tests.casebook.factories import CaseIndexPageFactory, anonymised_case
from tests.community.factories import PostFactory, ThemeFactory, ThreadFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.knowledge.factories import NewsIndexPageFactory, NewsPageFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db

HUGE = str(2**63)


def _refused(response) -> None:
    # The explanation (templates/400.html), not the bare "Bad Request".
    assert response.status_code == 400
    assert "400.html" in [template.name for template in response.templates]


# --- the parsers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year"),
    [("2024", 2024), ("0000", None), ("9999", None), ("²０２４", None), ("24", None)],
)
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("2026-12", dt.date(2026, 12, 1)),
        ("9999-12", None),
        ("0000-01", None),
        ("2026-13", None),
        ("2026-1", None),
        ("٢٠٢٦-١٢", None),
        ("", None),
    ],
)
def test_parse_month(text, month):
    assert parse_month(text) == month


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), ("²", None), ("0", None), (HUGE, None), ("9" * 30, None)],
)
def test_parse_id(text, number):
    assert parse_id(text) == number
    assert id_in_range(text) == (number is not None or text == "0")


# --- anonymous ---------------------------------------------------------------


def test_a_month_past_the_calendar_gets_a_message(client, home_page):
    index = EventIndexPageFactory(parent=home_page)
    body = client.get(index.url, {"maand": "9999-12"}).content.decode()
    assert "Geef de maand als jaar-maand" in body


def test_year_zero_gets_a_message(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index)
    response = client.get(index.url, {"jaar": "0000"})
    assert response.status_code == 200
    assert "Geef het jaar in vier cijfers" in response.content.decode()


def test_a_nul_in_a_tag_is_refused(client, home_page):
    news = NewsIndexPageFactory(parent=home_page)
    cases = CaseIndexPageFactory(parent=home_page)
    _refused(client.get(news.url + "?tag=%00"))
    _refused(client.get(cases.url + "?tag=%00"))
    _refused(client.get(cases.url + "?x%01=1"))  # in a name, too


def test_a_nul_in_the_path_is_refused(client, home_page):
    _refused(client.get("/nieuws%00/"))


def test_an_id_past_2_63_in_the_path_is_not_found(client, home_page):
    assert client.get(f"/agenda/bijeenkomst-{HUGE}.ics").status_code == 404
    assert client.get(f"/agenda/bijeenkomst-{'9' * 30}.ics").status_code == 404


# --- logged in ---------------------------------------------------------------


def test_a_nul_in_member_filters_is_refused(client, member):
    client.force_login(member)
    ThemeFactory(slug="thema")
    _refused(client.get("/community/thema/thema/?tag=%00"))
    _refused(client.get("/experts/?q=%00"))
    _refused(client.get("/experts/?expertise=%00"))


def test_a_nul_in_the_keep_field_changes_nothing(client, member):
    case = anonymised_case(member)
    before = CaseSubmission.objects.values().get(pk=case.pk)
    client.force_login(member)
    url = reverse("casebook:preview", kwargs={"pk": case.pk})
    _refused(client.post(url, {"action": "recompute", "keep": ["Jan\x00"]}))
    assert CaseSubmission.objects.values().get(pk=case.pk) == before


def test_a_nul_in_a_moderation_reason_changes_nothing(client, member, editor):
    thread = ThreadFactory(theme=ThemeFactory(), author=member)
    post = PostFactory(thread=thread, author=member)
    login_with_second_factor(client, editor)
    url = reverse("community:post_hide", kwargs={"pk": post.pk})
    _refused(client.post(url, {"reason": "Namen\x00"}))
    assert not Post.objects.get(pk=post.pk).hidden


@pytest.fixture
def event(home_page):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    Registration.objects.create(
        event=event,
        name="Deelnemer",
        organisation="Gemeente Ede",
        job_title="OOV",
        email="d@ede.example",
        status=Registration.Status.CONFIRMED,
    )
    return event


def test_a_superscript_digit_marks_no_one_present(client, editor, event):
    login_with_second_factor(client, editor)
    url = reverse("event_participants:attendance", args=[event.pk])
    response = client.post(url, {"attended": ["²", HUGE]})
    assert response.status_code == 302
    assert not Registration.objects.filter(attended=True).exists()


def test_an_event_id_past_2_63_in_the_admin_is_not_found(client, editor, event):
    login_with_second_factor(client, editor)
    assert client.get(f"/admin/deelnemers/{HUGE}/").status_code == 404
    assert client.get(f"/admin/deelnemers/{'9' * 30}/").status_code == 404
