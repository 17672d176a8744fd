from django.db.models import Count, Q, QuerySet

from .models import Digest, Subscriber

Status = Subscriber.Status


def subscriber_by_id(subscriber_id: int | None) -> Subscriber | None:
    if subscriber_id is None:
        return None
    return Subscriber.objects.filter(pk=subscriber_id).first()


def subscribers_for_admin(*, status: str = "") -> QuerySet[Subscriber]:
    """Everyone signed up, newest first; ``status`` narrows it down."""
    subscribers = Subscriber.objects.order_by("-created_at", "-pk")
    if status in Status.values:
        subscribers = subscribers.filter(status=status)
    return subscribers


def subscriber_counts() -> dict[str, int]:
    return Subscriber.objects.aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        pending=Count("pk", filter=Q(status=Status.PENDING)),
    )


def subscribers_confirmed() -> QuerySet[Subscriber]:
    """Those who receive the digest, in a stable order for the export."""
    return Subscriber.objects.filter(status=Status.CONFIRMED).order_by("email")


def digests_recent(*, limit: int) -> QuerySet[Digest]:
    return Digest.objects.order_by("-period_end")[:limit]


def subscriptions_of(*, emails: list[str]) -> QuerySet[Subscriber]:
    return Subscriber.objects.for_emails(emails).order_by("pk")
