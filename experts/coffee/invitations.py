"""The calendar invitation of a booking: METHOD:REQUEST when it is made,
METHOD:CANCEL with the same UID and a higher SEQUENCE when it is cancelled.
The host is the ORGANIZER and the member the ATTENDEE; the meeting link is
the LOCATION and URL. A pure renderer: data in, bytes out, no queries (the
booking comes with its slot, host and member)."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Event

from portal.core.ical import (
    calendar_address,
    calendar_new,
    itip_method,
    local,
    site_host,
)

from ..models import CoffeeBooking

PRODID = "-//Leerkring//Digitale kop koffie//NL"


def booking_uid(booking: CoffeeBooking) -> str:
    """One per booking: a slot booked again after a cancellation is a new
    meeting in the calendars, not the old one revived."""
    return f"coffee-{booking.pk}@{site_host()}"


def booking_method(booking: CoffeeBooking) -> str:
    return itip_method(cancelled=not booking.is_booked)


def _where(booking: CoffeeBooking) -> str:
    slot = booking.slot
    if slot.meeting_url:
        return slot.meeting_url
    return _("By telephone: {host} calls you").format(host=slot.host.get_full_name())


def _component(booking: CoffeeBooking, *, page_url: str, stamp: dt.datetime) -> Event:
    slot, host, member = booking.slot, booking.slot.host, booking.member
    component = Event()
    component.add("uid", booking_uid(booking))
    component.add("dtstamp", stamp)
    component.add("dtstart", local(slot.starts_at))
    component.add("dtend", local(slot.ends_at))
    component.add(
        "summary",
        _("Digital cup of coffee: {host} and {member}").format(
            host=host.get_full_name(), member=member.get_full_name()
        ),
    )
    where = _where(booking)
    # The topic stays out: calendars keep it long after the platform
    # has erased it.
    component.add("description", f"{where}\n\n{page_url}")
    component.add("location", where)
    if slot.meeting_url:
        component.add("url", slot.meeting_url)
    component.add("sequence", booking.sequence)
    component.add("status", "CONFIRMED" if booking.is_booked else "CANCELLED")
    component.add("transp", "OPAQUE")
    return component


def booking_invitation_render(booking: CoffeeBooking, *, page_url: str) -> bytes:
    """The invitation (or cancellation) both host and member receive."""
    calendar = calendar_new(prodid=PRODID, method=booking_method(booking))
    # An iTIP message is stamped when it is made.
    component = _component(booking, page_url=page_url, stamp=timezone.now())
    host, member = booking.slot.host, booking.member
    component.add("organizer", calendar_address(host.email, host.get_full_name()))
    component.add(
        "attendee",
        calendar_address(
            member.email,
            member.get_full_name(),
            role="REQ-PARTICIPANT",
            partstat="ACCEPTED" if booking.is_booked else "DECLINED",
        ),
    )
    calendar.add_component(component)
    return calendar.to_ical()
