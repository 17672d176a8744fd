import pytest
from django.urls import reverse

from events.errors import RegistrationError
from events.models import Registration
from events.services import (
    registration_confirm,
    registration_create,
    registration_decide,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.second_factor import login_with_second_factor

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, capacity=1, requires_approval=True)


def _member(event, member):
    return registration_create(
        event=event,
        user=member,
        name="Lid",
        organisation="Gemeente",
        job_title="OOV",
        email=member.email,
    )


def test_member_waits_for_approval_then_gets_a_place(
    event, member, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _member(event, member)
    assert registration.status == Status.PENDING_APPROVAL
    assert "adviseur" in mailoutbox[-1].body
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_decide(registration=registration, approve=True)
    assert registration.status == Status.CONFIRMED
    assert mailoutbox[-1].attachments


def test_guest_confirms_and_then_waits_for_approval(event):
    guest = registration_create(
        event=event, name="G", organisation="o", job_title="j", email="g@x.example"
    )
    assert registration_confirm(registration=guest).status == Status.PENDING_APPROVAL


def test_approval_when_full_goes_to_the_waiting_list(event, member, unapproved):
    first = registration_create(
        event=event, name="G", organisation="o", job_title="j", email="g@x.example"
    )
    registration_decide(
        registration=registration_confirm(registration=first), approve=True
    )
    second = _member(event, member)
    assert (
        registration_decide(registration=second, approve=True).status == Status.WAITING
    )


def test_decline_and_no_second_decision(
    event, member, mailoutbox, django_capture_on_commit_callbacks
):
    registration = _member(event, member)
    with django_capture_on_commit_callbacks(execute=True):
        registration_decide(registration=registration, approve=False)
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    with pytest.raises(RegistrationError):
        registration_decide(registration=registration, approve=True)


def test_adviser_decides_in_the_admin(client, editor, event, member):
    registration = _member(event, member)
    login_with_second_factor(client, editor)
    page = client.get(reverse("event_participants:participants", args=[event.pk]))
    assert "Goedkeuren" in page.content.decode()
    client.post(
        reverse("event_participants:decide", args=[event.pk, registration.pk]),
        {"decision": "approve"},
    )
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_member_cannot_decide(client, member, event, unapproved):
    registration = _member(event, member)
    client.force_login(member)
    client.post(
        reverse("event_participants:decide", args=[event.pk, registration.pk]),
        {"decision": "approve"},
    )
    registration.refresh_from_db()
    assert registration.status == Status.PENDING_APPROVAL
