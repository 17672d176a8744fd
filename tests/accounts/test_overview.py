"""Mijn Leerkring: a member's own meetings, cases, requests for help,
followed discussions and newsletter on one page, and their details."""

import datetime as dt

import pytest
from django.utils import timezone

from casebook.models import CaseMessage
from community.models import Follow
from events.models import EventKind, TopicFollow
from knowledge.newsletter.models import Subscriber
from tests.accounts.factories import MemberFactory
from tests.casebook.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    draft_case,
    submitted_case,
)
from tests.community.factories import PostFactory, ThreadFactory
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    register_member,
)
from tests.experts.coffee import booked
from tests.experts.factories import ExpertProfileFactory, help_request
from tests.queries import page_queries

pytestmark = pytest.mark.django_db
URL = "/mijn-account/"


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _page(client, user) -> str:
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_upcoming_meetings_show_status_place_calendar_and_cancel(client, index, member):
    confirmed = EventPageFactory(parent=index, title="Leerkring Zwolle")
    full = EventPageFactory(parent=index, capacity=1, title="Roadshow Utrecht")
    register_member(full, MemberFactory())
    register_member(full, MemberFactory())
    register_member(confirmed, member)
    register_member(full, member)
    page = _page(client, member)
    assert "Mijn Leerkring" in page
    assert "Leerkring Zwolle" in page and "Bevestigd" in page
    assert "U staat 2e op de wachtlijst." in page
    assert f'href="/agenda/bijeenkomst-{confirmed.pk}.ics"' in page
    # No calendar entry for a place one does not have yet.
    assert f'href="/agenda/bijeenkomst-{full.pk}.ics"' not in page
    assert f'href="{confirmed.url}afmelden/?next=/mijn-account/"' in page
    assert "Haal mij van de wachtlijst" in page


def test_past_meetings_link_report_and_replay(client, index, member):
    replay = EventPageFactory(parent=index, kind="terugkijken", title="Terugkijken")
    past = EventPageFactory(parent=index, title="Leerkring Deventer", replay=replay)
    register_member(past, member)
    past.starts_at = timezone.now() - dt.timedelta(days=3)
    past.ends_at = past.starts_at + dt.timedelta(hours=2)
    past.save()
    page = _page(client, member)
    assert "Bijgewoonde bijeenkomsten" in page and "Leerkring Deventer" in page
    assert f'href="{replay.url}"' in page


def test_a_case_with_an_open_question_is_marked(client, member):
    quiet = draft_case(member, title="Oproep tot rellen in de wijk")
    asked = submitted_case(member, title="Pedojagers bij het station")
    CaseMessage.objects.create(case=asked, from_adviser=True, body="Welke wijk?")
    page = _page(client, member)
    assert quiet.display_title in page and asked.display_title in page
    assert page.count("Een adviseur heeft u een vraag gesteld") == 1
    CaseMessage.objects.create(case=asked, author=member, body="Noord.")
    assert "Een adviseur heeft u een vraag gesteld" not in _page(client, member)


def test_help_requests_and_newsletter(client, member):
    request = help_request(member, municipality="Lindenwaard")
    Subscriber.objects.create(email=member.email, status="confirmed")
    page = _page(client, member)
    assert f"Hulpvraag {request.pk} (Lindenwaard)" in page
    assert f"U ontvangt de nieuwsbrief op {member.email}." in page
    assert "/nieuwsbrief/afmelden/" in page


def test_followed_threads_count_replies_by_others_since_last_read(client, member):
    thread = ThreadFactory(title="Oproepen op Telegram")
    PostFactory(thread=thread)
    Follow.objects.create(thread=thread, user=member)
    page = _page(client, member)
    assert "Oproepen op Telegram" in page
    assert ">nieuw</strong>" in page  # never opened
    client.get(f"/community/discussie/{thread.pk}/")  # reading it
    PostFactory(thread=thread)
    PostFactory(thread=thread)
    PostFactory(thread=thread, author=member)  # one's own is never unread
    PostFactory(thread=thread, hidden=True)
    page = _page(client, member)
    assert "2 nieuwe reacties" in page and ">nieuw<" not in page
    client.get(f"/community/discussie/{thread.pk}/")  # reading it
    assert "nieuwe reactie" not in _page(client, member)
    PostFactory(thread=thread)
    assert "1 nieuwe reactie" in _page(client, member)


