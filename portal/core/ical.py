"""The low-level pieces of every iCalendar (RFC 5545) the platform writes:
the Amsterdam time zone as calendars read it, a calendar with its iTIP
method, the addresses of organiser and attendees, and the mail attachment.
The meetings' own renderers (``events.ical``, ``experts.coffee.invitations``)
build their VEVENTs on these, so there is one writer of the shared parts."""

import datetime as dt
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, vCalAddress

TZID = "Europe/Amsterdam"
AMSTERDAM = zoneinfo.ZoneInfo(TZID)

# Written out by hand rather than generated: icalendar's generator lists every
# transition as comma-separated RDATEs, which Thunderbird's parser (ical.js)
# rejects. These are the EU rules, in force since 1996, in the form Outlook and
# Thunderbird write themselves.
AMSTERDAM_VTIMEZONE = (
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
)

#: The file name of an invitation attached to a mail.
INVITATION_FILENAME = "uitnodiging.ics"


def site_host() -> str:
    """The host name in every UID, so UIDs are unique to this site."""
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Amsterdam time, written with the VTIMEZONE's TZID."""
    return timezone.localtime(moment, AMSTERDAM)


def itip_method(*, cancelled: bool) -> str:
    """iTIP (RFC 5546): CANCEL takes a meeting out of the recipient's
    calendar, REQUEST puts it in or updates it (same UID, higher SEQUENCE)."""
    return "CANCEL" if cancelled else "REQUEST"


def calendar_new(*, prodid: str, method: str) -> Calendar:
    """An empty calendar with ``method`` and the Amsterdam VTIMEZONE."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(Timezone.from_ical(AMSTERDAM_VTIMEZONE))
    return calendar


def calendar_address(email: str, name: str, **params: str) -> vCalAddress:
    """An ORGANIZER or ATTENDEE: ``mailto:`` the address, named ``name``;
    ``params`` are further parameters (role, partstat) in lower case."""
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = name
    address.params.update(params)
    return address


def invitation_attachment(ics: bytes, *, method: str) -> tuple[str, bytes, str]:
    """The mail attachment of an invitation; the content type carries the
    method, as mail programs expect of an iTIP message."""
    return (INVITATION_FILENAME, ics, f"text/calendar; method={method}")
