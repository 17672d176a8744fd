"""Participants hear once when an event moves or is cancelled, with an
invitation that updates (same UID, higher SEQUENCE) or cancels the entry."""

import datetime as dt

import pytest
from icalendar import Calendar

from events.models import Registration
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def event(home_page, django_capture_on_commit_callbacks):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, location="Stadhuis Zwolle", capacity=1)
    event.save_revision().publish()  # first publish: nothing to tell
    for n, status in enumerate([Status.CONFIRMED, Status.WAITING, Status.CANCELLED]):
        Registration.objects.create(
            event=event,
            name=f"P{n}",
            organisation="o",
            job_title="j",
            email=f"p{n}@gemeente.example",
            status=status,
        )
    return event


def _publish(event, capture, **changes):
    for name, value in changes.items():
        setattr(event, name, value)
    with capture(execute=True):
        event.save_revision().publish()


def _invite(mail) -> Calendar:
    [(_name, content, _type)] = mail.attachments
    return Calendar.from_ical(content)


def test_a_move_mails_an_update_with_higher_sequence(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    _publish(
        event,
        django_capture_on_commit_callbacks,
        starts_at=event.starts_at + dt.timedelta(hours=2),
        ends_at=event.ends_at + dt.timedelta(hours=2),
    )
    assert sorted(m.to[0] for m in mailoutbox) == [
        "p0@gemeente.example",
        "p1@gemeente.example",
    ]
    confirmed = next(m for m in mailoutbox if m.to == ["p0@gemeente.example"])
    calendar = _invite(confirmed)
    assert str(calendar["METHOD"]) == "REQUEST"
    [vevent] = calendar.walk("VEVENT")
    assert vevent["SEQUENCE"] == 1
    assert str(vevent["UID"]) == f"event-{event.pk}@testserver"
    waiting = next(m for m in mailoutbox if m.to == ["p1@gemeente.example"])
    assert not waiting.attachments


def test_publishing_without_a_change_mails_nobody(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    _publish(event, django_capture_on_commit_callbacks, intro="Nieuwe inleiding.")
    assert mailoutbox == []


def test_cancellation_mails_a_cancel_once(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    _publish(event, django_capture_on_commit_callbacks, cancelled=True)
    confirmed = next(m for m in mailoutbox if m.to == ["p0@gemeente.example"])
    calendar = _invite(confirmed)
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"
    count = len(mailoutbox)
    _publish(event, django_capture_on_commit_callbacks, intro="Nog een keer.")
    assert len(mailoutbox) == count