def test_nothing_of_another_member_shows(client, index, member):
    other = MemberFactory()
    event = EventPageFactory(parent=index, title="Alleen voor de ander")
    register_member(event, other)
    draft_case(other, title="Casus van de ander")
    help_request(other, municipality="Elders")
    thread = ThreadFactory(title="Draad van de ander")
    Follow.objects.create(thread=thread, user=other)
    page = _page(client, member)
    for text in ("Alleen voor de ander", "Casus van de ander", "Elders", "Draad"):
        assert text not in page


def test_an_unapproved_account_sees_no_member_sections(client, unapproved):
    page = _page(client, unapproved)
    assert "Mijn bijeenkomsten" not in page
    assert "Mijn gegevens" in page


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_member_changes_their_details(client, member):
    client.force_login(member)
    response = client.post(
        URL + "profiel/",
        {
            "first_name": " Noor ",
            "last_name": "Bakker",
            "organisation": "Gemeente Apeldoorn",
            "job_title": "Adviseur OOV",
            "email": "ander@example.org",  # not a field here: ignored
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.last_name) == ("Noor", "Bakker")
    assert member.organisation == "Gemeente Apeldoorn"
    assert member.email != "ander@example.org"
    assert "Gemeente Apeldoorn" in _page(client, member)


@pytest.mark.parametrize(
    "data",
    [
        {"first_name": "", "last_name": "Bakker"},
        {"first_name": "Noor", "last_name": "x" * 151},
        {"first_name": "Noor", "last_name": "Bakker", "organisation": "o" * 201},
    ],
)
def test_invalid_details_are_refused_and_nothing_changes(client, member, data):
    before = (member.first_name, member.last_name, member.organisation)
    client.force_login(member)
    response = client.post(URL + "profiel/", data)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode() or "error" in (
        response.content.decode()
    )
    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.organisation) == before


def _fill(member, index, n: int) -> None:
    others = [MemberFactory() for _ in range(2)]
    member.home_region = "utrecht"
    member.save()
    cases = CaseIndexPageFactory(parent=index.get_parent(), slug=f"casus-{n}")
    for kind in EventKind.values[:n]:
        TopicFollow.objects.create(user=member, kind=kind, home_region_only=True)
    host = ExpertProfileFactory().user
    ExpertProfileFactory(user=member)
    for i in range(n):
        # A cup of coffee the member booked, and one a member booked of
        # the member's own times (the member hosts too).
        booked(host, member, days=1 + i // 10, hour=8 + i % 10)
        booked(member, others[0], days=1 + i // 10, hour=8 + i % 10)
        event = EventPageFactory(parent=index, capacity=1, region="utrecht")
        CasePageFactory(parent=cases, province="utrecht", slug=f"casus-{n}-{i}")
        if i % 2:
            register_member(event, others[0])
        register_member(event, member)
        draft_case(member, title=f"Casus {i}")
        thread = ThreadFactory()
        Follow.objects.create(thread=thread, user=member)
        PostFactory(thread=thread, author=others[1])
        help_request(member, municipality=f"Gemeente {i}")
    Subscriber.objects.create(email=member.email, status="confirmed")


def test_overview_costs_the_same_queries_for_3_and_30_items(client, index):
    small, large = MemberFactory(), MemberFactory()
    _fill(small, index, 3)
    _fill(large, index, 30)
    client.force_login(small)
    few = page_queries(client, URL)
    client.force_login(large)
    many = page_queries(client, URL)
    assert few == many, (few, many)
    # Session, user, groups, second factor, eight sections (sixteen
    # queries: "near you" five, followed kinds one, coffee one), the
    # header's counters: 23 since regions, topic lists and coffee.
    assert many <= 23
