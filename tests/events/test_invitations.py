"""Every calendar attachment the platform mails is a complete RFC 5545
invitation: confirmation, promotion, reminder, update and cancellation."""

import datetime as dt

import pytest
from icalendar import Calendar

from events.models import Registration
from events.services import (
    registration_cancel,
    registration_create,
    reminders_send,
)
from tests.accounts.factories import MemberFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status
SECRET_LINK = "https://teams.example/vergadering-geheim"


def event_with_one_place(home_page):
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(
        parent=index,
        capacity=1,
        format="hybrid",
        location="Stadhuis Zwolle, Grote Kerkplein 15, Zwolle",
        meeting_link=SECRET_LINK,
    )
    event.save_revision().publish()  # first publish: nothing to tell
    return event


def invitations_mailed(*, event, member, mailoutbox, run) -> dict:
    """Runs the life of a registration and returns each mail with an
    invitation, by its Dutch subject before the colon. ``run`` is
    django_capture_on_commit_callbacks."""

    def register(user):
        return registration_create(
            event=event,
            user=user,
            name="Deelnemer",
            organisation="Gemeente Zwolle",
            job_title="OOV-adviseur",
            email=user.email,
        )

    with run(execute=True):
        first = register(member)  # confirmed
    with run(execute=True):
        register(MemberFactory())  # waiting list
    with run(execute=True):
        registration_cancel(registration=first)  # promotes the second
    event.refresh_from_db()
    event.first_start = event.starts_at
    event.starts_at = event.starts_at - dt.timedelta(days=13, hours=12)
    event.ends_at = event.starts_at + dt.timedelta(hours=1)
    with run(execute=True):
        event.save_revision().publish()  # moved: an update
    with run(execute=True):
        reminders_send()  # now within a day
    event.cancelled = True
    with run(execute=True):
        event.save_revision().publish()  # a cancellation
    found = {}
    for message in mailoutbox:
        if message.attachments:
            word = message.subject.removeprefix("[Leerkring] ").split(":")[0]
            found[word] = message
    return found


@pytest.fixture
def event(home_page):
    return event_with_one_place(home_page)


@pytest.fixture
def mails(event, member, mailoutbox, django_capture_on_commit_callbacks):
    return invitations_mailed(
        event=event,
        member=member,
        mailoutbox=mailoutbox,
        run=django_capture_on_commit_callbacks,
    )


def test_every_invitation_has_every_field(event, mails):
    assert set(mails) == {
        "Inschrijving bevestigd",
        "Inschrijving geannuleerd",  # the participant gave up their place
        "Er is een plaats voor u",
        "Gewijzigd",
        "Herinnering",
        "Geannuleerd",
    }
    for word, message in mails.items():
        [(filename, content, mimetype)] = message.attachments
        assert filename.endswith(".ics")
        calendar = Calendar.from_ical(content)
        method = "CANCEL" if "eannuleerd" in word else "REQUEST"
        assert str(calendar["METHOD"]) == method, word
        assert mimetype == f"text/calendar; method={method}"
        [vtimezone] = calendar.walk("VTIMEZONE")
        assert str(vtimezone["TZID"]) == "Europe/Amsterdam"
        [vevent] = calendar.walk("VEVENT")
        assert str(vevent["UID"]) == f"event-{event.pk}@testserver", word
        assert vevent["DTSTAMP"].dt.tzinfo is not None
        assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        before_the_move = word not in ("Gewijzigd", "Herinnering", "Geannuleerd")
        start = event.first_start if before_the_move else event.starts_at
        assert vevent["DTSTART"].dt == start, word
        assert str(vevent["URL"]) == "http://testserver" + event.url
        assert str(vevent["LOCATION"]) == event.location
        assert str(vevent["STATUS"]) == (
            "CANCELLED" if method == "CANCEL" else "CONFIRMED"
        )
        assert str(vevent["ATTENDEE"]) == f"mailto:{message.to[0]}"
        withdrawn = word == "Inschrijving geannuleerd"
        partstat = "DECLINED" if withdrawn else "ACCEPTED"
        assert vevent["ATTENDEE"].params["PARTSTAT"] == partstat, word
        assert str(vevent["ORGANIZER"]).startswith("mailto:")
        assert vevent.walk("VALARM")
        # The link is in the mail text for those with a place, never in a
        # calendar entry that may be forwarded or synchronised elsewhere.
        text = content if isinstance(content, str) else content.decode()
        assert SECRET_LINK not in text


def test_sequence_rises_with_each_change(mails):
    def sequence(word):
        content = mails[word].attachments[0][1]
        return Calendar.from_ical(content).walk("VEVENT")[0]["SEQUENCE"]

    # The withdrawal outranks the confirmation in the participant's own
    # calendar; every later message outranks the withdrawal.
    assert sequence("Inschrijving bevestigd") == 0
    assert sequence("Inschrijving geannuleerd") == sequence("Er is een plaats voor u")
    assert sequence("Inschrijving geannuleerd") == 1
    assert sequence("Gewijzigd") == sequence("Herinnering") == 2
    assert sequence("Geannuleerd") == 3
