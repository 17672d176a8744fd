"""The digital-cup-of-coffee section of a member's overview (Mijn
Leerkring): the member's own bookings and, for a host, the bookings of
their times."""

from collections.abc import Mapping
from typing import Any

from django.utils import timezone

from .selectors import bookings_of_member, bookings_with_host, user_may_host


def overview_items(user) -> Mapping[str, Any] | None:
    """Three queries (bookings, hosted bookings, may host), whatever the
    number; None when the member has nothing booked either way."""
    now = timezone.now()
    bookings = bookings_of_member(user=user, now=now)
    hosted = bookings_with_host(user=user, now=now)
    if not bookings and not hosted:
        return None
    return {"bookings": bookings, "hosted": hosted, "may_host": user_may_host(user)}
