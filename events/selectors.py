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

from portal.accounts.access import (
    Section,
    page_visible_to_each,
    pages_public,
    pages_visible_to,
)
from portal.accounts.roles import ADVISERS_GROUP, MEMBERS_GROUP
from portal.accounts.selectors import user_is_member
from portal.core.params import parse_month
from portal.core.regions import Region
from portal.core.shared_memo import shared_memo

from .models import (
    Audience,
    EventIndexPage,
    EventKind,
    EventPage,
    Registration,
    TopicFollow,
    kind_plural,
)
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
    """Upcoming and past events, filtered by kind, audience, region and month
    (``2026-12``).

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
    # Asked only when a filter names one, or when the filter form is
    # rendered (portal.core.fragments keeps it otherwise).
    audiences = Audience.objects.all()
    if audience and audience in {a.slug for a in audiences}:
        events = events.filter(audiences__slug=audience)
    elif audience:
        notices.append(_("There is no audience with that name; showing all."))
        audience = ""
    region = params.get("regio", "")
    if region in Region.values:
        events = events.filter(region=region)
    elif region:
        notices.append(_("There is no region with that name; showing all."))
        region = ""
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
        "regions": Region.choices,
        "active_region": region,
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


def events_near(
    *, user, region: str, limit: int, sections: list[Section] | None = None
) -> list[EventPage]:
    """Upcoming meetings ``user`` may see in ``region`` or nationwide, soonest
    first, cancelled ones left out: what "near you" shows. One query, and
    one for the restrictions unless ``sections`` are given."""
    regions = {region, Region.NATIONAL}
    events = pages_visible_to(
        user,
        EventPage.objects.live().filter(
            region__in=regions, ends_at__gte=timezone.now(), cancelled=False
        ),
        sections=sections,
    )
    return list(events.order_by("starts_at", "pk")[:limit])


def topic_follows_of(*, user) -> list[TopicFollow]:
    """The kinds of meeting ``user`` follows, in the order of the kinds."""
    if not user.is_authenticated:
        return []
    order = {kind: n for n, kind in enumerate(EventKind.values)}
    follows = list(TopicFollow.objects.filter(user=user))
    return sorted(follows, key=lambda follow: order.get(follow.kind, len(order)))


def topic_recipients(*, event: EventPage) -> list[TopicFollow]:
    """The follows of ``event``'s kind whose member is to be told it opened:
    active members who may see the page, and, for a follow limited to the
    home region, only when the meeting is there, nationwide or online (a
    member without a home region hears of all)."""
    follows = TopicFollow.objects.filter(kind=event.kind, user__is_active=True).filter(
        Q(user__is_superuser=True)
        | Q(user__groups__name__in=[MEMBERS_GROUP, ADVISERS_GROUP])
    )
    if event.region not in ("", Region.NATIONAL):
        follows = follows.filter(
            Q(home_region_only=False)
            | Q(user__home_region="")
            | Q(user__home_region=event.region)
        )
    follows = list(follows.select_related("user").distinct().order_by("pk"))
    may_see = {
        user.pk for user in page_visible_to_each(event, [f.user for f in follows])
    }
    return [follow for follow in follows if follow.user_id in may_see]


def topic_context(*, user, kind: str = "") -> dict:
    """What the agenda and an event page offer a member about following
    kinds of meeting (one query, none for anyone else): the kinds followed,
    and a form for ``kind`` or any other."""
    if not user_is_member(user):
        return {"topic_member": False}
    follows = topic_follows_of(user=user)
    return {
        "topic_member": True,
        "topic_follows": [
            {"follow": f, "kind": f.kind, "kinds": kind_plural(f.kind)} for f in follows
        ],
        "topic_kind": kind,
        "topic_kinds": kind_plural(kind) if kind else "",
        "topic_following": any(f.kind == kind for f in follows),
        "topic_home_region": user.home_region,
        "topic_home_region_label": user.get_home_region_display(),
    }


def _agenda_url() -> str:
    agenda = EventIndexPage.objects.live().first()
    return agenda.url if agenda else ""


def agenda_url() -> str:
    """The agenda's address, or empty when there is none (yet); kept per
    page-cache generation (a page moved or published starts a new one)."""
    return shared_memo("agenda url", _agenda_url)


def participants_present(*, event_id: int) -> QuerySet[Registration]:
    """The participants of a meeting who had a place and were not marked
    absent: whom the follow-up mail goes to, and whom a response rate
    counts."""
    return Registration.objects.filter(
        event_id=event_id,
        status=Registration.Status.CONFIRMED,
        anonymised_at__isnull=True,
    ).exclude(attended=False)


def participant_registration(
    *, event_id: int, pk: int | None = None, user=None
) -> Registration | None:
    """The registration with a place at the meeting: by its number (a
    personal link) or by its account (a member who is logged in)."""
    if pk is None and (user is None or not user.is_authenticated):
        return None
    found = Registration.objects.filter(
        event_id=event_id, status=Registration.Status.CONFIRMED
    )
    found = found.filter(pk=pk) if pk is not None else found.filter(user=user)
    return found.only("pk", "event_id", "user_id", "status", "name").first()


def events_ended_between(
    *, since: dt.datetime, until: dt.datetime
) -> QuerySet[EventPage]:
    """Live meetings that ended in ``(since, until]`` and were not
    cancelled: those whose participants get the follow-up mail."""
    return (
        EventPage.objects.live()
        .filter(ends_at__gt=since, ends_at__lte=until, cancelled=False)
        .order_by("ends_at", "pk")
    )


def event_by_slug(*, slug: str) -> EventPage | None:
    """A live meeting by its slug: what the apps' demo content links to."""
    return EventPage.objects.live().filter(slug=slug).first()
