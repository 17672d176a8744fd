"""Whether people can register for an event, and why not."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import EventPage, Registration

#: How long a guest has to confirm their address. Until then the registration
#: holds no place; after it, it has lapsed: its link is refused and the daily
#: purge deletes it (an address nobody confirmed is not kept).
UNCONFIRMED_LAPSE = dt.timedelta(hours=48)


class EventState(models.TextChoices):
    ANNOUNCED = "announced", _("Save the date: registration opens later")
    OPEN = "open", _("Registration open")
    FULL = "full", _("Full: you can join the waiting list")
    CLOSED = "closed", _("Registration closed")
    CANCELLED = "cancelled", _("Cancelled")
    PAST = "past", _("Has taken place")


def event_state(*, event: EventPage, confirmed: int) -> EventState:
    """The state a visitor sees, given ``confirmed`` participants."""
    now = timezone.now()
    if event.cancelled:
        return EventState.CANCELLED
    if event.ends_at < now:
        return EventState.PAST
    deadline = event.registration_closes_at
    if (
        event.registration_closed
        or event.starts_at < now
        or (deadline and deadline <= now)
    ):
        return EventState.CLOSED
    if event.registration_opens_at and event.registration_opens_at > now:
        return EventState.ANNOUNCED
    if event.capacity is not None and confirmed >= event.capacity:
        return EventState.FULL
    return EventState.OPEN


def accepts_registrations(state: EventState) -> bool:
    return state in (EventState.OPEN, EventState.FULL)


def lapsed_message() -> str:
    """Why a lapsed registration's confirmation link no longer works."""
    return gettext(
        "This confirmation link has expired: a registration that is not "
        "confirmed within 48 hours lapses. Register again on the meeting's page."
    )


def unconfirmed_lapsed_before(now: dt.datetime | None = None) -> dt.datetime:
    """An unconfirmed registration made before this moment has lapsed."""
    return (now or timezone.now()) - UNCONFIRMED_LAPSE


def registration_lapsed(registration: Registration, *, now=None) -> bool:
    """A guest's registration whose address was not confirmed in time."""
    return (
        registration.status == Registration.Status.UNCONFIRMED
        and registration.created_at < unconfirmed_lapsed_before(now)
    )
