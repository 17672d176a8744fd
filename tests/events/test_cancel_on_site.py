"""A member cancels on the site, with one confirmation step; the calendar
entry goes with a METHOD:CANCEL; a member on the waiting list sees their
place in line."""

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration
from tests.accounts.factories import MemberFactory
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    register_member,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, capacity=1)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    def _post(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return _post


def _register(event, user, run):
    with run(execute=True):
        return register_member(event, user)


def _cancel_url(event) -> str:
    return event.url + "afmelden/"


def _invitation(message):
    [(_name, content, mimetype)] = message.attachments
    return Calendar.from_ical(content).walk("VEVENT")[0], mimetype


def test_member_cancels_in_two_steps_and_the_calendar_entry_is_withdrawn(
    client, post, event, member, mailoutbox, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    _register(event, member, run)
    waiting = MemberFactory()
    _register(event, waiting, run)
    confirmation, _type = _invitation(mailoutbox[0])
    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert f'href="{_cancel_url(event)}"' in page
    assert "Gebruik de link in uw bevestigingsmail" not in page

    ask = client.get(_cancel_url(event))  # the confirmation step
    assert ask.status_code == 200
    assert "Mijn inschrijving annuleren" in ask.content.decode()
    assert event.registrations.get(user=member).status == Status.CONFIRMED

    sent = len(mailoutbox)
    response = post(_cancel_url(event))
    assert response.status_code == 302 and response.url == event.url
    assert event.registrations.get(user=member).status == Status.CANCELLED
    withdrawal = next(m for m in mailoutbox[sent:] if m.to == [member.email])
    vevent, mimetype = _invitation(withdrawal)
    assert mimetype == "text/calendar; method=CANCEL"
    assert str(vevent["UID"]) == str(confirmation["UID"])
    assert vevent["SEQUENCE"] > confirmation["SEQUENCE"]
    assert str(vevent["STATUS"]) == "CANCELLED"
    # The freed place goes to the first in line, with an invitation that
    # outranks nothing in anyone's calendar but is as new as the withdrawal.
    promoted = next(m for m in mailoutbox[sent:] if m.to == [waiting.email])
    promoted_event, promoted_type = _invitation(promoted)
    assert promoted_type == "text/calendar; method=REQUEST"
    assert promoted_event["SEQUENCE"] == vevent["SEQUENCE"]
    assert event.registrations.get(user=waiting).status == Status.CONFIRMED


def test_leaving_the_waiting_list_sends_no_calendar_message(
    client, post, event, member, mailoutbox, django_capture_on_commit_callbacks
):
    _register(event, MemberFactory(), django_capture_on_commit_callbacks)
    _register(event, member, django_capture_on_commit_callbacks)
    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert "Haal mij van de wachtlijst" in page
    sent = len(mailoutbox)
    post(_cancel_url(event))
    assert event.registrations.get(user=member).status == Status.CANCELLED
    [mail] = mailoutbox[sent:]
    assert mail.attachments == []  # they never had an invitation


def test_waiting_members_see_their_place_in_line(
    client, event, django_capture_on_commit_callbacks
):
    run = django_capture_on_commit_callbacks
    _register(event, MemberFactory(), run)
    waiting = [MemberFactory() for _ in range(3)]
    for user in waiting:
        _register(event, user, run)
    client.force_login(waiting[2])
    page = client.get(event.url).content.decode()
    assert "U staat 3e op de wachtlijst." in page
    # A registered member never reads the invitation to join the list.
    assert "Vol: u kunt zich op de wachtlijst zetten" not in page
    assert "<strong>Vol</strong>" in page
    with run(execute=True):
        waiting[0].registrations.get().delete()
    assert "U staat 2e op de wachtlijst." in client.get(event.url).content.decode()


def test_a_full_meeting_offers_the_waiting_list_by_its_action(
    client, event, member, django_capture_on_commit_callbacks
):
    _register(event, MemberFactory(), django_capture_on_commit_callbacks)
    client.force_login(member)
    page = client.get(event.url).content.decode()
    assert "Zet mij op de wachtlijst" in page


def test_a_visitor_is_sent_to_log_in(client, event):
    response = client.get(_cancel_url(event))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.parametrize("method", ["get", "post"])
def test_without_a_registration_nothing_changes(
    client, event, member, method, django_capture_on_commit_callbacks
):
    other = MemberFactory()
    _register(event, other, django_capture_on_commit_callbacks)
    client.force_login(member)
    response = getattr(client, method)(_cancel_url(event), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "U bent niet ingeschreven voor deze bijeenkomst." in page
    assert event.registrations.get(user=other).status == Status.CONFIRMED


def test_a_past_meeting_cannot_be_cancelled(
    client, post, event, member, django_capture_on_commit_callbacks
):
    _register(event, member, django_capture_on_commit_callbacks)
    event.starts_at = timezone.now() - dt.timedelta(hours=3)
    event.ends_at = timezone.now() - dt.timedelta(hours=2)
    event.save()
    client.force_login(member)
    assert "Mijn inschrijving annuleren" not in client.get(event.url).content.decode()
    response = client.post(_cancel_url(event), follow=True)
    assert response.status_code == 200
    assert "Deze bijeenkomst heeft al plaatsgevonden." in response.content.decode()
    assert event.registrations.get(user=member).status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("target", "lands"),
    [("/mijn-account/", "/mijn-account/"), ("https://evil.example/", None)],
)
def test_after_cancelling_only_a_page_of_this_site_is_next(
    client, post, event, member, target, lands, django_capture_on_commit_callbacks
):
    _register(event, member, django_capture_on_commit_callbacks)
    client.force_login(member)
    response = post(_cancel_url(event), {"next": target})
    assert response.url == (lands or event.url)
