"""The meetings' part of the newsletter digest; see
knowledge.newsletter.signals for why events answers a signal instead of the
newsletter importing events."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from knowledge.newsletter.sections import SECTION_LIMIT, DigestItem, DigestSection

from .models import EventPage
from .selectors import events_announced_between


def digest_section(sender, *, since, until, **kwargs) -> DigestSection | None:
    events = events_announced_between(since=since, until=until)
    total = events.count()
    if not total:
        return None
    return DigestSection(
        key="events",
        heading=_("New meetings"),
        order=20,
        items=tuple(_item(event) for event in events[:SECTION_LIMIT]),
        total=total,
    )


def _item(event: EventPage) -> DigestItem:
    when = date_format(timezone.localtime(event.starts_at), "l j F Y, H:i")
    return DigestItem(
        title=event.title,
        url=event.get_url(),
        summary=Truncator(event.intro).words(40),
        meta=f"{when}, {event.location}" if event.location else when,
    )
