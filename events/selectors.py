from django.db.models import QuerySet
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
