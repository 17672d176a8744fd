"""Advisers build the book from the admin and the command line, watch the
progress, and see their dashboard; bad input gets a Dutch message."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from community.models import PolicyBookBuild, PolicyBookPage, Post
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

from .factories import PostFactory, ThemeFactory, ThreadFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pdf_engine")]


@pytest.fixture
def conclusion(home_page):
    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    thread = ThreadFactory(theme=theme, title="Hoe vroeg signaleren?")
    at = timezone.make_aware(dt.datetime(2026, 3, 10, 12))
    PostFactory(thread=thread, body="<p>Vraag</p>", created_at=at)
    return PostFactory(
        thread=thread,
        body="<p>Samen optrekken werkt.</p>",
        created_at=at,
        marked_as=Post.Mark.CONCLUSION,
    )


def test_adviser_builds_the_book_and_sees_it_ready(client, editor, conclusion):
    login_with_second_factor(client, editor)
    form = client.get(reverse("policy_book_admin:form"))
    assert form.status_code == 200
    assert "Beleidsboek maken" in form.content.decode()
    response = client.post(reverse("policy_book_admin:form"), {"period": "2026-h1"})
    build = PolicyBookBuild.objects.get()
    assert response.url == reverse("policy_book_admin:build", args=[build.pk])
    assert build.status == "done" and build.percent == 100
    assert build.requested_by == editor and build.period == "2026-H1"
    status = client.get(response.url).content.decode()
    assert '<progress id="voortgang" max="100" value="100">' in status
    assert 'http-equiv="refresh"' not in status
    assert "Webeditie bekijken" in status
    draft = client.get(reverse("wagtailadmin_pages:view_draft", args=[build.page.pk]))
    assert "Samen optrekken werkt." in draft.content.decode()


def test_a_build_in_progress_refreshes_itself(client, editor):
    build = PolicyBookBuild.objects.create(
        period="2026-H1", status="running", step="De pdf wordt gemaakt", percent=70
    )
    login_with_second_factor(client, editor)
    html = client.get(reverse("policy_book_admin:build", args=[build.pk])).content
    html = html.decode()
    assert '<meta http-equiv="refresh" content="2">' in html
    assert 'value="70"' in html and "De pdf wordt gemaakt" in html
    assert "<script>" not in html.split("</head>")[0].split("refresh")[1]


@pytest.mark.parametrize("period", ["2026-H3", "26-H1", "", "2026H1"])
def test_a_period_written_wrong_is_a_form_error(client, editor, period):
    login_with_second_factor(client, editor)
    response = client.post(reverse("policy_book_admin:form"), {"period": period})
    assert response.status_code == 200
    assert "halfjaar" in response.content.decode()
    assert not PolicyBookBuild.objects.exists()


def test_members_cannot_build(client, member):
    client.force_login(member)
    response = client.get(reverse("policy_book_admin:form"))
    assert response.status_code in (302, 403)


def test_unknown_build_is_not_found(client, editor):
    login_with_second_factor(client, editor)
    assert client.get(reverse("policy_book_admin:build", args=[999])).status_code == 404


def test_command_builds_the_same_book_twice(conclusion, capsys):
    call_command("build_policy_book", "2026-H1")
    call_command("build_policy_book", "2026-H1")
    assert PolicyBookPage.objects.count() == 1
    assert PolicyBookBuild.objects.filter(status="done").count() == 2
    assert "Beleidsboek 2026-H1 is als concept opgeslagen" in capsys.readouterr().out


@pytest.mark.parametrize("period", ["2026-H3", "26-H1", "", "2026H1"])
def test_command_refuses_a_period_written_wrong(period, db):
    with pytest.raises(CommandError) as info:
        call_command("build_policy_book", period)
    assert "halfjaar" in str(info.value)
    assert not PolicyBookBuild.objects.exists()


def test_a_failing_build_is_recorded_not_raised(conclusion, monkeypatch):
    from community.policybook import services

    def broken(**kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(services, "policy_book_pdf_render", broken)
    build = services.build_start(period="2026-H1")
    assert build.status == "failed"
    assert "kon niet worden gemaakt" in build.error
    # Nothing half-written: no page, no document.
    assert not PolicyBookPage.objects.exists()


def test_publishing_makes_the_pdf_again_from_the_edited_page(
    client, editor, conclusion
):
    from community.policybook.periods import half_year_parse
    from community.policybook.services import policy_book_build

    page = policy_book_build(period=half_year_parse("2026-H1"))
    page.refresh_from_db()
    before = page.pdf.file_hash
    login_with_second_factor(client, editor)
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    chapter = page.get_latest_revision_as_object().chapters.first()
    data = {
        "title": page.title,
        "slug": page.slug,
        "intro": '{"blocks":[{"key":"a","type":"unstyled","text":"Nieuwe inleiding",'
        '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "chapters-TOTAL_FORMS": "1",
        "chapters-INITIAL_FORMS": "1",
        "chapters-MIN_NUM_FORMS": "0",
        "chapters-MAX_NUM_FORMS": "1000",
        "chapters-0-id": str(chapter.pk),
        "chapters-0-ORDER": "1",
        "chapters-0-DELETE": "",
        "chapters-0-title": "Opruiing online",
        "action-publish": "action-publish",
    }
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.live and "Nieuwe inleiding" in page.intro
    assert page.pdf.file_hash != before
    html = client.get(page.url).content.decode()
    assert "Opruiing online" in html and page.pdf.url in html


def test_dashboard_shows_advisers_the_figures(client, editor, conclusion, home_page):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(
        parent=index,
        title="Leerkring Online opruiing",
        starts_at=timezone.now() + dt.timedelta(days=10),
        ends_at=timezone.now() + dt.timedelta(days=10, hours=2),
        capacity=40,
    )
    login_with_second_factor(client, editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    # Registrations against capacity: registered, places, waiting.
    assert "<td>0</td><td>40</td><td>0</td>" in html
    assert "Voor adviseurs" in html
    assert "accountaanvragen wachten" in html or "accountaanvraag wacht" in html
    assert "Aanmeldingen per komende bijeenkomst" in html
    assert "Leerkring Online opruiing" in html
    assert 'id="dashboard-activity-title"' in html


def test_dashboard_queries_do_not_grow_with_events(
    client, editor, home_page, django_assert_max_num_queries
):
    index = EventIndexPageFactory(parent=home_page)
    login_with_second_factor(client, editor)
    client.get(reverse("wagtailadmin_home"))
    for day in range(1, 6):
        EventPageFactory(
            parent=index,
            starts_at=timezone.now() + dt.timedelta(days=day),
            ends_at=timezone.now() + dt.timedelta(days=day, hours=2),
        )
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("wagtailadmin_home"))
    for day in range(6, 16):
        EventPageFactory(
            parent=index,
            starts_at=timezone.now() + dt.timedelta(days=day),
            ends_at=timezone.now() + dt.timedelta(days=day, hours=2),
        )
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("wagtailadmin_home"))
    assert len(more) == len(few)


def test_index_page_lists_published_books(client, conclusion, home_page):
    from community.policybook.periods import half_year_parse
    from community.policybook.services import policy_book_build

    page = policy_book_build(period=half_year_parse("2026-H1"))
    index = Page.objects.get(slug="beleidsboeken")
    page.get_latest_revision().publish()
    html = client.get(index.url).content.decode()
    assert page.title in html


def test_building_reads_a_fixed_number_of_queries_per_theme(
    home_page, django_assert_max_num_queries
):
    """Ten times the messages, the same queries: everything per theme is
    fetched in bulk."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from community.policybook.content import book_content
    from community.policybook.periods import half_year_parse

    theme = ThemeFactory(name="Online opruiing", slug="online-opruiing")
    at = timezone.make_aware(dt.datetime(2026, 3, 10, 12))

    def add(n):
        for _ in range(n):
            thread = ThreadFactory(theme=theme)
            PostFactory(thread=thread, created_at=at)
            PostFactory(thread=thread, created_at=at, marked_as=Post.Mark.CONCLUSION)

    period = half_year_parse("2026-H1")
    add(2)
    book_content(period=period)  # what is kept per generation, read once
    with CaptureQueriesContext(connection) as few:
        book_content(period=period)
    add(20)
    with CaptureQueriesContext(connection) as many:
        book_content(period=period)
    assert len(many) == len(few)
