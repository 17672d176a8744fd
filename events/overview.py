"""The events section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from .models import Registration, kind_plural
from .selectors import agenda_url, registrations_of_member, topic_follows_of

#: Past meetings shown; the rest are in the data export.
PAST_SHOWN = 10


def overview_items(user) -> Mapping[str, Any]:
    """Upcoming registrations (status, place on the waiting list) and the
    meetings attended lately, with their report and replay. Two queries;
    the agenda's address from memory."""
    now = timezone.now()
    # Reports and replays come after a meeting: only the past list shows them.
    upcoming = list(registrations_of_member(user=user).filter(event__ends_at__gte=now))
    # Attended: had a place, so never a place on the waiting list to count.
    past = list(
        Registration.objects.filter(
            user=user,
            event__ends_at__lt=now,
            status=Registration.Status.CONFIRMED,
        )
        .select_related("event__report_page", "event__replay")
        .order_by("-event__starts_at", "-pk")[:PAST_SHOWN]
    )
    return {"upcoming": upcoming, "past": past, "agenda_url": agenda_url()}


def topic_overview_items(user) -> Mapping[str, Any] | None:
    """The kinds of meeting the member follows, each with its button to stop;
    one query. None for a member who follows none (the agenda offers it)."""
    follows = topic_follows_of(user=user)
    if not follows:
        return None
    return {
        "follows": [{"follow": f, "kinds": kind_plural(f.kind)} for f in follows],
        "home_region": user.home_region,
        "home_region_label": user.get_home_region_display(),
    }
