"""Renders events as iCalendar (RFC 5545) bytes for downloads and feeds."""

import datetime as dt
from collections.abc import Iterable
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Alarm, Calendar, Event

from portal.core.ical import (
    TZID,
    calendar_address,
    calendar_new,
    itip_method,
    local,
    site_host,
)

from .models import EventPage

PRODID = "-//Leerkring//Bijeenkomsten//NL"


def event_uid(event: EventPage) -> str:
    """Stable for the life of the event, so calendars update rather than
    duplicate it when it is downloaded again or the feed refreshes."""
    return f"event-{event.pk}@{site_host()}"


def _component(
    event: EventPage,
    *,
    base_url: str,
    stamp: dt.datetime | None = None,
    cancelled: bool = False,
) -> Event:
    url = base_url.rstrip("/") + event.url
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or event.last_published_at or timezone.now())
    component.add("dtstart", local(event.starts_at))
    component.add("dtend", local(event.ends_at))
    component.add("summary", event.title)
    component.add("description", f"{event.intro}\n\n{url}")
    component.add("url", url)
    if event.location:
        component.add("location", event.location)
    component.add("sequence", event.ical_sequence)
    component.add(
        "status", "CANCELLED" if event.cancelled or cancelled else "CONFIRMED"
    )
    component.add("transp", "OPAQUE")
    component.add_component(_reminder(event))
    return component


def _reminder(event: EventPage) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", event.title)
    alarm.add("trigger", dt.timedelta(hours=-1))
    return alarm


def invitation_method(event: EventPage, *, withdrawn: bool = False) -> str:
    """CANCEL for a cancelled event or a participant who gave up their
    place (``withdrawn``), otherwise REQUEST."""
    return itip_method(cancelled=event.cancelled or withdrawn)


def invitation_render(
    event: EventPage,
    *,
    attendee_email: str,
    attendee_name: str,
    base_url: str,
    withdrawn: bool = False,
) -> bytes:
    """The invitation sent with a confirmation (METHOD:REQUEST): mail programs
    offer to accept it, and later updates with the same UID and a higher
    SEQUENCE replace it. For a cancelled event, or a participant who
    gave up their place (``withdrawn``), it is a METHOD:CANCEL that takes the meeting
    out of their calendar (RFC 5546: a CANCEL sent to one attendee removes
    it for that attendee only)."""
    calendar = _calendar(method=invitation_method(event, withdrawn=withdrawn))
    # An iTIP message is stamped when it is made: at an equal SEQUENCE (a
    # new registration after a withdrawal) the later stamp wins.
    component = _component(
        event, base_url=base_url, stamp=timezone.now(), cancelled=withdrawn
    )
    component.add(
        "organizer",
        calendar_address(
            parseaddr(settings.DEFAULT_FROM_EMAIL)[1], event.organiser or "Leerkring"
        ),
    )
    component.add(
        "attendee",
        calendar_address(
            attendee_email,
            attendee_name,
            role="REQ-PARTICIPANT",
            partstat="DECLINED" if withdrawn else "ACCEPTED",
        ),
    )
    calendar.add_component(component)
    return calendar.to_ical()


def _calendar(*, method: str) -> Calendar:
    return calendar_new(prodid=PRODID, method=method)


def calendar_render(
    events: Iterable[EventPage], *, base_url: str, name: str | None = None
) -> bytes:
    """An iCalendar file with ``events``; ``name`` titles a subscribed feed."""
    calendar = _calendar(method="PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    for event in events:
        calendar.add_component(_component(event, base_url=base_url))
    return calendar.to_ical()
