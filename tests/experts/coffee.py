"""Shared helpers of the digital-cup-of-coffee tests."""

import datetime as dt

from django.utils import timezone
from icalendar import Calendar

from experts.coffee.services import booking_create, slot_create


def soon(days: int = 2, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A moment ``days`` ahead at ``hour`` Amsterdam time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def offered(host, *, days: int = 2, hour: int = 10, minutes: int = 30, url=""):
    return slot_create(
        host=host, starts_at=soon(days, hour), minutes=minutes, meeting_url=url
    )


def booked(host, member, *, topic: str = "Aanpak bij oproepen op TikTok", **kw):
    slot = offered(host, **kw)
    return booking_create(slot_id=slot.pk, member=member, topic=topic)


def invitations(outbox, address: str) -> list[tuple[str, object]]:
    """(METHOD, VEVENT) of every calendar mailed to ``address``, in order."""
    found = []
    for message in outbox:
        if message.to == [address] and message.attachments:
            calendar = Calendar.from_ical(message.attachments[0][1])
            found.append((str(calendar["METHOD"]), calendar.walk("VEVENT")[0]))
    return found
