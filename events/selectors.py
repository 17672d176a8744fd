from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from .models import EventPage


def events_upcoming(*, limit: int) -> QuerySet[EventPage]:
    return (
        EventPage.objects.live()
        .public()
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")[:limit]
    )


def events_past(*, limit: int) -> QuerySet[EventPage]:
    return (
        EventPage.objects.live()
        .public()
        .filter(ends_at__lt=timezone.now())
        .order_by("-starts_at", "-pk")[:limit]
    )


def events_for_feed(*, kind: str | None = None) -> QuerySet[EventPage]:
    """Upcoming public events for a calendar feed, cancelled ones included so
    that subscribed calendars learn of the cancellation."""
    events = (
        EventPage.objects.live()
        .public()
        .filter(ends_at__gte=timezone.now())
        .select_related("calendar_state")
    )
    if kind:
        events = events.filter(kind=kind)
    return events.order_by("starts_at", "pk")


def feed_subscription_url(*, request: HttpRequest) -> str:
    """webcal:// makes the browser hand the feed to the calendar program."""
    feed = request.build_absolute_uri(reverse("events:ical_feed"))
    return "webcal://" + feed.split("://", 1)[1]


def calendar_links(*, event: EventPage, request: HttpRequest) -> dict[str, str]:
    """The event's own .ics and a subscription to all meetings."""
    return {
        "ics": reverse("events:ical_event", kwargs={"pk": event.pk}),
        "subscribe": feed_subscription_url(request=request),
    }


def event_public_or_404(*, pk: int) -> EventPage:
    """A live event without view restrictions; anything else is not found."""
    try:
        return (
            EventPage.objects.live()
            .public()
            .select_related("calendar_state")
            .get(pk=pk)
        )
    except EventPage.DoesNotExist as exc:
        raise Http404 from exc


def registration_context(*, event: EventPage, user) -> dict:
    """What the event page shows about registering, for this visitor."""
    from .models import Registration
    from .states import accepts_registrations, event_state

    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    state = event_state(event=event, confirmed=confirmed)
    mine = None
    if user.is_authenticated:
        mine = (
            event.registrations.filter(user=user)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
    places_left = None
    if event.capacity is not None:
        places_left = max(event.capacity - confirmed, 0)
    return {
        "state": state,
        "can_register": accepts_registrations(state) and mine is None,
        "places_left": places_left,
        "my_registration": mine,
        "show_meeting_link": bool(
            mine and mine.status == Registration.Status.CONFIRMED and event.meeting_link
        ),
    }
