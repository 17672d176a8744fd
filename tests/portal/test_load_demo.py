import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision

from events.models import EventPage
from knowledge.models import NewsPage, ThemePage
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_content_from_the_seeds(client, home_page):
    assert "pages created" in _load()
    news = NewsPage.objects.live()
    assert news.count() == 20
    roadshow = news.get(title="Geslaagde roadshow online aangejaagde ordeverstoringen")
    assert (roadshow.category, roadshow.date) == ("research", dt.date(2024, 6, 18))
    assert set(roadshow.tags.names()) == {"oaov", "roadshow"}
    burgernet = news.get(title="Oproep aan gemeenten: Blijf Burgernet promoten")
    assert burgernet.category == "policy"

    cop = EventPage.objects.get(slug="cop-ondermijning-en-burgerinitiatieven")
    assert len(cop.agenda) == 9 and cop.registration_closed
    assert cop.cost_note == "Deelname is kosteloos"
    now = timezone.now()
    assert EventPage.objects.filter(ends_at__gte=now).count() >= 4
    assert EventPage.objects.filter(ends_at__lt=now).count() >= 7

    leerkring = ThemePage.objects.get(slug="leerkring-online-openbare-orde")
    assert "Bodegraven" in str(leerkring.body)
    assert client.get(leerkring.url).status_code == 200
    assert client.get("/").status_code == 200


def test_members_page_is_restricted_to_members_and_advisers(home_page):
    _load()
    page = ThemePage.objects.get(slug="casusbespreking-leden")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        MEMBERS_GROUP,
        ADVISERS_GROUP,
    }


def test_running_twice_adds_nothing(home_page):
    _load()
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        PageViewRestriction.objects.count(),
    )
    assert "0 pages created" in _load()
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        PageViewRestriction.objects.count(),
    ) == counts


def test_an_adviser_edit_survives_a_second_run(home_page):
    _load()
    page = ThemePage.objects.get(slug="signaleren")
    page.intro = "Bijgewerkt door een adviseur."
    page.save_revision().publish()
    _load()
    assert ThemePage.objects.get(slug="signaleren").intro == (
        "Bijgewerkt door een adviseur."
    )


def test_upcoming_demo_events_move_forward_once_they_have_passed(home_page):
    _load()
    event = EventPage.objects.get(slug="leerkring-signaleren-online-oproepen")
    event.starts_at = timezone.now() - dt.timedelta(days=30)
    event.ends_at = event.starts_at + dt.timedelta(hours=1)
    event.save()
    _load()
    event.refresh_from_db()
    assert event.starts_at > timezone.now()


def test_past_demo_events_link_their_replay_and_report(client, home_page):
    _load()
    leerkring = EventPage.objects.get(slug="leerkring-online-orde-bodegraven")
    assert leerkring.replay.kind == "terugkijken"
    body = client.get(leerkring.url).content.decode()
    assert "Terugkijken op 1 november 2022" in body
    xl = EventPage.objects.get(slug="leerkring-xl-online-gebiedsverbod-en-dwangsom")
    assert "Lees het verslag" in client.get(xl.url).content.decode()


def test_demo_events_name_an_adviser_to_contact(client, home_page):
    _load()
    event = EventPage.objects.get(slug="leerkring-signaleren-online-oproepen")
    body = client.get(event.url).content.decode()
    assert "Neem contact op met Joeri Vig" in body
    assert "mailto:joeri.vig@ccv.example" in body
