"""The digital-cup-of-coffee section of a member's overview (Mijn
Leerkring): the member's own bookings and, for a host, the bookings of
their times."""

from collections.abc import Mapping
from typing import Any

from .selectors import bookings_involving


def overview_items(user) -> Mapping[str, Any] | None:
    """One query, whatever the number; None when nothing is booked either
    way."""
    bookings, hosted = bookings_involving(user=user)
    if not bookings and not hosted:
        return None
    return {"bookings": bookings, "hosted": hosted}
