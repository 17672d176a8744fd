import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.errors import RegistrationError
from events.models import Registration
from events.services import (
    registration_cancel,
    registration_confirm,
    registration_create,
)
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=index, capacity=2, meeting_link="https://teams.example/geheim"
    )


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(callable_, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(**kwargs)

    return run


def _member_registers(event, user, on_commit):
    return on_commit(
        registration_create,
        event=event,
        user=user,
        name=user.get_full_name(),
        organisation=user.organisation,
        job_title=user.job_title,
        email=user.email,
    )


def _guest(event, n=0, **kwargs):
    return registration_create(
        event=event,
        name=f"Gast {n}",
        organisation="Politie Utrecht",
        job_title="Wijkagent",
        email=f"gast{n}@politie.example",
        **kwargs,
    )


def test_member_gets_a_place_and_an_invitation(event, member, mailoutbox, on_commit):
    registration = _member_registers(event, member, on_commit)
    assert registration.status == Status.CONFIRMED
    [mail] = mailoutbox
    assert "https://teams.example/geheim" in mail.body
    assert "/inschrijving/annuleren/" in mail.body
    [(filename, content, mimetype)] = mail.attachments
    assert mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    assert str(calendar["METHOD"]) == "REQUEST"
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["ATTENDEE"]) == f"mailto:{member.email}"
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")


def test_guest_gets_no_place_until_confirmed(event, mailoutbox, on_commit):
    registration = on_commit(_guest, event=event)
    assert registration.status == Status.UNCONFIRMED
    assert "/inschrijving/bevestigen/" in mailoutbox[0].body
    assert "teams.example" not in mailoutbox[0].body
    registration = on_commit(registration_confirm, registration=registration)
    assert registration.status == Status.CONFIRMED
    assert mailoutbox[-1].attachments


def test_full_event_puts_people_on_the_waiting_list(event, on_commit):
    for n in range(2):
        on_commit(registration_confirm, registration=_guest(event, n))
    late = on_commit(registration_confirm, registration=_guest(event, 3))
    assert late.status == Status.WAITING
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 2


def test_cancelling_promotes_the_first_on_the_waiting_list(
    event, mailoutbox, on_commit
):
    first, second = (
        on_commit(registration_confirm, registration=_guest(event, n)) for n in range(2)
    )
    waiting = [
        on_commit(registration_confirm, registration=_guest(event, n)) for n in (3, 4)
    ]
    on_commit(registration_cancel, registration=first)
    statuses = dict(event.registrations.values_list("email", "status"))
    assert statuses[waiting[0].email] == Status.CONFIRMED
    assert statuses[waiting[1].email] == Status.WAITING
    assert statuses[first.email] == Status.CANCELLED
    promoted_mail = mailoutbox[-1]
    assert promoted_mail.to == [waiting[0].email]
    assert promoted_mail.attachments


def test_leaving_the_waiting_list_promotes_nobody(event, on_commit):
    for n in range(2):
        on_commit(registration_confirm, registration=_guest(event, n))
    waiting = on_commit(registration_confirm, registration=_guest(event, 3))
    other = on_commit(registration_confirm, registration=_guest(event, 4))
    on_commit(registration_cancel, registration=waiting)
    other.refresh_from_db()
    assert other.status == Status.WAITING


def test_raising_the_capacity_gives_places_to_those_waiting(
    event, mailoutbox, on_commit
):
    for n in range(2):
        on_commit(registration_confirm, registration=_guest(event, n))
    waiting = [
        on_commit(registration_confirm, registration=_guest(event, n))
        for n in (3, 4, 5)
    ]
    mailoutbox.clear()
    event.capacity = 4
    on_commit(lambda: event.save_revision().publish())
    statuses = dict(event.registrations.values_list("email", "status"))
    assert [statuses[w.email] for w in waiting] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]
    assert sorted(m.to[0] for m in mailoutbox) == sorted(w.email for w in waiting[:2])
    # Publishing again changes nothing more: the event is full.
    on_commit(lambda: event.save_revision().publish())
    assert len(mailoutbox) == 2
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 4


def test_registering_twice_is_refused(event, member, on_commit):
    _member_registers(event, member, on_commit)
    with pytest.raises(RegistrationError, match="al ingeschreven"):
        _member_registers(event, member, on_commit)
    assert event.registrations.count() == 1


def test_a_guest_with_a_registered_address_changes_nothing(
    event, member, mailoutbox, on_commit
):
    mine = _member_registers(event, member, on_commit)
    mailoutbox.clear()
    same = on_commit(
        registration_create,
        event=event,
        name="Zzyzx Vreemd",
        organisation="x",
        job_title="y",
        email=member.email.upper(),
    )
    assert same == mine and event.registrations.count() == 1
    [mail] = mailoutbox
    assert mail.to == [member.email] and "Zzyzx" not in mail.body


def test_after_cancelling_one_may_register_again(event, member, on_commit):
    registration = _member_registers(event, member, on_commit)
    on_commit(registration_cancel, registration=registration)
    again = _member_registers(event, member, on_commit)
    assert again.status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"cancelled": True}, "is geannuleerd"),
        ({"registration_closed": True}, "niet meer mogelijk u voor deze bijeenkomst"),
        (
            {"registration_opens_at": timezone.now() + dt.timedelta(days=3)},
            "nog niet open",
        ),
        (
            {
                "starts_at": timezone.now() - dt.timedelta(days=2),
                "ends_at": timezone.now() - dt.timedelta(days=2, hours=-1),
            },
            "heeft al plaatsgevonden",
        ),
    ],
)
def test_no_registration_when_not_open(event, change, message):
    for name, value in change.items():
        setattr(event, name, value)
    event.save()
    with pytest.raises(RegistrationError, match=message):
        _guest(event)
    assert not event.registrations.exists()


def test_bad_details_leave_no_registration(event):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        registration_create(
            event=event,
            name="x" * 5000,
            organisation="o",
            job_title="j",
            email="a@b.nl",
        )
    assert not event.registrations.exists()


def test_confirming_twice_or_cancelling_twice_changes_nothing(event, on_commit):
    registration = on_commit(registration_confirm, registration=_guest(event))
    again = on_commit(registration_confirm, registration=registration)
    assert again.status == Status.CONFIRMED
    on_commit(registration_cancel, registration=registration)
    assert on_commit(registration_cancel, registration=registration).status == (
        Status.CANCELLED
    )
