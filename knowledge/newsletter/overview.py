"""The newsletter section of a member's overview (Mijn Leerkring)."""

from collections.abc import Mapping
from typing import Any

from .links import subscriber_path
from .models import Subscriber
from .selectors import subscriptions_of


def overview_items(user) -> Mapping[str, Any]:
    """Whether the account's address receives the newsletter, with the way
    out or in. One query."""
    subscriber = subscriptions_of(emails=[user.email]).first()
    confirmed = subscriber is not None and (
        subscriber.status == Subscriber.Status.CONFIRMED
    )
    return {
        "subscriber": subscriber,
        "confirmed": confirmed,
        "unsubscribe_path": subscriber_path(subscriber, "unsubscribe")
        if subscriber
        else "",
    }
