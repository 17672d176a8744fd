import datetime as dt

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts.access import pages_public
from portal.core.params import parse_month

from .models import Audience, EventKind, EventPage, Registration
from .states import EventState, accepts_registrations, event_state


def events_upcoming(*, limit: int) -> QuerySet[EventPage]:
    return (
        pages_public(EventPage.objects.live())
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at", "pk")[:limit]
    )


def events_for_feed(*, kind: str | None = None) -> QuerySet[EventPage]:
    """Upcoming public events for a calendar feed, cancelled ones included so
    that subscribed calendars learn of the cancellation."""
    events = (
        pages_public(EventPage.objects.live())
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
    """A live event everyone may see; anything else is not found."""
    try:
        return (
            pages_public(EventPage.objects.live())
            .select_related("calendar_state")
            .get(pk=pk)
        )
    except EventPage.DoesNotExist as exc:
        raise Http404 from exc


def with_waiting_place(
    registrations: QuerySet[Registration],
) -> QuerySet[Registration]:
    """Annotates ``waiting_place``: 1 for the first in line, and so on, in
    the order places are given (``services._promote_first_waiting``); None
    for a registration not on the waiting list. One subquery, however many
    registrations."""
    ahead = (
        Registration.objects.filter(
            event=OuterRef("event"), status=Registration.Status.WAITING
        )
        .filter(
            Q(created_at__lt=OuterRef("created_at"))
            | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(
        waiting_place=Case(
            When(
                status=Registration.Status.WAITING,
                then=Coalesce(Subquery(ahead), 0) + 1,
            ),
            default=None,
            output_field=IntegerField(),
        )
    )


def registration_of(*, event: EventPage, user) -> Registration | None:
    """``user``'s active registration for ``event``, with its waiting place."""
    if not user.is_authenticated:
        return None
    return (
        with_waiting_place(event.registrations.filter(user=user))
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )


def registrations_of_member(*, user) -> QuerySet[Registration]:
    """A member's active registrations, with event and waiting place, the
    soonest meeting first."""
    return (
        with_waiting_place(Registration.objects.filter(user=user))
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def registration_context(*, event: EventPage, user) -> dict:
    """What the event page shows about registering, for this visitor."""
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    state = event_state(event=event, confirmed=confirmed)
    mine = registration_of(event=event, user=user)
    places_left = None
    if event.capacity is not None:
        places_left = max(event.capacity - confirmed, 0)
    label = state.label
    if mine is not None and state == EventState.FULL:
        # Registered already: "you can join the waiting list" is not for them.
        label = _("Full")
    return {
        "state": state,
        "state_label": label,
        # Shown while it matters: registration is open, the deadline ahead.
        "deadline": event.registration_closes_at
        if accepts_registrations(state)
        else None,
        "can_register": accepts_registrations(state) and mine is None,
        "places_left": places_left,
        "my_registration": mine,
        "show_meeting_link": bool(
            mine and mine.status == Registration.Status.CONFIRMED and event.meeting_link
        ),
    }


def events_index_context(*, params) -> dict:
    """Upcoming and past events, filtered by kind and month (``2026-12``).

    Unknown values come from hand-edited URLs: they get a message and are
    ignored, never an error.
    """
    events = pages_public(EventPage.objects.live())
    notices: list[str] = []
    kind = params.get("soort", "")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    elif kind:
        notices.append(_("There is no kind of meeting with that name; showing all."))
        kind = ""
    audience = params.get("doelgroep", "")
    audiences = list(Audience.objects.all())
    if audience in {a.slug for a in audiences}:
        events = events.filter(audiences__slug=audience)
    elif audience:
        notices.append(_("There is no audience with that name; showing all."))
        audience = ""
    month = params.get("maand", "")
    first = parse_month(month)
    if month and first is None:
        notices.append(_("Give the month as year-month, for example 2026-12."))
        month = ""
    if first is not None:
        events = events.filter(
            starts_at__date__gte=first,
            starts_at__date__lt=(first + dt.timedelta(days=32)).replace(day=1),
        )
    now = timezone.now()
    return {
        "upcoming": events.filter(ends_at__gte=now).order_by("starts_at", "pk")[:100],
        "past": events.filter(ends_at__lt=now).order_by("-starts_at", "-pk")[:50],
        "kinds": EventKind.choices,
        "audiences": audiences,
        "active_audience": audience,
        "active_kind": kind,
        "active_month": month,
        "notices": notices,
    }


def events_for_management() -> QuerySet[EventPage]:
    """Upcoming and recent events with their counts, for the advisers' list."""
    Status = Registration.Status
    since = timezone.now() - dt.timedelta(days=90)
    return (
        EventPage.objects.filter(ends_at__gte=since)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=Status.CONFIRMED)
            ),
            waiting=Count(
                "registrations", filter=Q(registrations__status=Status.WAITING)
            ),
            unconfirmed=Count(
                "registrations", filter=Q(registrations__status=Status.UNCONFIRMED)
            ),
        )
        .order_by("starts_at", "pk")
    )


def event_participants(*, event: EventPage):
    """Everyone registered for ``event``: places first, then those awaiting
    approval, the waiting list in its order, unconfirmed and cancelled."""
    Status = Registration.Status
    order = Case(
        When(status=Status.CONFIRMED, then=Value(0)),
        When(status=Status.PENDING_APPROVAL, then=Value(1)),
        When(status=Status.WAITING, then=Value(2)),
        When(status=Status.UNCONFIRMED, then=Value(3)),
        default=Value(4),
        output_field=IntegerField(),
    )
    return (
        event.registrations.filter(anonymised_at__isnull=True)
        .annotate(order=order)
        .order_by("order", "created_at", "pk")
    )


def events_announced_between(
    *, since: dt.datetime, until: dt.datetime
) -> QuerySet[EventPage]:
    """Public meetings first published in ``(since, until]`` that have not
    started at ``until``: what the newsletter digest announces. Cancelled
    ones are left out; an announcement of a cancelled meeting is no news."""
    return (
        pages_public(EventPage.objects.live())
        .filter(
            first_published_at__gt=since,
            first_published_at__lte=until,
            starts_at__gte=until,
            cancelled=False,
        )
        .order_by("starts_at", "pk")
    )


def community_meetings() -> QuerySet[EventPage]:
    """Community-of-practice meetings, newest first: what the community's
    discussions and meeting notes are tied to."""
    return (
        EventPage.objects.live()
        .filter(kind=EventKind.COMMUNITY_OF_PRACTICE)
        .order_by("-starts_at", "-pk")
    )
