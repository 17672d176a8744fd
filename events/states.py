"""Whether people can register for an event, and why not."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import EventPage


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
    if event.registration_closed or event.starts_at < now:
        return EventState.CLOSED
    if event.registration_opens_at and event.registration_opens_at > now:
        return EventState.ANNOUNCED
    if event.capacity is not None and confirmed >= event.capacity:
        return EventState.FULL
    return EventState.OPEN


def accepts_registrations(state: EventState) -> bool:
    return state in (EventState.OPEN, EventState.FULL)
