"""Advisers' actions on registrations and participant lists, promotions
from the waiting list and the retention erasure land in the audit log:
one entry each, the registration by number, never a participant's data."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import PageLogEntry

from events.errors import RegistrationError
from events.models import Registration
from events.services import (
    attendance_record,
    participants_export,
    participants_message,
    registration_cancel,
    registration_decide,
    registrations_anonymise_expired,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.portal.audit import assert_says_nothing_of, ours, the_entry
from tests.portal.audit import audit_actions as actions
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
Status = Registration.Status
PRIVATE = ["Fatima el Amrani", "fatima@lindenwaard.example", "Jongerenwerker"]


@pytest.fixture
def index(home_page):
    return EventIndexPageFactory(parent=home_page)


def _registration(event, status, n=0, **kwargs) -> Registration:
    return Registration.objects.create(
        event=event,
        name=f"Fatima el Amrani {n}",
        organisation="Gemeente Lindenwaard",
        job_title="Jongerenwerker",
        email=f"fatima{n or ''}@lindenwaard.example",
        status=status,
        **kwargs,
    )


def test_approval_and_decline_are_logged_by_number(index, editor):
    event = EventPageFactory(parent=index, requires_approval=True)
    first = _registration(event, Status.PENDING_APPROVAL)
    second = _registration(event, Status.PENDING_APPROVAL, n=2)
    registration_decide(registration=first, approve=True, by=editor)
    registration_decide(registration=second, approve=False, by=editor)
    approved = the_entry("leerkring.registration.approve", on=first, by=editor)
    assert approved.label == f"Aanmelding #{first.pk} voor {event.title}"
    assert approved.data == {"old_status": "pending", "new_status": "confirmed"}
    declined = the_entry("leerkring.registration.decline", on=second, by=editor)
    assert declined.data["new_status"] == "cancelled"
    for entry in (approved, declined):
        assert_says_nothing_of(entry, *PRIVATE)
    with pytest.raises(RegistrationError):
        registration_decide(registration=second, approve=True, by=editor)
    assert len(ours(actions())) == 2


def test_promotion_from_the_waiting_list_is_the_platforms(index):
    event = EventPageFactory(parent=index, capacity=1)
    place = _registration(event, Status.CONFIRMED)
    waiting = _registration(event, Status.WAITING, n=2)
    registration_cancel(registration=place, notify=False)
    entry = the_entry("leerkring.registration.promote", on=waiting, by=None)
    assert entry.data == {"old_status": "waiting", "new_status": "confirmed"}
    assert_says_nothing_of(entry, *PRIVATE)


def test_list_actions_are_entries_of_the_event_page(index, editor, mailoutbox):
    event = EventPageFactory(parent=index)
    present = _registration(event, Status.CONFIRMED)
    _registration(event, Status.CONFIRMED, n=2)
    attendance_record(event=event, attended_ids={present.pk}, by=editor)
    participants_message(event=event, subject="Zaal", body="Zaal 2, Fatima", by=editor)
    data = participants_export(event=event, by=editor)
    assert b"Fatima el Amrani" in data
    expected = {"attendance": {"present": 1}, "message": {"recipients": 2}}
    expected["export"] = {"rows": 2}
    for action, facts in expected.items():
        entry = the_entry(
            f"leerkring.event.{action}", on=event, by=editor, model=PageLogEntry
        )
        assert entry.label == event.title and entry.data == facts
        assert_says_nothing_of(entry, *PRIVATE, "Zaal 2")
    assert the_entry(
        "leerkring.event.export", on=event, by=editor, model=PageLogEntry
    ).message == ("Deelnemerslijst geëxporteerd (2 rijen)")


def test_an_empty_message_logs_nothing(index, editor):
    event = EventPageFactory(parent=index)
    with pytest.raises(RegistrationError):
        participants_message(event=event, subject="", body="", by=editor)
    assert ours(actions()) == []


def test_the_export_view_logs_the_adviser(client, editor, index):
    event = EventPageFactory(parent=index)
    _registration(event, Status.CONFIRMED)
    login_with_second_factor(client, editor)
    response = client.get(reverse("event_participants:export", args=[event.pk]))
    assert response.status_code == 200
    the_entry("leerkring.event.export", on=event, by=editor, model=PageLogEntry)


def test_retention_erasure_is_logged_per_event_with_a_count(index, settings):
    settings.EVENTS_RETENTION_DAYS = 30
    with freeze_time(timezone.now() - dt.timedelta(days=40)):
        old = EventPageFactory(
            parent=index,
            starts_at=timezone.now(),
            ends_at=timezone.now() + dt.timedelta(hours=1),
        )
        for n in range(3):
            _registration(old, Status.CONFIRMED, n=n)
    assert registrations_anonymise_expired() == 3
    entry = the_entry("leerkring.event.anonymise", on=old, by=None, model=PageLogEntry)
    assert entry.data == {"count": 3}
    assert registrations_anonymise_expired() == 0
    assert len(ours(actions())) == 1
