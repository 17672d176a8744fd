"""A route link for a meeting on location: a plain link to a route planner,
built from the address. No map is embedded, so the page itself makes no
request to another host (see the browser test on third-party requests)."""

from urllib.parse import quote

from django.conf import settings

from .models import EventPage


def route_url(event: EventPage) -> str:
    """The route planner's link to the meeting's address; empty for an
    online meeting or one without an address."""
    address = " ".join(event.location.split())
    if not event.is_on_site or not address:
        return ""
    # ``{address}`` is replaced by the URL-encoded address (settings).
    return settings.ROUTE_PLANNER_URL.format(address=quote(address, safe=""))
